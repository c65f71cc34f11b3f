"""The psychologist enrols her authenticator app in the admin, from the link the operator
gives her, under the site's strict CSP."""

from base64 import b32decode
from io import StringIO

from django.core.management import call_command
from django_otp.oath import totp
from playwright.sync_api import expect

from ..interface_strings import in_french

PASSWORD = "correct-horse-battery"


def test_she_opens_her_enrolment_link_scans_the_qr_code_and_reaches_the_admin(
    page, django_user_model, settings, live_server
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

    link = StringIO()
    call_command("enrolment_link", "psy", "--base-url", live_server.url, stdout=link)

    page.goto(link.getvalue().strip())
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
    page.get_by_role("link", name=in_french("Back to the administration area")).click()
    expect(page.locator("#enquiries-title")).to_be_visible()
    page.goto("/admin/contact/enquiry/")
    expect(page.locator("#changelist")).to_be_visible()
    assert refused == []
