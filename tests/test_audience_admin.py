"""Her admin home shows how often each article was read over the last 30 days, per language,
with a small chart of each day; the counts go after 13 months."""

import subprocess
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.utils import timezone

from practice_site.audience.models import ReadCount, months_before

from .alliance import ENGLISH_URL, FRENCH_URL
from .read_counts import reads_panel, reads_shown
from .servers import site_environment
from .test_html_validity import check_html
from .test_task_results import readme_cron_command

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def counted(path, days_ago, reads, language=None):
    day = TODAY() - timedelta(days=days_ago)
    language = language or path.split("/")[1]
    return ReadCount.objects.create(path=path, language=language, day=day, reads=reads)


@pytest.fixture
def versions(alliance):
    return {version.language: version for version in alliance.article.versions.all()}


def test_the_home_shows_each_version_s_reads_of_the_last_30_days_the_most_read_first(
    admin_client, versions
):
    counted(FRENCH_URL, 0, 3)
    counted(FRENCH_URL, 29, 4)
    counted(FRENCH_URL, 30, 100)  # a day before the 30
    counted(ENGLISH_URL, 2, 12)
    counted("/fr/articles/", 0, 50)  # not an article

    assert list(reads_shown(admin_client).items()) == [
        ((versions["en"].title, "Anglais"), 12),
        ((versions["fr"].title, "Français"), 7),
    ]


def test_the_chart_draws_a_bar_a_day_and_says_its_figures(admin_client, versions, settings):
    settings.LANGUAGE_CODE = "en"
    counted(ENGLISH_URL, 0, 3)
    counted(ENGLISH_URL, 2, 6)

    panel = reads_panel(admin_client.get("/admin/", headers={"accept-language": "en"}).text)

    last, first = TODAY(), TODAY() - timedelta(days=29)
    figures = ", ".join(["0"] * 27 + ["6", "0", "3"])
    label = f"Reads per day from {first.day} {first:%B} to {last.day} {last:%B}: {figures}"
    assert f'role="img" aria-label="{label}"' in panel
    # Each bar as high as its day's reads against the busiest day, 24 pixels.
    assert '<rect x="135" y="0" width="4" height="24">' in panel
    assert '<rect x="145" y="12" width="4" height="12">' in panel
    assert f"<title>{last.day} {last:%B}: 3 reads</title>" in panel


def test_the_panel_is_in_french_for_her(admin_client, versions):
    counted(FRENCH_URL, 1, 1)

    panel = reads_panel(admin_client.get("/admin/").text)

    assert '<h2 id="reads-title">Lectures</h2>' in panel
    day = TODAY() - timedelta(days=1)
    assert f"{day.day} " in panel and "\xa0: 1 lecture</title>" in panel


def test_a_version_no_longer_published_is_left_out(admin_client, versions):
    counted(FRENCH_URL, 0, 5)
    counted(ENGLISH_URL, 0, 2)
    versions["en"].status = "draft"
    versions["en"].save()

    assert reads_shown(admin_client) == {(versions["fr"].title, "Français"): 5}


def test_before_any_read_the_panel_says_so_in_one_line(admin_client, alliance):
    panel = reads_panel(admin_client.get("/admin/", headers={"accept-language": "en"}).text)

    assert "No article has been read in the last 30 days." in panel
    assert "<table>" not in panel


def test_staff_who_may_not_see_articles_do_not_see_the_reads(signed_in_client, alliance):
    counted(FRENCH_URL, 0, 5)
    member = User.objects.create_user("member", password="correct-horse", is_staff=True)
    member.user_permissions.add(Permission.objects.get(codename="view_enquiry"))
    assert reads_panel(signed_in_client(member).get("/admin/").text) is None

    member.user_permissions.add(Permission.objects.get(codename="view_article"))
    member = User.objects.get(pk=member.pk)  # permissions are cached on the instance
    assert "home-reads" in reads_panel(signed_in_client(member).get("/admin/").text)


def test_the_reads_panel_is_valid_html(admin_client, versions, tmp_path):
    counted(FRENCH_URL, 0, 3)
    counted(FRENCH_URL, 5, 1)
    counted(ENGLISH_URL, 1, 2)
    panel = reads_panel(admin_client.get("/admin/").text)
    # In a page of its own, as the admin's frame holds it (under its <h1>).
    page = (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><title>Administration'
        f"</title></head><body><main><h1>Administration</h1>{panel}</main></body></html>"
    )

    assert check_html({"reads.html": page}, tmp_path) == []


@pytest.mark.django_db(transaction=True)
def test_the_readme_cron_line_deletes_counts_older_than_13_months(tmp_path):
    oldest_kept = months_before(TODAY(), 13)
    for days, reads in [(-1, 1), (0, 2), (30, 3)]:
        day = oldest_kept + timedelta(days=days)
        ReadCount.objects.create(path=FRENCH_URL, language="fr", day=day, reads=reads)

    subprocess.run(
        ["bash", "-c", readme_cron_command("purge_read_counts")],
        cwd=settings.BASE_DIR,
        env=site_environment(tmp_path),
        check=True,
        capture_output=True,
    )

    assert sorted(ReadCount.objects.values_list("reads", flat=True)) == [2, 3]


@pytest.mark.parametrize(
    ("today", "oldest_kept"),
    [("2027-03-31", "2026-02-28"), ("2029-03-31", "2028-02-29"), ("2027-01-15", "2025-12-15")],
)
def test_thirteen_months_back_keeps_the_day_of_the_month_or_the_month_s_last(today, oldest_kept):
    from datetime import date

    assert months_before(date.fromisoformat(today), 13) == date.fromisoformat(oldest_kept)
