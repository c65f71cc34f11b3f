"""Translations in step: once the original of an article is revised, its translation's readers
are told so, with the date and a link to the original, and the admin shows since when and what
changed, until she marks the translation up to date."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.utils import formats, timezone, translation

from articles.models import ArticleVersion

from .alliance import ENGLISH_URL, FRENCH_URL
from .test_admin import change_form_data
from .test_history import history
from .test_images import admin_upload, photo

pytestmark = pytest.mark.django_db

NOTICE = re.compile(r'<p class="notice translation-notice">(.*?)</p>', re.S)
ADDED_PARAGRAPH = "<p>Un paragraphe ajouté après la traduction.</p>"


def change_url(version):
    return f"/admin/articles/article/{version.article_id}/change/"


def notice(client, url):
    """The out-of-date note of the page at `url`, as text with its links, or None."""
    found = NOTICE.search(client.get(url).content.decode())
    # Line breaks of the template apart; the no-break spaces of French typography kept.
    return re.sub(r"[ \n]+", " ", found[1]).strip() if found else None


def today(language):
    with translation.override(language):
        return formats.date_format(timezone.localdate(), "DATE_FORMAT")


def prefix_of(data, language):
    """The prefix of the form of the version in `language` on the article page ("versions-0")."""
    [name] = [
        n for n, v in data.items() if re.fullmatch(r"versions-\d+-language", n) and v == language
    ]
    return name.removesuffix("-language")


def post(admin_client, version, edit=lambda data: None):
    """Post the article page of `version` as it stands, after `edit` changed its data."""
    data = change_form_data(admin_client.get(change_url(version)))
    edit(data)
    response = admin_client.post(change_url(version), data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    return response


def revise(admin_client, version, title=None):
    """Revise `version` in the admin as she would: a paragraph added to its body, and a new
    `title` if given."""

    def add_a_paragraph(data):
        prefix = prefix_of(data, version.language)
        data[f"{prefix}-body"] += ADDED_PARAGRAPH
        if title:
            data[f"{prefix}-title"] = title

    return post(admin_client, version, add_a_paragraph)


def mark_up_to_date(admin_client, version):
    english = ArticleVersion.objects.get(article=version.article_id, language="en")
    return post(admin_client, version, lambda data: data.update(_mark_up_to_date=english.pk))


def test_the_alliance_article_starts_up_to_date(client, alliance):
    english = ArticleVersion.objects.get(article=alliance.article, language="en")

    assert english.translated_from == {
        "title": alliance.title,
        "summary": alliance.summary,
        "body": alliance.body,
    }
    assert english.stale_translation() is None
    assert notice(client, ENGLISH_URL) is None


def test_a_french_edit_in_the_admin_puts_a_dated_note_on_the_english_page(
    admin_client, client, alliance
):
    assert notice(client, ENGLISH_URL) is None  # and the page is now in the cache

    revise(admin_client, alliance)

    assert notice(client, ENGLISH_URL) == (
        f"The French original of this article was revised on {today('en')}; this translation "
        f'does not include those changes yet. <a href="{FRENCH_URL}" hreflang="fr">Read the '
        "French original</a>"
    )
    assert notice(client, FRENCH_URL) is None


def test_the_note_goes_once_marked_up_to_date(admin_client, client, alliance):
    revise(admin_client, alliance)
    assert notice(client, ENGLISH_URL)

    response = mark_up_to_date(admin_client, alliance)

    assert response.url == change_url(alliance)
    assert notice(client, ENGLISH_URL) is None
    assert (
        ArticleVersion.objects.get(article=alliance.article, language="en").stale_translation()
        is None
    )


def test_an_edit_of_the_english_alone_leaves_the_note(admin_client, client, alliance):
    revise(admin_client, alliance)
    english = ArticleVersion.objects.get(article=alliance.article, language="en")

    revise(admin_client, english)

    assert notice(client, ENGLISH_URL)


def test_marking_up_to_date_is_in_the_history_and_can_be_undone(admin_client, client, alliance):
    admin_url = f"/admin/articles/article/{alliance.article_id}/"
    revise(admin_client, alliance)
    mark_up_to_date(admin_client, alliance)

    entry = LogEntry.objects.filter(object_id=str(alliance.article_id)).latest("action_time")
    with translation.override("en"):
        assert entry.get_change_message() == (
            "Changed translation marked up to date for language version "
            "“The therapeutic alliance: an essential bond between patient and psychologist (en)”."
        )
    *_earlier, before_the_mark, _the_mark = history(admin_client, admin_url)
    admin_client.post(before_the_mark, change_form_data(admin_client.get(before_the_mark)))

    assert notice(client, ENGLISH_URL)


def test_a_new_reference_or_illustration_alone_leaves_the_translation_up_to_date(
    admin_client, client, alliance, media_root
):
    def add_a_reference(data):
        total = int(data["references-TOTAL_FORMS"])
        data["references-TOTAL_FORMS"] = total + 1
        data |= {
            f"references-{total}-year": 2019,
            f"references-{total}-authors": "Wampold, B. E.",
            f"references-{total}-title": "The great psychotherapy debate",
            f"references-{total}-journal": "Routledge",
        }

    post(admin_client, alliance, add_a_reference)
    response = admin_upload(admin_client, alliance, photo(1200, 630), alt="Deux fauteuils")

    assert response.status_code == 302, response.context["errors"]
    assert (
        ArticleVersion.objects.get(article=alliance.article, language="en").stale_translation()
        is None
    )
    assert notice(client, ENGLISH_URL) is None


def test_the_admin_says_in_french_since_when_and_what_changed(admin_client, alliance):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    revise(admin_client, alliance, title="L’alliance thérapeutique, revue")
    message = f"La traduction anglaise n’est plus à jour depuis le {today('fr')}."

    listed = admin_client.get("/admin/articles/article/").content.decode()
    page = admin_client.get(change_url(alliance)).content.decode()

    for html in listed, page:
        assert message in html
        assert "Ce qui a changé depuis dans l’original\u00a0:" in html
        assert "psychologue</del>" in html
        assert "<ins>thérapeutique, revue</ins>" in html
        assert "<ins>Un paragraphe ajouté après la traduction.</ins>" in html
    assert "Marquer comme à jour" in page


def test_the_diff_shows_what_she_typed_as_text(admin_client, alliance):
    revise(admin_client, alliance, title="L’alliance <script>alert(1)</script>")

    page = admin_client.get(change_url(alliance)).content.decode()

    assert "<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>" in page
    assert "<script>alert(1)" not in page


def test_an_english_original_puts_the_note_on_the_french_page(admin_client, client, make_version):
    """An article written in English first has the English for its original."""
    versions = make_version(
        en={"title": "Grief", "slug": "grief", "body": "<p>Grief takes time.</p>"},
        fr={"title": "Le deuil", "slug": "le-deuil", "body": "<p>Le deuil prend du temps.</p>"},
    )
    assert notice(client, "/fr/articles/le-deuil/") is None

    revise(admin_client, versions["en"])

    assert notice(client, "/fr/articles/le-deuil/") == (
        f"L’original anglais de cet article a été révisé le {today('fr')}\u00a0; cette traduction "
        'n’en tient pas encore compte. <a href="/en/articles/grief/" hreflang="en">Lire '
        "l’original anglais</a>"
    )
    assert notice(client, "/en/articles/grief/") is None


def test_a_translation_written_after_its_original_starts_up_to_date(make_version):
    versions = make_version(fr={"title": "Le deuil"})
    english = ArticleVersion.objects.create(
        article=versions["fr"].article,
        language="en",
        title="Grief",
        slug="grief",
        summary="S",
        body="<p>Grief.</p>",
    )

    assert english.translated_from["title"] == "Le deuil"
    assert english.stale_translation() is None


def test_a_draft_original_is_not_announced_to_readers(admin_client, client, alliance):
    revise(admin_client, alliance)
    ArticleVersion.objects.filter(pk=alliance.pk).update(status=ArticleVersion.Status.DRAFT)
    ArticleVersion.objects.get(pk=alliance.pk).save()  # as an admin edit would: a new version

    assert notice(client, ENGLISH_URL) is None


def test_the_migration_back_and_forth_leaves_the_alliance_article_up_to_date(migrated_content):
    call_command("migrate", "articles", "0013", verbosity=0)
    assert not ArticleVersion.objects.filter(translated_from__isnull=False).exists()
    call_command("migrate", "articles", verbosity=0)

    english = ArticleVersion.objects.get(language="en", slug="therapeutic-alliance")
    assert english.translated_from is not None
    assert english.stale_translation() is None
