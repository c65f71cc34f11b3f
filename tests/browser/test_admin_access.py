"""Getting back into the admin, in French: after a lock-out has run its course, and with a
password reset by email."""

import datetime
import re

from django.utils import translation
from django.utils.translation import ngettext
from playwright.sync_api import expect

from ..interface_strings import in_french
from ..test_two_factor import current_code

PASSWORD = "correct-horse-battery"


def enrolled_psychologist(django_user_model):
    user = django_user_model.objects.create_superuser("psy", "psy@example.org", PASSWORD)
    return user.totpdevice_set.create(name="default")


def sign_in(page, password, device):
    page.fill("#id_auth-username", "psy")
    page.fill("#id_auth-password", password)
    page.press("#id_auth-password", "Enter")
    page.fill("#id_token-otp_token", current_code(device))
    page.press("#id_token-otp_token", "Enter")
    expect(page.locator("#site-name")).to_be_visible()
    expect(page.locator("#user-tools")).to_be_visible()


def test_she_signs_in_once_the_lock_out_is_over(page, django_user_model, settings):
    settings.ADMIN_TWO_FACTOR = True
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=3)
    device = enrolled_psychologist(django_user_model)
    page.goto("/admin/login/")
    for _ in range(2):
        page.fill("#id_auth-username", "psy")
        page.fill("#id_auth-password", "wrong")
        page.press("#id_auth-password", "Enter")

    expect(page.locator("h1")).to_have_text(in_french("Sign-in locked"))
    expect(page.locator("#site-name")).to_have_text("Administration du site du cabinet")
    assert page.locator("html").get_attribute("lang") == "fr"
    with translation.override("fr"):
        three_seconds = ngettext("%(num)d second", "%(num)d seconds", 3) % {"num": 3}
    expect(page.locator(".lockout")).to_contain_text(three_seconds)
    expect(page.locator('.lockout a[href="/admin/password_reset/"]')).to_be_visible()

    page.wait_for_timeout(3_500)
    page.get_by_role("link", name=in_french("Back to the sign-in page")).click()
    sign_in(page, PASSWORD, device)
    expect(page.locator("#enquiries-title")).to_be_visible()


def test_she_sets_a_new_password_from_the_email_and_signs_in_with_it(
    page, django_user_model, settings, smtp_server
):
    settings.ADMIN_TWO_FACTOR = True
    device = enrolled_psychologist(django_user_model)
    page.goto("/admin/login/")

    page.get_by_role("link", name=in_french("Forgotten your login credentials?")).click()
    page.fill("#id_email", "psy@example.org")
    page.press("#id_email", "Enter")
    expect(page.locator("#content")).to_contain_text(
        in_french(
            "We’ve emailed you instructions for setting your password, if an account exists "
            "with the email you entered. You should receive them shortly."
        )
    )

    [message] = smtp_server.messages
    assert message["To"] == "psy@example.org"
    assert in_french("Password reset on %(site_name)s")[:10] in message["Subject"]
    link = re.search(r"http://\S+/admin/reset/\S+/", message.get_content()).group(0)
    page.goto(link)
    new_password = "a-new-and-long-password"
    page.fill("#id_new_password1", new_password)
    page.fill("#id_new_password2", new_password)
    page.press("#id_new_password2", "Enter")
    page.get_by_role("link", name=in_french("Log in"), exact=True).click()

    sign_in(page, new_password, device)
