"""The psychologist writes with a visual editor whose HTML is sanitised on save, under the
admin's Content-Security-Policy; the texts written in Markdown before it were converted."""

import importlib
import re

import pytest

from articles.models import Article, ArticleVersion
from practice_site.practice.models import LegalPage, PracticeDetails
from practice_site.richtext.rendering import render_html

from .alliance import FRENCH_URL
from .factories import fill_in_practice_details
from .test_admin import change_form_data

pytestmark = pytest.mark.django_db


def test_the_sanitiser_drops_scripts_styles_classes_and_event_handlers():
    html = render_html(
        '<p class="MsoNormal" style="color:red" onclick="steal()">Texte<script>alert(1)</script>'
        '</p><style>p{}</style><a href="javascript:alert(2)" onmouseover="x()">lien</a>'
        '<img src=x onerror="alert(3)"><iframe src="https://example.org"></iframe>'
    )
    assert html == "<p>Texte</p><a>lien</a>"


def test_the_sanitiser_keeps_what_the_editor_writes():
    html = (
        "<h2>Titre</h2><h3>Sous-titre</h3><p><strong>gras</strong>, <em>italique</em>,"
        '<br><a href="https://example.org" title="Exemple">lien</a>,'
        ' <a href="mailto:cabinet@example.org">e-mail</a></p>'
        '<ul><li><p>puce</p></li></ul><ol start="3"><li><p>trois</p></li></ol>'
        "<blockquote><p>citation</p></blockquote>"
    )
    assert render_html(html) == html


def test_the_sanitiser_drops_what_the_editor_cannot_write_and_keeps_its_text():
    html = render_html(
        "<h1>Grand</h1><h4>Petit</h4><pre><code>\tindenté</code></pre>"
        '<table><tr><td>case</td></tr></table><span class="x">mot</span>'
    )
    assert not re.search(r"<(?!/?(?:h2|h3|p|strong|em|ul|ol|li|blockquote|br|a)\b)", html)
    for text in ["Grand", "Petit", "indenté", "case", "mot"]:
        assert text in html


def test_french_spacing_is_applied_to_text_not_to_tags():
    html = render_html(
        '<p>Trois piliers : <a href="https://example.org/?a=1;b=2">« lien »</a> ?</p>', "fr"
    )
    assert html == (
        '<p>Trois piliers\u00a0: <a href="https://example.org/?a=1;b=2">«\u00a0lien\u00a0»</a>'
        "\u00a0?</p>"
    )


def test_the_editor_html_is_sanitised_when_the_admin_saves_it(admin_client, alliance):
    url = f"/admin/articles/article/{alliance.article_id}/change/"
    data = change_form_data(admin_client.get(url))
    body_field = next(name for name, value in data.items() if value == alliance.body)
    data[body_field] = '<p onclick="x()">Selon Bordin (1979) : <script>alert(1)</script>ok.</p>'

    assert admin_client.post(url, data).status_code == 302

    version = ArticleVersion.objects.get(pk=alliance.pk)
    assert version.body == "<p>Selon Bordin (1979) : ok.</p>"
    assert re.fullmatch(
        r'<p>Selon <a href="#ref-\d+" class="citation" id="cite-\d+">Bordin \(1979\)</a>'
        r"\u00a0: ok\.</p>",
        version.body_html,
    )


def test_the_stored_article_was_converted_from_markdown_to_html(alliance):
    body = alliance.body
    assert "<h2>Qu’est-ce que l’alliance thérapeutique ?</h2>" in body
    assert "<ol>\n<li>Un lien de confiance et de respect mutuel,</li>" in body
    assert "<ul>\n<li>L’empathie : se sentir compris sans être jugé.</li>" in body
    assert "##" not in body and "\n- " not in body
    # Rendered from it, the page has its citations linked and the French spacing.
    alliance.render()
    assert re.search(
        r'<a href="#ref-\d+" class="citation"[^>]*>Bordin \(1979\)</a>', alliance.body_html
    )
    assert "<h2>Qu’est-ce que l’alliance thérapeutique\u00a0?</h2>" in alliance.body_html
    # As the Markdown did: saving the converted text changes nothing readers see.
    assert alliance.body_html == ArticleVersion.objects.get(pk=alliance.pk).body_html


def test_the_legal_pages_were_converted_and_keep_their_placeholders(client):
    notice = LegalPage.objects.get(kind=LegalPage.Kind.LEGAL_NOTICE)
    assert "<h2>Éditeur du site</h2>" in notice.body_fr
    assert "<li>Numéro RPPS : {rpps}</li>" in notice.body_fr
    assert notice.missing_placeholders() == []
    fill_in_practice_details()
    notice.save()  # rendered from the HTML, as the psychologist's next save does

    page = client.get("/fr/mentions-legales/").content.decode()

    assert "<li>Numéro RPPS\u00a0: 10001234567</li>" in page
    assert "{rpps}" not in page


def test_a_plain_text_practical_note_becomes_paragraphs():
    migration = importlib.import_module(
        "practice_site.practice.migrations.0010_texts_from_markdown_to_html"
    )
    note = "Je réponds sous deux jours : appelez-moi.\nOu écrivez-moi.\n\nÀ bientôt <3"
    assert migration.text_to_html(note, "fr") == (
        "<p>Je réponds sous deux jours\u00a0: appelez-moi.<br>Ou écrivez-moi.</p>"
        "<p>À bientôt &lt;3</p>"
    )
    assert migration.text_to_html("", "en") == ""


def test_the_practical_note_is_shown_as_written_in_the_editor(client):
    fill_in_practice_details(
        practical_note_fr="<p>Je réponds sous <strong>deux jours</strong> : <b>promis</b>.</p>"
        "<script>alert(1)</script>"
    )
    assert PracticeDetails.objects.get().practical_note_fr == (
        "<p>Je réponds sous <strong>deux jours</strong>\u00a0: promis.</p>"
    )

    page = client.get("/fr/contact/").content.decode()

    assert "<p>Je réponds sous <strong>deux jours</strong>\u00a0: promis.</p>" in page
    assert "alert(1)" not in page


def csp(response):
    return dict(d.strip().split(" ", 1) for d in response["Content-Security-Policy"].split(";"))


@pytest.mark.parametrize(
    "url",
    [
        "/admin/articles/article/add/",
        "/admin/practice/legalpage/{legal_page}/change/",
        "/admin/practice/practicedetails/1/change/",
        "/admin/articles/article/{article}/change/",
    ],
)
def test_the_editor_loads_under_the_csp_without_unsafe_inline(admin_client, alliance, url):
    url = url.format(
        article=alliance.article_id, legal_page=LegalPage.objects.values_list("pk", flat=True)[0]
    )
    response = admin_client.get(url)
    html = response.content.decode()

    script_src = csp(response)["script-src"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    [nonce] = re.findall(r"'nonce-([^']+)'", script_src)
    assert script_src == f"'self' 'nonce-{nonce}'"
    # The only inline script is the editor's import map, and it carries the nonce.
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline_scripts == [f' type="importmap" nonce="{nonce}"']
    assert "data-django-prose-editor-configurable" in html
    assert "editor-extensions" in html


def test_pages_without_the_editor_carry_no_nonce(admin_client, client):
    assert csp(admin_client.get("/admin/contact/enquiry/"))["script-src"] == "'self'"
    assert csp(client.get(FRENCH_URL))["script-src"] == "'self'"


# The preview of the article's form (ArticleAdmin.preview_view).


def preview_url(article):
    return f"/admin/articles/article/{article.pk}/preview/"


@pytest.fixture
def edited_form(admin_client, alliance):
    """The article's change form as the admin shows it, with a new French title and body."""
    data = change_form_data(
        admin_client.get(f"/admin/articles/article/{alliance.article_id}/change/")
    )
    title_field = next(name for name, value in data.items() if value == alliance.title)
    body_field = next(name for name, value in data.items() if value == alliance.body)
    data[title_field] = "Un titre pas encore enregistré"
    data[body_field] = "<h2>Nouveau passage</h2><p>Comme l’a montré Bordin (1979) : oui.</p>"
    return data


def test_the_preview_shows_the_unsaved_form_as_the_public_page(
    admin_client, client, alliance, edited_form
):
    before = client.get(FRENCH_URL).content.decode()

    response = admin_client.post(preview_url(alliance.article), {**edited_form, "_preview": "fr"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Aperçu — non enregistré" in html
    assert "<h1>Un titre pas encore enregistré</h1>" in html
    assert "<h2>Nouveau passage</h2>" in html
    assert re.search(r'<a href="#ref-\d+" class="citation"[^>]*>Bordin \(1979\)</a>\u00a0:', html)
    assert 'id="references-title"' in html
    assert '<html lang="fr">' in html
    assert "<script" not in html.replace('<script type="application/ld+json">', "")
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    # Nothing saved, nothing published.
    assert ArticleVersion.objects.get(pk=alliance.pk).title == alliance.title
    assert ArticleVersion.objects.get(pk=alliance.pk).body == alliance.body
    assert client.get(FRENCH_URL).content.decode() == before


def test_the_preview_shows_each_language_in_its_own_language(admin_client, alliance, edited_form):
    response = admin_client.post(preview_url(alliance.article), {**edited_form, "_preview": "en"})

    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>The therapeutic alliance: an essential bond" in html
    assert "Un titre pas encore enregistré" not in html


def test_the_preview_shows_references_as_posted(admin_client, alliance, edited_form):
    doi_field = next(name for name, value in edited_form.items() if value == "10.1037/h0085885")
    edited_form[doi_field.replace("-doi", "-title")] = "A title not saved yet"

    html = admin_client.post(
        preview_url(alliance.article), {**edited_form, "_preview": "fr"}
    ).content.decode()

    assert "A title not saved yet." in html


def test_a_new_article_can_be_previewed_before_its_first_save(admin_client):
    data = change_form_data(admin_client.get("/admin/articles/article/add/"))
    data.update(
        {
            "versions-0-language": "fr",
            "versions-0-status": "draft",
            "versions-0-title": "Premier jet",
            "versions-0-slug": "premier-jet",
            "versions-0-summary": "Un résumé.",
            "versions-0-body": "<p>Selon Rogers (1957), tout commence là.</p>",
            "references-TOTAL_FORMS": "1",
            "references-0-authors": "Rogers, C. R.",
            "references-0-year": "1957",
            "references-0-title": "The necessary and sufficient conditions",
            "references-0-journal": "Journal of Consulting Psychology",
        }
    )

    response = admin_client.post("/admin/articles/article/add/preview/", {**data, "_preview": "fr"})

    assert response.status_code == 200, response.content.decode()
    html = response.content.decode()
    assert "<h1>Premier jet</h1>" in html
    assert re.search(r'<a href="#ref-\d+" class="citation"[^>]*>Rogers \(1957\)</a>', html)
    assert not Article.objects.filter(versions__slug="premier-jet").exists()


def test_a_form_with_errors_is_not_previewed_and_says_why(admin_client, alliance, edited_form):
    title_field = next(n for n, v in edited_form.items() if v == "Un titre pas encore enregistré")
    edited_form[title_field] = ""

    response = admin_client.post(preview_url(alliance.article), {**edited_form, "_preview": "fr"})

    assert response.status_code == 400
    assert response["X-Robots-Tag"] == "noindex"
    assert "errorlist" in response.content.decode()


def test_the_preview_is_only_for_those_who_may_change_the_article(
    alliance, edited_form, django_user_model, signed_in_client
):
    reader = django_user_model.objects.create_user("reader", password="x", is_staff=True)
    response = signed_in_client(reader).post(
        preview_url(alliance.article), {**edited_form, "_preview": "fr"}
    )
    assert response.status_code == 403


def test_the_preview_answers_only_a_posted_form(admin_client, alliance):
    assert admin_client.get(preview_url(alliance.article)).status_code == 405


def test_the_change_form_has_a_preview_button_per_language(admin_client, alliance):
    html = admin_client.get(
        f"/admin/articles/article/{alliance.article_id}/change/"
    ).content.decode()
    # In the save bar at the top and at the bottom of the page, after the save buttons.
    rows = re.findall(r'<div class="submit-row">(.*?)</div>', html, re.S)
    assert len(rows) == 2
    for row in rows:
        buttons = re.findall(
            r'<button class="button preview"[^>]*formaction="([^"]+)"[^>]*value="(\w+)"', row
        )
        assert buttons == [
            (preview_url(alliance.article), "fr"),
            (preview_url(alliance.article), "en"),
        ]
        assert row.index('name="_save"') < row.index("<button")
    assert 'formtarget="_blank"' in html


def test_the_editor_s_dialogs_speak_the_admin_s_language(admin_client, alliance):
    """The editor reads its labels through window.gettext: the change page loads a catalogue
    that has the editor's French."""
    change_page = admin_client.get(
        f"/admin/articles/article/{alliance.article_id}/change/", HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert 'src="/admin/jsi18n/editor/"' in change_page

    catalogue = admin_client.get("/admin/jsi18n/editor/", HTTP_ACCEPT_LANGUAGE="fr")

    assert "Texte alternatif" in catalogue.content.decode()
