"""Reading pages are served from the cache, and an edit shows on the next request."""

from uuid import uuid4

import pytest
from django.test import Client
from django.utils.http import http_date

from practice_site.practice.models import PracticeDetails

from .alliance import ENGLISH_URL, FRENCH_URL

pytestmark = pytest.mark.django_db

READING_PAGES = ["/fr/", "/en/articles/", FRENCH_URL, ENGLISH_URL]


@pytest.mark.parametrize("url", READING_PAGES)
def test_a_reading_page_is_served_from_the_cache_without_queries(
    client, url, django_assert_num_queries
):
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content


def test_a_reference_edit_shows_on_the_next_request(client, alliance):
    client.get(FRENCH_URL)
    reference = alliance.article.references.get(year=1979)
    reference.title = "A working alliance, renamed"
    reference.save()
    assert "A working alliance, renamed." in client.get(FRENCH_URL).content.decode()


def test_a_deleted_reference_disappears_on_the_next_request(client, alliance):
    client.get(ENGLISH_URL)
    alliance.article.references.get(year=1979).delete()
    assert "10.1037/h0085885" not in client.get(ENGLISH_URL).content.decode()


def test_unpublishing_removes_the_page_at_once(client, alliance):
    assert client.get(FRENCH_URL).status_code == 200
    alliance.status = alliance.Status.DRAFT
    alliance.save()
    assert client.get(FRENCH_URL).status_code == 404


def test_practice_details_edit_shows_on_cached_pages(client):
    client.get("/en/")
    details = PracticeDetails.load()
    details.psychologist_name = "Camille Exemple"
    details.save()
    assert "Camille Exemple" in client.get("/en/").content.decode()


def test_reading_pages_answer_not_modified_to_a_revalidating_browser(client):
    first = client.get(FRENCH_URL)
    assert first["ETag"]
    assert first["Last-Modified"]
    by_etag = client.get(FRENCH_URL, headers={"if-none-match": first["ETag"]})
    by_date = client.get(FRENCH_URL, headers={"if-modified-since": first["Last-Modified"]})
    assert by_etag.status_code == 304
    assert by_date.status_code == 304
    assert by_etag.content == b""


def test_an_edit_invalidates_the_browsers_copy(client, alliance):
    first = client.get(FRENCH_URL)
    alliance.title = "Nouveau titre"
    alliance.save()
    again = client.get(FRENCH_URL, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert "Nouveau titre" in again.content.decode()


def test_the_last_modified_date_is_the_last_edit(client, alliance):
    client.get(FRENCH_URL)
    alliance.title = "Titre modifié"
    alliance.save()
    from practice_site.caching import content_version

    assert client.get(FRENCH_URL)["Last-Modified"] == http_date(content_version())


def test_the_contact_page_is_never_cached(client):
    first = client.get("/en/contact/")
    second = client.get("/en/contact/")
    token = 'name="csrfmiddlewaretoken" value="'
    assert "Last-Modified" not in first
    assert (
        first.content.decode().split(token)[1][:20] != second.content.decode().split(token)[1][:20]
    )


def test_a_staff_preview_is_never_served_to_readers(client, admin_client, alliance):
    alliance.status = alliance.Status.DRAFT
    alliance.save()
    assert admin_client.get(FRENCH_URL).status_code == 200
    assert client.get(FRENCH_URL).status_code == 404


def test_reading_pages_are_compressed_for_browsers_that_accept_it(client):
    response = client.get(FRENCH_URL, headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_the_contact_page_is_not_compressed(client):
    response = client.get("/en/contact/", headers={"accept-encoding": "gzip"})
    assert "Content-Encoding" not in response


def test_a_deployment_migrate_retires_pages_cached_by_the_previous_code(client):
    from django.core.management import call_command

    from practice_site.caching import content_version

    client.get(FRENCH_URL)
    before = content_version()
    call_command("migrate", verbosity=0)
    assert content_version() != before


def test_a_page_cached_for_one_host_is_not_served_to_another(client, settings):
    settings.ALLOWED_HOSTS = ["www.example.fr", "example.fr"]
    client.get(FRENCH_URL, headers={"host": "www.example.fr"})
    other = client.get(FRENCH_URL, headers={"host": "example.fr"}).content.decode()
    assert f'<link rel="canonical" href="http://example.fr{FRENCH_URL}">' in other


@pytest.mark.parametrize("query", ["utm=1", "page=2&utm=1", "page=02", "page=", "q=alliance"])
def test_query_strings_other_than_a_page_number_are_not_cached(client, query):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(f"{FRENCH_URL}?{query}")
    with CaptureQueriesContext(connection) as queries:
        client.get(f"{FRENCH_URL}?{query}")
    assert len(queries) > 0


def test_reading_pages_tell_browsers_to_revalidate(client):
    """Without it, a browser may show a page for days without asking (heuristic freshness)."""
    for url in READING_PAGES:
        response = client.get(url)
        assert "no-cache" in response["Cache-Control"], url
        again = client.get(url, headers={"if-none-match": response["ETag"]})
        assert again.status_code == 304


@pytest.fixture
def page_cache_urls(settings):
    settings.ROOT_URLCONF = "tests.page_cache_urls"


def test_a_marked_page_is_served_from_the_cache(client, page_cache_urls):
    assert client.get("/fr/plain/").content == client.get("/fr/plain/").content


@pytest.mark.parametrize("url", ["/fr/cookie/", "/fr/vary-cookie/", "/fr/vary-language/"])
def test_a_page_that_differs_by_reader_is_never_stored(client, page_cache_urls, url):
    assert client.get(url).content != client.get(url).content


def test_a_page_that_sets_a_cookie_hands_it_out_fresh_each_time(client, page_cache_urls):
    client.get("/fr/cookie/")
    assert client.get("/fr/cookie/").cookies["reader"].value == "someone"


def test_a_browser_without_gzip_gets_plain_html_after_one_with_gzip(client):
    zipped = client.get(FRENCH_URL, headers={"accept-encoding": "gzip"})
    plain = client.get(FRENCH_URL, headers={"accept-encoding": "identity"})
    assert zipped["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain
    assert plain.content.decode().startswith("<!doctype html>")


def test_only_get_and_head_are_answered_from_the_cache(client, page_cache_urls):
    first = client.get("/fr/plain/").content
    posted = client.post("/fr/plain/").content
    assert posted != first
    assert client.get("/fr/plain/").content == first


def test_a_post_response_is_never_stored(client, page_cache_urls):
    posted = client.post("/fr/plain/").content
    assert client.get("/fr/plain/").content != posted


def test_a_page_read_during_an_uncommitted_edit_is_not_served_after_the_commit(
    migrated_content, live_server_thread_client
):
    """A reader who arrives between the admin's save and its commit reads the old rows; once
    the edit is committed, the next reader gets the new page, not the copy he left."""
    from django.db import transaction

    from articles.models import ArticleVersion

    with transaction.atomic():
        version = ArticleVersion.objects.get(language="fr", slug="alliance-therapeutique")
        version.title = "Titre changé dans la transaction"
        version.save()
        during = live_server_thread_client(FRENCH_URL)
    assert "Titre changé" not in during
    assert "Titre changé dans la transaction" in live_server_thread_client(FRENCH_URL)


def test_an_edit_saved_by_another_process_shows_on_the_next_request(
    client, settings, tmp_path, migrated_content, run_together
):
    """With the file cache the site uses by default, shared with a process that saves an edit:
    this process, which holds its own copy of the page, serves the edit on its next request."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        },
    }
    client.get(FRENCH_URL)
    assert "Titre changé ailleurs" not in client.get(FRENCH_URL).content.decode()

    run_together(
        "from articles.models import ArticleVersion\n"
        "version = ArticleVersion.objects.get(language='fr', slug='alliance-therapeutique')\n"
        "version.title = 'Titre changé ailleurs'\n"
        "version.save()\n",
        1,
    )

    assert "Titre changé ailleurs" in client.get(FRENCH_URL).content.decode()


def test_a_page_cached_in_the_file_cache_is_served_without_queries(
    client, settings, tmp_path, django_assert_num_queries
):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        },
    }
    first = client.get(FRENCH_URL)
    with django_assert_num_queries(0):
        second = client.get(FRENCH_URL)
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


# Pages that show what a reader typed, or follow from it: no browser, proxy or page cache
# keeps a copy.
def assert_never_stored(response):
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= directives, response["Cache-Control"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_contact_page_is_kept_by_no_browser_or_proxy(client, language):
    assert_never_stored(client.get(f"/{language}/contact/"))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_form_returned_with_its_errors_is_kept_by_no_browser_or_proxy(
    client, enquiry_data, language
):
    response = client.post(f"/{language}/contact/", {**enquiry_data, "email": "invalid"})
    assert response.status_code == 400
    assert_never_stored(response)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_form_returned_over_the_rate_limit_is_kept_by_no_browser_or_proxy(
    client, settings, enquiry_data, language
):
    settings.CONTACT_RATE_LIMIT = "1/h"
    client.post(f"/{language}/contact/", enquiry_data)
    response = client.post(f"/{language}/contact/", {**enquiry_data, "submission_id": uuid4()})
    assert response.status_code == 429
    assert_never_stored(response)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_thank_you_page_is_kept_by_no_browser_or_proxy(client, enquiry_data, language):
    thanks = client.post(f"/{language}/contact/", enquiry_data)
    assert thanks.status_code == 303
    assert_never_stored(thanks)
    assert_never_stored(client.get(thanks["Location"]))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_expired_form_page_is_kept_by_no_browser_or_proxy(enquiry_data, language):
    response = Client(enforce_csrf_checks=True).post(f"/{language}/contact/", enquiry_data)
    assert response.status_code == 403
    assert_never_stored(response)


def test_a_page_marked_private_is_never_stored(client, page_cache_urls):
    assert client.get("/fr/private/").content != client.get("/fr/private/").content
