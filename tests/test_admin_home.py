"""The admin home says what to do, in that order; the way back in after a lock-out or a
forgotten password; a new language version starts on the language still missing."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.utils.text import capfirst

from contact.models import Enquiry

from .interface_strings import in_french
from .signing_in import password_step
from .test_two_factor import current_code

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def test_the_home_shows_going_live_enquiries_articles_then_the_rest(admin_client, alliance):
    Enquiry.objects.create(
        name="Élise", email="e@example.org", message="Bonjour", language="fr", status="failed"
    )

    html = admin_client.get("/admin/").content.decode()

    sections = [
        'id="going-live-title"',
        'id="enquiries-title"',
        'id="articles-title"',
        'class="app-practice module',
        'id="technical-title"',
        'class="app-axes module',
    ]
    positions = [html.index(section) for section in sections]
    assert positions == sorted(positions)
    assert '<a href="/admin/contact/enquiry/?status__exact=failed">1 ' in html
    article = f'<a href="/admin/articles/article/{alliance.article_id}/change/">'
    assert f"{article}L’alliance thérapeutique" in html
    assert "<td>Publié</td><td>Publié</td>" in html


def test_technical_apps_are_shown_to_the_superuser_with_french_names(admin_client):
    html = admin_client.get("/admin/").content.decode()

    assert in_french("Technical") in html
    for name in ["authenticator apps", "recovery code lists", "task results"]:
        assert f">{capfirst(in_french(name))}</a>" in html
    assert "TOTP devices" not in html
    assert "Task Results" not in html


def test_technical_apps_are_hidden_from_staff_who_are_not_superusers(signed_in_client):
    member = User.objects.create_user("member", password=PASSWORD, is_staff=True)
    member.groups.add(Group.objects.get(name="practice"))
    # Even with a technical permission of their own.
    member.user_permissions.add(Permission.objects.get(codename="view_user"))

    html = signed_in_client(member).get("/admin/").content.decode()

    assert 'id="technical-title"' not in html
    assert "app-axes" not in html
    assert "app-auth" not in html
    assert 'id="enquiries-title"' in html
    assert 'id="articles-title"' in html


def lock_out(client, username="psy", failures=3):
    for _ in range(failures):
        response = client.post("/admin/login/", password_step(username, "wrong"))
    return response


def test_the_lock_out_page_says_in_french_how_long_and_how_to_get_back_in(settings):
    settings.AXES_FAILURE_LIMIT = 3
    User.objects.create_superuser("psy", "psy@example.org", PASSWORD)
    client = Client(REMOTE_ADDR="203.0.113.9", HTTP_ACCEPT_LANGUAGE="fr")

    response = lock_out(client)

    html = response.content.decode()
    assert response.status_code == 429
    assert "Administration du site du cabinet" in html  # the admin's frame
    assert "1\xa0heure" in html  # AXES_COOLOFF_TIME, in French
    assert 'href="/admin/password_reset/"' in html
    assert 'href="/admin/login/"' in html


def test_a_short_lock_out_is_said_in_seconds(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=30)
    User.objects.create_superuser("psy", "psy@example.org", PASSWORD)

    html = lock_out(Client(HTTP_ACCEPT_LANGUAGE="en")).content.decode()

    assert "Wait 30 seconds" in html


def reset_link(message):
    return re.search(r"https?://[^/\s]+(/admin/reset/\S+/)", message.get_content()).group(1)


def ask_for_a_reset(client, email):
    return client.post("/admin/password_reset/", {"email": email})


def test_the_sign_in_page_offers_a_password_reset(client, settings):
    settings.ADMIN_TWO_FACTOR = True
    html = client.get("/admin/login/").content.decode()
    assert 'href="/admin/password_reset/"' in html


@pytest.mark.parametrize("email", ["psy@example.org", "nobody@example.org"])
def test_a_reset_request_answers_the_same_whether_the_account_exists(client, smtp_server, email):
    User.objects.create_superuser("psy", "psy@example.org", PASSWORD)

    response = ask_for_a_reset(client, email)

    assert response.status_code == 302
    assert response["Location"] == "/admin/password_reset/done/"
    expected = 1 if email == "psy@example.org" else 0
    assert len(smtp_server.messages) == expected


def test_reset_requests_over_the_limit_per_client_get_the_usual_page_and_no_email(
    client, smtp_server, settings
):
    """Over the limit, the page says what it always says: an error would tell a stranger
    what the limit is, and one aimed at her address would block her own request."""
    settings.PASSWORD_RESET_RATE_LIMIT = "3/h"
    User.objects.create_superuser("psy", "psy@example.org", PASSWORD)
    for number in range(3):
        assert ask_for_a_reset(client, f"someone{number}@example.org").status_code == 302

    refused = ask_for_a_reset(client, "psy@example.org")

    assert refused.status_code == 302
    assert refused["Location"] == "/admin/password_reset/done/"
    assert len(smtp_server.messages) == 0


def test_reset_requests_over_the_limit_per_address_get_the_usual_page_and_no_email(
    smtp_server, settings
):
    settings.PASSWORD_RESET_RATE_LIMIT = "3/h"
    User.objects.create_superuser("psy", "psy@example.org", PASSWORD)
    for number in range(3):
        client = Client(REMOTE_ADDR=f"203.0.113.{number}")
        assert ask_for_a_reset(client, "psy@example.org").status_code == 302

    refused = ask_for_a_reset(Client(REMOTE_ADDR="198.51.100.1"), "PSY@example.org")

    assert refused.status_code == 302
    assert refused["Location"] == "/admin/password_reset/done/"
    assert len(smtp_server.messages) == 3


def test_a_reset_link_lasts_an_hour(settings):
    """A link left in a mailbox must not open her account days later."""
    from django.contrib.auth.tokens import PasswordResetTokenGenerator

    user = User.objects.create_superuser("psy", "psy@example.org", PASSWORD)
    made = datetime.datetime(2026, 12, 3, 10, 0)
    generator = PasswordResetTokenGenerator()
    generator._now = lambda: made
    token = generator.make_token(user)

    generator._now = lambda: made + datetime.timedelta(minutes=59)
    assert generator.check_token(user, token)
    generator._now = lambda: made + datetime.timedelta(minutes=61)
    assert not generator.check_token(user, token)


def test_a_new_password_lifts_the_lock_out_but_not_the_second_factor(smtp_server, settings):
    settings.ADMIN_TWO_FACTOR = True
    settings.AXES_FAILURE_LIMIT = 3
    user = User.objects.create_superuser("psy", "psy@example.org", PASSWORD)
    device = user.totpdevice_set.create(name="default")
    client = Client(REMOTE_ADDR="203.0.113.9")
    assert lock_out(client).status_code == 429

    ask_for_a_reset(client, "psy@example.org")
    form_url = client.get(reset_link(smtp_server.messages[0]))["Location"]
    new_password = "a-new-and-long-password"
    done = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})

    assert done["Location"] == "/admin/reset/done/"
    assert not AccessAttempt.objects.exists()
    token_step = client.post("/admin/login/", password_step("psy", new_password))
    assert token_step.status_code == 200
    assert token_step.context["wizard"]["steps"].current == "token"
    assert client.get("/admin/").status_code == 302  # the password alone opens nothing
    client.post(
        "/admin/login/",
        {"login_view-current_step": "token", "token-otp_token": current_code(device)},
    )
    assert client.get("/admin/").status_code == 200


def language_choices(html):
    """The language selected in each version block of the article page, by its prefix."""
    return dict(
        re.findall(
            r'<select name="versions-([\w_]+)-language"[^>]*>.*?<option value="(\w*)" selected>',
            html,
            re.S,
        )
    )


def test_a_new_article_offers_its_versions_in_french_then_english(admin_client):
    html = admin_client.get("/admin/articles/article/add/").content.decode()
    assert language_choices(html) == {"0": "fr", "1": "en", "__prefix__": "en"}


def test_an_article_in_french_offers_a_version_in_english(admin_client, make_version):
    article = make_version(fr={})["fr"].article
    html = admin_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert language_choices(html) == {"0": "fr", "1": "en", "__prefix__": "en"}
