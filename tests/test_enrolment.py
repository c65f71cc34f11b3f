"""An authenticator app is enrolled only through a personal link the operator makes on the
server: a password alone, stolen or not, never reaches the admin nor the setup of an app."""

import time
from base64 import b32decode
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .interface_strings import in_french
from .signing_in import password_step

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
SETUP = "/admin/account/two_factor/setup/"
ASK_FOR_A_LINK = (
    "This account has no authenticator app yet, so you cannot sign in to the administration "
    "area with it. For your security, an app is set up only through a personal link: ask the "
    "person who runs the website for a set-up link, then open it."
)
INVALID_LINK = (
    "This set-up link is not valid: it has expired (links work for 24 hours) or part of it "
    "was lost when it was copied. Ask the person who runs the website for a new one."
)
ALREADY_ENROLLED = (
    "This account already has an authenticator app, so this set-up link no longer works. "
    "Sign in with your password and the code your app shows."
)


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.ADMIN_TWO_FACTOR = True


@pytest.fixture
def psychologist():
    return User.objects.create_superuser("psy", "psy@example.org", PASSWORD)


def enrolment_link(username="psy", *options):
    out = StringIO()
    call_command("enrolment_link", username, *options, stdout=out)
    return out.getvalue().strip()


def path_of(url):
    return urlsplit(url).path


def says(response, message):
    """Whether the page shows `message` as the French interface words it."""
    return " ".join(in_french(message).split()) in " ".join(response.content.decode().split())


def test_staff_without_an_authenticator_is_told_to_ask_for_a_link(client, psychologist):
    response = client.post("/admin/login/?next=/admin/", password_step("psy", PASSWORD))

    assert response.status_code == 403
    assert says(response, ASK_FOR_A_LINK)
    assert SETUP not in response.content.decode()
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/contact/enquiry/").status_code == 302
    assert client.get(SETUP).status_code == 302  # signed out again: to the sign-in page


@pytest.mark.parametrize(
    ("language", "personal", "single_use"),
    [("fr", "un lien personnel", "usage unique"), ("en", "a personal link", "single-use")],
)
def test_the_link_is_called_personal_as_it_works_more_than_once(
    client, psychologist, language, personal, single_use
):
    """A link works again and again for a day, until an app is confirmed: "single-use" would
    send her back to the operator after a first attempt that went wrong."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    html = client.post("/admin/login/", password_step("psy", PASSWORD)).content.decode()

    assert personal in html
    assert single_use not in html


@pytest.mark.parametrize("page", ["setup/", "qrcode/"])
def test_a_password_alone_is_not_offered_the_setup_of_an_app(client, psychologist, page):
    """A session signed in by password only (as when ADMIN_TWO_FACTOR was off for a while)."""
    client.force_login(psychologist)
    url = f"/admin/account/two_factor/{page}"

    refused = client.get(url)
    assert refused.status_code == 403
    assert says(refused, ASK_FOR_A_LINK)
    assert client.post(url, {"setup_view-current_step": "welcome"}).status_code == 403
    assert not TOTPDevice.objects.filter(user=psychologist).exists()


def test_the_command_prints_an_absolute_link_on_the_site_s_host(psychologist, settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = [".example.fr", "www.example.fr"]

    link = enrolment_link()

    assert link.startswith("https://www.example.fr/admin/account/two_factor/enrol/")
    assert enrolment_link("psy", "--base-url", "http://127.0.0.1:8000/").startswith(
        "http://127.0.0.1:8000/admin/account/two_factor/enrol/"
    )


def test_the_command_refuses_an_unknown_or_enrolled_account(psychologist):
    with pytest.raises(CommandError, match="nobody"):
        enrolment_link("nobody")
    psychologist.totpdevice_set.create(name="default")
    with pytest.raises(CommandError, match="two_factor_disable"):
        enrolment_link()


def test_a_link_leads_through_the_password_to_the_app_and_then_works_no_more(client, psychologist):
    link = path_of(enrolment_link())

    to_sign_in = client.get(link)
    assert to_sign_in.status_code == 302
    assert urlsplit(to_sign_in["Location"]).path == "/admin/login/"
    to_setup = client.post(to_sign_in["Location"], password_step("psy", PASSWORD))
    assert to_setup.status_code == 302
    assert to_setup["Location"].startswith(SETUP)
    assert client.get("/admin/").status_code == 302  # the password alone still opens nothing

    generator = client.post(to_setup["Location"], {"setup_view-current_step": "welcome"})
    assert generator.context["wizard"]["steps"].current == "generator"
    assert client.get("/admin/account/two_factor/qrcode/").status_code == 200
    key = b32decode(generator.context["secret_key"])
    enrolled = client.post(
        to_setup["Location"], {"setup_view-current_step": "generator", "generator-token": totp(key)}
    )

    assert enrolled["Location"] == "/admin/account/two_factor/backup/tokens/"
    assert TOTPDevice.objects.filter(user=psychologist, confirmed=True).count() == 1
    assert client.get("/admin/").status_code == 200
    for someone in (client, Client()):
        again = someone.get(link)
        assert again.status_code == 400
        assert says(again, "An app is already set up")
        assert says(again, ALREADY_ENROLLED)


def test_a_link_opened_by_an_account_signed_in_with_its_password_leads_to_the_app(
    client, psychologist
):
    client.force_login(psychologist)

    response = client.get(path_of(enrolment_link()))

    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    assert client.get(response["Location"]).status_code == 200


def test_a_link_for_another_account_opens_no_setup(client, psychologist):
    User.objects.create_user("camille", password=PASSWORD, is_staff=True)
    client.get(path_of(enrolment_link("camille")))

    response = client.post("/admin/login/", password_step("psy", PASSWORD))

    assert response.status_code == 403
    assert says(response, ASK_FOR_A_LINK)
    assert not TOTPDevice.objects.exists()


def test_a_link_of_yesterday_is_refused(client, psychologist, monkeypatch):
    now = time.time()
    with monkeypatch.context() as clock:
        clock.setattr(time, "time", lambda: now - 24 * 3600 - 60)
        expired = path_of(enrolment_link())
    with monkeypatch.context() as clock:
        clock.setattr(time, "time", lambda: now - 23 * 3600)
        still_valid = path_of(enrolment_link())

    refused = client.get(expired)
    assert refused.status_code == 400
    assert says(refused, INVALID_LINK)
    assert client.get(still_valid).status_code == 302


def test_a_tampered_link_is_refused(client, psychologist):
    link = path_of(enrolment_link())
    token = link.rstrip("/").rsplit("/", 1)[1]
    tampered = link.replace(token, token[:-1] + ("A" if token[-1] != "A" else "B"))

    refused = client.get(tampered)

    assert refused.status_code == 400
    assert says(refused, "Set-up link not valid")
    assert says(refused, INVALID_LINK)
    assert client.post("/admin/login/", password_step("psy", PASSWORD)).status_code == 403
    assert client.get(SETUP).status_code == 302
