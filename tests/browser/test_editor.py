"""The psychologist writes in the admin's visual editor, pastes from a word processor and
previews her changes, under the admin's Content-Security-Policy."""

from playwright.sync_api import expect

from articles.models import ArticleVersion

from ..alliance import FRENCH_SLUG, FRENCH_URL

# Word's clipboard HTML for a bulleted item: a paragraph styled as a list, its bullet in a span
# marked to be ignored by programs that know lists.
WORD_BULLET = (
    "<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
    "<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>•"
    "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</span>"
    "</span></span><![endif]>{}<o:p></o:p></p>"
)
# What Word puts on the clipboard for two paragraphs (the first after a tab, the second with a
# tab character and a bold word), a two-item bulleted list and a last paragraph.
WORD_HTML = f"""\
<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta charset="utf-8"><style>p.MsoNormal {{margin:0cm; font-family:Calibri}}</style></head>
<body lang=FR style='tab-interval:35.4pt'><!--StartFragment-->
<p class=MsoNormal><span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>\
L’alliance se construit pas à pas.<o:p></o:p></p>
<p class=MsoNormal>&#9;Elle repose sur <b>trois piliers</b> selon Bordin (1979).<o:p></o:p></p>
{WORD_BULLET.format("Un lien de confiance")}
{WORD_BULLET.format("Un accord sur les objectifs")}
<p class=MsoNormal>Voilà pour l’essentiel.<o:p></o:p></p>
<!--EndFragment--></body></html>"""

PASTE = """(element, html) => {
    const data = new DataTransfer()
    data.setData("text/html", html)
    data.setData("text/plain", element.innerText)
    element.dispatchEvent(
        new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true})
    )
}"""


def open_the_article(page):
    version = ArticleVersion.objects.get(language="fr", slug=FRENCH_SLUG)
    page.goto(f"/admin/articles/article/{version.article_id}/change/")
    # The French version comes first; the editable area, not the toolbar's menus.
    editor = page.locator(".field-body .ProseMirror[contenteditable=true]").first
    expect(editor).to_be_visible()
    return version, editor


def test_text_pasted_from_word_keeps_its_paragraphs_list_and_bold(admin_page):
    page = admin_page
    _version, editor = open_the_article(page)
    assert page.refused == []  # the editor loaded, its import map let in by the nonce

    editor.click()
    page.keyboard.press("Control+A")
    editor.evaluate(PASTE, WORD_HTML)
    expect(editor.locator("ul > li")).to_have_count(2)
    page.select_option("select[name=versions-0-status]", "published")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()

    page.goto(FRENCH_URL)
    body = page.locator(".article__body")
    expect(body.locator("p").first).to_have_text("L’alliance se construit pas à pas.")
    expect(body.locator("strong")).to_have_text("trois piliers")
    expect(body.locator("ul > li")).to_have_text(
        ["Un lien de confiance", "Un accord sur les objectifs"]
    )
    expect(body.locator("a.citation")).to_have_text("Bordin (1979)")
    assert body.locator("pre, code, [style], [class^=Mso]").count() == 0
    assert "•" not in body.inner_text()
    assert page.locator("script:not([type='application/ld+json'])").count() == 0
    assert [message for message in page.refused if "script" in message] == []


def test_a_preview_shows_the_unsaved_change_and_saves_nothing(admin_page):
    page = admin_page
    version, editor = open_the_article(page)
    page.fill("input[name=versions-0-title]", "Un titre que rien n’a encore enregistré")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Une phrase ajoutée, jamais enregistrée.")

    with page.context.expect_page() as preview_tab:
        page.click("button[name=_preview][value=fr]")
    preview = preview_tab.value
    preview.wait_for_load_state()

    expect(preview.locator(".notice--preview")).to_contain_text("Aperçu — non enregistré")
    expect(preview.locator("h1")).to_have_text("Un titre que rien n’a encore enregistré")
    expect(preview.locator(".article__body")).to_contain_text(
        "Une phrase ajoutée, jamais enregistrée."
    )
    assert preview.locator("script:not([type='application/ld+json'])").count() == 0
    # The form is still there to save, and nothing reached the site or the database.
    expect(page.locator("input[name=versions-0-title]")).to_have_value(
        "Un titre que rien n’a encore enregistré"
    )
    page.goto(FRENCH_URL)
    expect(page.locator("h1")).to_have_text(version.title)
    expect(page.locator(".article__body")).not_to_contain_text("jamais enregistrée")
    saved = ArticleVersion.objects.get(pk=version.pk)
    assert (saved.title, saved.body, saved.updated_at) == (
        version.title,
        version.body,
        version.updated_at,
    )
    assert page.refused == []
