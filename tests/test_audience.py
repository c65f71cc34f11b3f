"""Reads of the articles are counted per page, language and day, with nothing of who read
them: robots, prefetches and the psychologist's own visits left out, none lost when the site
restarts or the database fails for a moment."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from articles.models import ArticleVersion
from practice_site.audience.models import ReadCount

from .alliance import ENGLISH_URL, FRENCH_SLUG, FRENCH_URL
from .read_counts import reads_shown, wait_until_shown
from .readers import BROWSER, read

pytestmark = pytest.mark.django_db

FRENCH, ENGLISH = "Français", "Anglais"  # the languages as her admin home names them


def french_title():
    return ArticleVersion.objects.get(language="fr", slug=FRENCH_SLUG).title


def english_title():
    return ArticleVersion.objects.get(language="en", article__versions__slug=FRENCH_SLUG).title


def reader(**headers):
    return Client(headers={"user-agent": BROWSER, **headers})


# Through gunicorn, in production settings: what she sees after readers came.


def test_fifty_reads_of_an_article_show_as_fifty_on_her_admin_home(
    migrated_content, start_gunicorn, admin_client
):
    # Two workers, forked from a master that loaded the site: each counts and adds its share.
    site = start_gunicorn(AUDIENCE_FLUSH_SECONDS="0.2", GUNICORN_WORKERS="2")

    read(site + FRENCH_URL, times=50)

    assert wait_until_shown(admin_client, french_title(), FRENCH, 50) == {
        (french_title(), FRENCH): 50
    }


def test_the_database_holds_no_reader_s_address_or_browser(
    migrated_content, start_gunicorn, admin_client
):
    site = start_gunicorn(AUDIENCE_FLUSH_SECONDS="0.2", DJANGO_TRUSTED_PROXY="true")
    user_agent = f"{BROWSER} Reader-Marker-5f3a9c"

    read(site + FRENCH_URL, 3, user_agent, {"X-Forwarded-For": "198.51.100.73"})
    wait_until_shown(admin_client, french_title(), FRENCH, 3)

    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    assert FRENCH_URL in dump.getvalue()
    for identifier in ["198.51.100.73", "Reader-Marker-5f3a9c", "Firefox"]:
        assert identifier not in dump.getvalue()


def test_reads_survive_a_graceful_restart_before_their_flush(
    migrated_content, start_gunicorn, admin_client
):
    # An hour between flushes: only the worker's exit can have added them.
    site = start_gunicorn(AUDIENCE_FLUSH_SECONDS="3600")
    read(site + FRENCH_URL, times=7)

    start_gunicorn.stop(site)

    assert reads_shown(admin_client) == {(french_title(), FRENCH): 7}
    site = start_gunicorn(AUDIENCE_FLUSH_SECONDS="0.2")
    read(site + FRENCH_URL, times=3)
    wait_until_shown(admin_client, french_title(), FRENCH, 10)


def test_robots_reads_are_not_counted_through_gunicorn(
    migrated_content, start_gunicorn, admin_client
):
    site = start_gunicorn(AUDIENCE_FLUSH_SECONDS="0.2")
    googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
    read(site + FRENCH_URL, 5, googlebot)
    read(site + FRENCH_URL, 5, "curl/8.5.0")

    # Counted after the robots' by the same worker: once they show, the robots' would have too.
    read(site + FRENCH_URL, 2)

    wait_until_shown(admin_client, french_title(), FRENCH, 2)


# In the test's process: which requests are reads.


def test_an_article_read_from_the_page_cache_is_counted_too(
    migrated_content, read_counter, admin_client, django_assert_num_queries
):
    reader().get(FRENCH_URL)
    with django_assert_num_queries(0):  # answered by the page cache, not by the view
        reader().get(FRENCH_URL)
    reader().get(FRENCH_URL)

    read_counter.flush()

    assert reads_shown(admin_client) == {(french_title(), FRENCH): 3}


def test_english_reads_are_counted_under_english(migrated_content, read_counter, admin_client):
    reader().get(ENGLISH_URL)
    reader().get(ENGLISH_URL)

    read_counter.flush()

    assert reads_shown(admin_client) == {(english_title(), ENGLISH): 2}
    assert list(ReadCount.objects.values_list("path", "language", "day", "reads")) == [
        (ENGLISH_URL, "en", timezone.localdate(), 2)
    ]


def test_a_read_is_counted_under_its_path_without_the_query_string(migrated_content, read_counter):
    reader().get(f"{FRENCH_URL}?utm_source=newsletter&utm_campaign=mai")

    read_counter.flush()

    assert list(ReadCount.objects.values_list("path", "reads")) == [(FRENCH_URL, 1)]


def test_the_psychologist_s_own_visits_are_not_counted(
    migrated_content, read_counter, admin_client
):
    admin_client.get(FRENCH_URL)
    admin_client.get(ENGLISH_URL)
    reader().get(FRENCH_URL)

    read_counter.flush()

    assert reads_shown(admin_client) == {(french_title(), FRENCH): 1}


@pytest.mark.parametrize(
    "headers",
    [{"sec-purpose": "prefetch"}, {"sec-purpose": "prefetch;prerender"}, {"purpose": "prefetch"},
     {"x-moz": "prefetch"}, {"x-purpose": "preview"}],
)  # fmt: skip
def test_a_page_the_browser_prefetches_is_not_counted(migrated_content, read_counter, headers):
    reader(**headers).get(FRENCH_URL)

    read_counter.flush()

    assert not ReadCount.objects.exists()


def test_pages_that_are_not_reading_pages_are_not_counted(
    migrated_content, read_counter, enquiry_data
):
    assert reader().get("/fr/recherche/?q=alliance").status_code == 200
    assert reader().get("/fr/contact/").status_code == 200
    reader().post("/fr/contact/", enquiry_data)
    assert reader().get("/fr/articles/no-such-article/").status_code == 404
    assert reader().get("/fr/confidentialite/").status_code == 200
    assert reader().head(FRENCH_URL).status_code == 200
    assert reader().get("/").status_code == 302

    read_counter.flush()

    assert not ReadCount.objects.exists()


def test_every_reading_page_is_counted(migrated_content, read_counter):
    pages = ["/fr/", "/en/", "/fr/articles/", "/fr/a-propos/", FRENCH_URL]
    for page in pages:
        assert reader().get(page).status_code == 200

    read_counter.flush()

    assert set(ReadCount.objects.values_list("path", flat=True)) == set(pages)


def test_nothing_is_counted_with_counting_turned_off(migrated_content, read_counter, settings):
    settings.AUDIENCE_COUNTING = False
    reader().get(FRENCH_URL)

    read_counter.flush()

    assert not ReadCount.objects.exists()


def test_reads_are_kept_while_the_database_fails_and_added_once_it_answers(
    migrated_content, read_counter, admin_client
):
    def refuse_read_counts(execute, sql, params, many, context):
        if "audience_readcount" in sql:
            raise OperationalError("the database is not answering")
        return execute(sql, params, many, context)

    reader().get(FRENCH_URL)
    with connection.execute_wrapper(refuse_read_counts):
        assert read_counter.flush() is False
    reader().get(FRENCH_URL)

    assert read_counter.flush() is True

    assert reads_shown(admin_client) == {(french_title(), FRENCH): 2}


def test_reads_added_by_several_processes_at_once_all_count(run_together):
    today = timezone.localdate()
    code = (
        "import datetime\n"
        "from practice_site.audience.models import ReadCount\n"
        f"ReadCount.objects.add({{('{FRENCH_URL}', 'fr', datetime.date.fromisoformat("
        f"'{today.isoformat()}')): 5, ('/fr/', 'fr', datetime.date.fromisoformat("
        f"'{today.isoformat()}')): 1}})\n"
    )

    run_together(code, processes=4)

    assert dict(ReadCount.objects.values_list("path", "reads")) == {FRENCH_URL: 20, "/fr/": 4}


def test_reads_left_when_a_process_ends_are_added_at_its_exit(run_together):
    code = (
        "from practice_site.audience.counting import reads, today\n"
        f"for _ in range(3): reads.count('{FRENCH_URL}', 'fr', today())\n"
    )

    run_together(code, processes=1, AUDIENCE_FLUSH_SECONDS="3600")

    assert list(ReadCount.objects.values_list("path", "reads")) == [(FRENCH_URL, 3)]


def test_counts_older_than_thirteen_months_go_with_the_next_flush(read_counter):
    from practice_site.audience.models import months_before

    today = timezone.localdate()
    oldest_kept = months_before(today, 13)
    for day in [oldest_kept - timedelta(days=1), oldest_kept, today - timedelta(days=1)]:
        ReadCount.objects.create(path=FRENCH_URL, language="fr", day=day, reads=4)
    read_counter.count(FRENCH_URL, "fr", today)

    read_counter.flush()

    assert dict(ReadCount.objects.values_list("day", "reads")) == {
        oldest_kept: 4,
        today - timedelta(days=1): 4,
        today: 1,
    }


ROBOTS = [
    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like "
    "Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; "
    "+http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
    "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
    "Mozilla/5.0 (compatible; Qwantbot/1.0_4193332; +https://help.qwant.com/bot/)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; "
    "+https://openai.com/gptbot)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; ChatGPT-User/1.0",
    "Mozilla/5.0 (compatible; Google-InspectionTool/1.0;)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "meta-externalagent/1.1",
    "WhatsApp/2.23.20.0",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "http.rb/5.2.0 (Mastodon/4.3.2; +https://mastodon.social/)",
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 12 subscribers)",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse",
    "UptimeRobot/2.0",
    "Uptime-Kuma/1.23.16",
    "curl/8.5.0",
    "Wget/1.21.4",
    "python-requests/2.32.3",
    "Python-urllib/3.11",
    "Go-http-client/2.0",
    "okhttp/4.12.0",
    "Java/17.0.2",
    "",
]

BROWSERS = [
    BROWSER,
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 9; CUBOT_X20_PRO) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.40.98;FBBV/625434520;FBDV/iPhone14,5]",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0",
]


@pytest.mark.parametrize("user_agent", ROBOTS)
def test_a_robot_s_read_is_not_counted(migrated_content, read_counter, user_agent):
    Client(headers={"user-agent": user_agent}).get(FRENCH_URL)

    read_counter.flush()

    assert not ReadCount.objects.exists()


@pytest.mark.parametrize("user_agent", BROWSERS)
def test_a_browser_s_read_is_counted(migrated_content, read_counter, user_agent):
    Client(headers={"user-agent": user_agent}).get(FRENCH_URL)

    read_counter.flush()

    assert list(ReadCount.objects.values_list("path", "reads")) == [(FRENCH_URL, 1)]
