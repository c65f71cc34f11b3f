"""Security as an operator and an attacker meet it."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from practice_site.practice.models import LegalPage

from . import going_live
from .factories import fill_in_practice_details
from .servers import database_url
from .signing_in import password_step

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k3y-" + "x7Qp9Lm2Vr8Tz4Nw6Ys1Hb5Jd0Fc3Gk" * 2,
    "DJANGO_ALLOWED_HOSTS": "www.example.fr",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://www.example.fr",
    "EMAIL_HOST": "smtp.example.fr",
    "EMAIL_USE_TLS": "true",
}


# What `check --deploy` reports while the practice details are as the migration leaves them.
EMPTY_DETAILS_ERRORS = {
    "practice.E001",  # name
    "practice.E002",  # title (French)
    "practice.E003",  # title (English)
    "practice.E004",  # RPPS
    "practice.E005",  # address
    "practice.E006",  # phone
    "practice.E007",  # email
    "practice.E008",  # host's name
    "practice.E009",  # host's address
    "practice.E011",  # host's phone
    "practice.E016",  # fees
}


def production_environment(**changes):
    """The host's environment: this one's without the suite's DJANGO_ settings, PRODUCTION's,
    and `changes`."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return {**environment, **PRODUCTION, **changes}


def check_deploy(**environment_changes):
    """`check --deploy` under production settings, on the test's data (tests/going_live.py)."""
    return going_live.check_deploy(production_environment(**environment_changes))


def check_deploy_in_a_new_process(database=None, **environment_changes):
    """`manage.py check --deploy` as the host types it, on the test database (what the suite
    commits) or the one given: (exit code, output, ids of the issues reported)."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=settings.BASE_DIR,
        env=production_environment(DATABASE_URL=database or database_url(), **environment_changes),
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    return result.returncode, output, going_live.issue_ids(output)


def test_check_deploy_reports_only_the_empty_practice_details_under_production_settings(
    migrated_content,
):
    code, output, issues = check_deploy_in_a_new_process()
    assert code != 0
    assert issues == EMPTY_DETAILS_ERRORS, output


def test_check_deploy_is_clean_once_every_detail_is_filled_in():
    fill_in_practice_details(adeli="", siret="", insurer_name="", insurer_contact="")
    code, output, _issues = check_deploy()
    assert code == 0, output
    assert "System check identified no issues" in output


def test_check_deploy_reports_a_missing_host_phone():
    fill_in_practice_details(host_phone="")
    code, output, issues = check_deploy()
    assert code != 0
    assert issues == {"practice.E011"}, output


def test_check_deploy_reports_a_legal_page_that_lost_a_required_placeholder():
    fill_in_practice_details()
    page = LegalPage.objects.get(kind="legal-notice")
    page.body_en = page.body_en.replace("{host_phone}", "03 20 00 00 00")
    page.save()
    code, output, issues = check_deploy()
    assert code != 0
    assert issues == {"practice.E012"}, output
    assert "{host_phone}" in output


def test_check_deploy_reports_a_site_without_a_mail_relay():
    """Enquiries would go to the server's log, never to the psychologist."""
    fill_in_practice_details()
    _code, output, issues = check_deploy(EMAIL_HOST="")
    assert issues == {"practice.E015"}, output


def test_check_deploy_refuses_two_factor_sign_in_turned_off():
    fill_in_practice_details()
    code, output, issues = check_deploy(ADMIN_TWO_FACTOR="off")
    assert code != 0  # the going-live command fails on warnings too
    assert issues == {"practice.W002"}, output


def test_check_deploy_refuses_staff_accounts_without_a_second_factor():
    """Until an authenticator app is confirmed, the account cannot open the admin at all."""
    fill_in_practice_details()
    User.objects.create_user("camille", password="x", is_staff=True)
    User.objects.create_user("alix", password="x", is_staff=True).totpdevice_set.create(
        name="default", confirmed=False
    )
    enrolled = User.objects.create_user("dominique", password="x", is_staff=True)
    enrolled.totpdevice_set.create(name="default")
    User.objects.create_user("former", password="x", is_staff=True, is_active=False)
    code, output, issues = check_deploy()
    assert code != 0
    assert issues == {"practice.W003"}, output
    assert "alix, camille" in output
    assert "dominique" not in output
    assert "former" not in output
    assert "enrolment_link" in output


def test_check_deploy_reports_a_database_it_cannot_read(tmp_path):
    code, output, issues = check_deploy_in_a_new_process(
        database=f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    )
    assert code != 0
    assert issues == {"practice.E014"}, output
    assert "migrate" in output


@pytest.mark.parametrize("url", ["/fr/", "/en/contact/", "/fr/articles/alliance-therapeutique/"])
def test_pages_carry_a_strict_content_security_policy(client, url):
    policy = client.get(url)["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_templates_have_no_inline_script_or_style():
    # A script element is allowed only as a reference to a file the CSP allows ('self').
    inline = re.compile(r"<script(?![^>]*\ssrc=)|\sstyle=|<style")
    offenders = []
    for path in (settings.BASE_DIR / "templates").rglob("*.html"):
        if inline.search(path.read_text()):
            offenders.append(str(path))
    assert offenders == []


def test_pages_carry_the_other_security_headers(client):
    response = client.get("/en/contact/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_the_csrf_cookie_is_http_only(client):
    response = client.get("/en/contact/")
    assert response.cookies["csrftoken"]["httponly"]
    assert response.cookies["csrftoken"]["samesite"] == "Lax"


def test_security_txt_says_where_to_report_a_vulnerability(client):
    response = client.get("/.well-known/security.txt")
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert f"Contact: mailto:{settings.SECURITY_CONTACT}" in body
    assert "Expires: " in body


def test_admin_login_is_locked_after_repeated_failures(settings):
    settings.AXES_FAILURE_LIMIT = 3
    User.objects.create_superuser("psy", "psy@example.org", "correct-horse-battery")
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(3):
        response = client.post("/admin/login/", password_step("psy", "wrong"))
    assert response.status_code == 429
    locked = client.post("/admin/login/", password_step("psy", "correct-horse-battery"))
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_admin_url_is_configurable():
    environment = {**os.environ, "DJANGO_ADMIN_URL": "cabinet-gestion/"}
    code = (
        "import django; django.setup(); from django.urls import reverse; "
        "print(reverse('admin:index'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**environment, "DJANGO_SETTINGS_MODULE": "practice_site.settings"},
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "/cabinet-gestion/"


def test_the_form_security_cookie_lasts_only_until_the_browser_closes(client):
    """The privacy policy says so: no cookie outlives the visit."""
    cookie = client.get("/fr/contact/").cookies["csrftoken"]
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""


def test_the_admin_sets_no_cookie_but_the_session_and_the_security_one(admin_client):
    """The privacy policy names two cookies: saving in the admin must not add a third."""
    admin_client.get("/admin/auth/group/add/")
    group = admin_client.post("/admin/auth/group/add/", {"name": "Cabinet"}, follow=True)
    assert "Cabinet" in group.content.decode()
    assert set(admin_client.cookies) == {"csrftoken", "sessionid"}


@pytest.mark.parametrize(("keep", "warned"), [("30", False), ("60", True), ("0", True)])
def test_check_deploy_warns_when_backups_outlive_the_enquiries(keep, warned):
    fill_in_practice_details()
    _code, output, issues = check_deploy(BACKUP_KEEP_DAYS=keep, ENQUIRY_RETENTION_DAYS="30")
    assert ("practice.W004" in issues) == warned, output


def test_a_request_for_another_host_gets_a_400_not_a_500(client):
    """A scanner's Host header is bad input: the translated 400 page, never a server error."""
    response = client.get("/fr/", headers={"host": "evil.example"})
    assert response.status_code == 400


def test_check_deploy_reports_a_proxy_whose_forwarded_address_is_not_trusted():
    """Behind a proxy every visitor comes from its address: without DJANGO_TRUSTED_PROXY the
    contact limit is the whole site's, and five wrong sign-ins by anyone lock her out."""
    fill_in_practice_details()
    code, output, issues = check_deploy(DJANGO_BEHIND_PROXY="true")
    assert code != 0
    assert issues == {"practice.E017"}, output
    assert "DJANGO_TRUSTED_PROXY" in output


def test_check_deploy_accepts_a_proxy_whose_forwarded_address_is_trusted():
    fill_in_practice_details()
    _code, output, issues = check_deploy(DJANGO_BEHIND_PROXY="true", DJANGO_TRUSTED_PROXY="true")
    assert issues == set(), output
