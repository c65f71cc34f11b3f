"""Only her eyes: the enquiries open after a password and a second factor, to those allowed."""

import datetime
import os
import subprocess
import sys
from base64 import b32decode
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from contact.models import Enquiry

from .signing_in import password_step
from .test_enrolment import enrolment_link

pytestmark = pytest.mark.django_db

ENQUIRIES = "/admin/contact/enquiry/"
PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    """The production setting, whatever the environment running the suite says."""
    settings.ADMIN_TWO_FACTOR = True


@pytest.fixture
def psychologist():
    return User.objects.create_superuser("psy", "psy@example.org", PASSWORD)


@pytest.fixture
def authenticator(psychologist):
    return psychologist.totpdevice_set.create(name="default")


@pytest.fixture
def enquiry():
    return Enquiry.objects.create(
        name="Alex Martin", email="alex@example.org", message="Bonjour", language="fr"
    )


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):0{device.digits}d}"


def sign_in_with_password(client, next_url=ENQUIRIES):
    return client.post(f"/admin/login/?next={next_url}", password_step("psy", PASSWORD))


def test_a_password_alone_does_not_reach_the_enquiries(client, authenticator, enquiry):
    response = sign_in_with_password(client)

    assert response.status_code == 200
    assert response.context["wizard"]["steps"].current == "token"
    listing = client.get(ENQUIRIES)
    assert listing.status_code == 302
    assert listing["Location"].startswith("/admin/login/")


def test_the_authenticator_code_opens_the_enquiries(client, authenticator, enquiry):
    sign_in_with_password(client)

    response = client.post(
        f"/admin/login/?next={ENQUIRIES}",
        {"login_view-current_step": "token", "token-otp_token": current_code(authenticator)},
    )

    assert response.status_code == 302
    assert response["Location"] == ENQUIRIES
    listing = client.get(ENQUIRIES)
    assert listing.status_code == 200
    assert "alex@example.org" in listing.content.decode()


def test_a_wrong_code_does_not_open_the_admin(client, authenticator):
    sign_in_with_password(client)
    wrong = (int(current_code(authenticator)) + 1) % 10**6

    response = client.post(
        "/admin/login/", {"login_view-current_step": "token", "token-otp_token": f"{wrong:06d}"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert client.get("/admin/").status_code == 302


def test_a_staff_user_not_enrolled_sees_no_enquiry(client, psychologist, enquiry):
    response = sign_in_with_password(client)

    assert response.status_code == 403
    assert "alex@example.org" not in response.content.decode()
    assert client.get(ENQUIRIES).status_code == 302


def test_enrolment_shows_a_qr_code_and_then_the_recovery_codes(client, psychologist):
    to_sign_in = client.get(urlsplit(enrolment_link()).path)
    setup_url = client.post(to_sign_in["Location"], password_step("psy", PASSWORD))["Location"]
    generator = client.post(setup_url, {"setup_view-current_step": "welcome"})
    html = generator.content.decode()
    assert '<img src="/admin/account/two_factor/qrcode/"' in html
    qr_code = client.get("/admin/account/two_factor/qrcode/")
    assert qr_code.status_code == 200
    assert qr_code["Content-Type"].startswith("image/svg+xml")
    assert b"<svg" in qr_code.content
    key = b32decode(generator.context["secret_key"])

    enrolled = client.post(
        setup_url, {"setup_view-current_step": "generator", "generator-token": totp(key)}
    )

    assert enrolled.status_code == 302
    assert enrolled["Location"] == "/admin/account/two_factor/backup/tokens/"
    assert TOTPDevice.objects.filter(user=psychologist, confirmed=True).count() == 1
    client.post(enrolled["Location"])
    codes = StaticDevice.objects.get(user=psychologist).token_set.values_list("token", flat=True)
    assert len(codes) == 10
    recovery_page = client.get(enrolled["Location"]).content.decode()
    assert all(code in recovery_page for code in codes)
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_signs_in_once(psychologist, authenticator):
    device = psychologist.staticdevice_set.create(name="backup")
    device.token_set.create(token="r3c0v3ry")

    def sign_in_with_recovery_code():
        client = Client()
        token_step = sign_in_with_password(client).content.decode()
        assert 'name="wizard_goto_step" type="submit" value="backup"' in token_step
        client.post(
            "/admin/login/", {"login_view-current_step": "token", "wizard_goto_step": "backup"}
        )
        client.post(
            "/admin/login/",
            {"login_view-current_step": "backup", "backup-otp_token": "r3c0v3ry"},
        )
        return client.get(ENQUIRIES).status_code

    assert sign_in_with_recovery_code() == 200
    assert sign_in_with_recovery_code() == 302
    assert not device.token_set.exists()


def test_the_reset_command_removes_a_users_devices(client, psychologist, authenticator):
    psychologist.staticdevice_set.create(name="backup").token_set.create(token="r3c0v3ry")

    call_command("two_factor_disable", "psy")

    assert not TOTPDevice.objects.filter(user=psychologist).exists()
    assert not StaticDevice.objects.filter(user=psychologist).exists()
    # Her next sign-in asks for an enrolment link, as a new account's does.
    assert sign_in_with_password(client).status_code == 403
    assert enrolment_link().startswith("http")


def test_the_reset_command_refuses_an_unknown_user():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("two_factor_disable", "nobody")


def test_a_session_verified_by_a_device_that_was_reset_is_no_longer_let_in(admin_client):
    call_command("two_factor_disable", "admin")

    assert admin_client.get(ENQUIRIES).status_code == 302


def test_staff_without_the_reading_permission_cannot_see_enquiries(signed_in_client, enquiry):
    """Django's "view" and "delete" on enquiries are not enough without contact.read_enquiry."""
    assistant = User.objects.create_user("assistant", password=PASSWORD, is_staff=True)
    assistant.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="contact", codename__in=["view_enquiry", "delete_enquiry"]
        )
    )
    client = signed_in_client(assistant)

    assert client.get("/admin/").status_code == 200
    assert ENQUIRIES not in client.get("/admin/").content.decode()
    assert client.get(ENQUIRIES).status_code == 403
    assert client.get(f"{ENQUIRIES}{enquiry.pk}/change/").status_code == 403
    assert client.get(f"{ENQUIRIES}{enquiry.pk}/history/").status_code == 403
    send_again = client.post(ENQUIRIES, {"action": "send_again", "_selected_action": [enquiry.pk]})
    assert send_again.status_code == 403
    assert Enquiry.objects.get(pk=enquiry.pk).attempts == 0


def test_the_practice_group_reads_enquiries_and_edits_the_content(signed_in_client, enquiry):
    member = User.objects.create_user("member", password=PASSWORD, is_staff=True)
    member.groups.add(Group.objects.get(name="practice"))
    client = signed_in_client(member)

    assert client.get(ENQUIRIES).status_code == 200
    assert client.get(f"{ENQUIRIES}{enquiry.pk}/change/").status_code == 200
    assert client.get("/admin/articles/article/add/").status_code == 200
    assert client.get("/admin/practice/legalpage/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403


def test_the_admin_session_cookie_ends_with_the_browser(client, authenticator):
    sign_in_with_password(client)
    response = client.post(
        "/admin/login/",
        {"login_view-current_step": "token", "token-otp_token": current_code(authenticator)},
    )

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value
    assert not cookie["expires"]
    assert not cookie["max-age"]


def test_the_admin_session_ends_after_an_hour_without_a_request(admin_client, monkeypatch):
    start = timezone.now()

    def at(minutes):
        monkeypatch.setattr(timezone, "now", lambda: start + datetime.timedelta(minutes=minutes))
        return admin_client.get("/admin/").status_code

    # Each request pushes the end back: two hours of work in 59-minute steps stay signed in.
    assert at(59) == 200
    assert at(118) == 200
    assert at(180) == 302


def test_with_two_factor_off_a_password_opens_the_admin(client, psychologist, settings):
    settings.ADMIN_TWO_FACTOR = False

    response = client.post(
        f"/admin/login/?next={ENQUIRIES}", {"username": "psy", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert client.get(ENQUIRIES).status_code == 200


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"DJANGO_DEBUG": "false"}, True),
        ({"DJANGO_DEBUG": "false", "ADMIN_TWO_FACTOR": "off"}, False),
        ({"DJANGO_DEBUG": "true"}, False),
        ({"DJANGO_DEBUG": "true", "ADMIN_TWO_FACTOR": "on"}, True),
    ],
)
def test_two_factor_is_on_unless_debug_or_turned_off(environment, expected):
    base = {k: v for k, v in os.environ.items() if k not in {"ADMIN_TWO_FACTOR", "DJANGO_DEBUG"}}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from practice_site import settings; print(settings.ADMIN_TWO_FACTOR)",
        ],
        cwd=settings.BASE_DIR,
        env={**base, **environment, "DJANGO_SECRET_KEY": "insecure-key-for-tests-only"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == str(expected)


def test_a_session_cannot_switch_its_second_factor_off(admin_client):
    assert admin_client.get("/admin/account/two_factor/disable/").status_code == 404
    assert (
        admin_client.post("/admin/account/two_factor/disable/", {"understand": "on"}).status_code
        == 404
    )


@pytest.mark.parametrize("page", ["setup/", "qrcode/"])
def test_a_password_alone_cannot_enrol_a_second_authenticator(client, authenticator, page):
    """A session signed in by password only (as when ADMIN_TWO_FACTOR was off for a while):
    adding a device of its own would open the admin without the enrolled second factor."""
    client.force_login(authenticator.user)
    url = f"/admin/account/two_factor/{page}"
    assert client.get(url).status_code == 403
    assert client.post(url, {"setup_view-current_step": "welcome"}).status_code == 403
    assert client.get(ENQUIRIES).status_code == 302
    assert TOTPDevice.objects.filter(user=authenticator.user).count() == 1
