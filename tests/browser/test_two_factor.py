"""The psychologist enrols her authenticator app in the admin, under the site's strict CSP."""

from base64 import b32decode

from django_otp.oath import totp
from playwright.sync_api import expect

PASSWORD = "correct-horse-battery"


def test_enrolment_shows_the_qr_code_and_the_recovery_codes_under_the_csp(
    page, django_user_model, settings
):
    settings.ADMIN_TWO_FACTOR = True
    django_user_model.objects.create_superuser("psy", "psy@example.org", PASSWORD)
    refused = []
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " event => console.error('CSP refused ' + event.violatedDirective))"
    )
    page.on(
        "console", lambda message: refused.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: refused.append(str(error)))

    page.goto("/admin/contact/enquiry/")
    page.fill("#id_auth-username", "psy")
    page.fill("#id_auth-password", PASSWORD)
    page.press("#id_auth-password", "Enter")
    page.wait_for_url("**/admin/account/two_factor/setup/**")
    page.locator(".submit-row input[type=submit]").click()

    qr_code = page.locator('img[src$="/account/two_factor/qrcode/"]')
    expect(qr_code).to_be_visible()
    assert qr_code.evaluate("image => image.complete && image.naturalWidth > 0")
    secret = page.locator('a[href^="otpauth://"]').inner_text()
    page.fill("#id_generator-token", f"{totp(b32decode(secret)):06d}")
    page.press("#id_generator-token", "Enter")

    page.wait_for_url("**/admin/account/two_factor/backup/tokens/")
    page.locator(".submit-row input[type=submit]").click()
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.goto("/admin/contact/enquiry/")
    expect(page.locator("#changelist")).to_be_visible()
    assert refused == []
