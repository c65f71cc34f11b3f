"""A mistake is never final: every edit in the admin keeps the earlier text, which the
record's History page restores, and a deleted article comes back from the recover list."""

import re

import pytest
from django.utils import translation

from articles.models import Article, ArticleVersion, Reference
from practice_site.practice.models import LegalPage

from .alliance import ENGLISH_URL, FRENCH_URL
from .factories import fill_in_practice_details
from .test_admin import change_form_data

pytestmark = pytest.mark.django_db

LEGAL_NOTICE = "/fr/mentions-legales/"
BORDIN_LINK = re.compile(r'<a href="#ref-(\d+)" class="citation"[^>]*>Bordin \(1979\)</a>')


def history(client, admin_url):
    """The links of the record's History page to its revisions, oldest first."""
    html = client.get(f"{admin_url}history/").content.decode()
    return re.findall(r'<a href="([^"]+/history/\d+/)">', html)


def save_as_shown(client, url, **changes):
    """Post the admin form at `url` as it stands, with `changes` to the fields whose value is
    a key, e.g. {"old title": "new title"}; the response."""
    data = change_form_data(client.get(url))
    for old, new in changes.get("values", {}).items():
        [name] = [name for name, value in data.items() if value == old]
        data[name] = new
    data.update(changes.get("fields", {}))
    return client.post(url, data)


def form_prefix(data, reference):
    """The prefix of `reference`'s form in the article page's `data` ("references-0")."""
    [name] = [
        n for n, v in data.items() if re.fullmatch(r"references-\d+-id", n) and v == reference.pk
    ]
    return name.removesuffix("-id")


def edit(client, url, **changes):
    response = save_as_shown(client, url, **changes)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    return response


def test_a_legal_page_reverted_from_its_history_shows_the_old_text_again(admin_client, client):
    page = LegalPage.objects.get(kind=LegalPage.Kind.LEGAL_NOTICE)
    admin_url = f"/admin/practice/legalpage/{page.pk}/"
    old_text = page.body_fr
    assert "Éditeur" in client.get(LEGAL_NOTICE).content.decode()  # now in the page cache

    edit(admin_client, f"{admin_url}change/", values={old_text: "Texte effacé par erreur."})
    assert "Texte effacé par erreur." in client.get(LEGAL_NOTICE).content.decode()

    first = history(admin_client, admin_url)[0]
    edit(admin_client, first)

    html = client.get(LEGAL_NOTICE).content.decode()
    assert "Texte effacé par erreur." not in html
    assert "Éditeur" in html
    assert LegalPage.objects.get(pk=page.pk).body_fr == old_text.strip()


def test_practice_details_reverted_from_their_history(admin_client, client):
    details = fill_in_practice_details()
    admin_url = f"/admin/practice/practicedetails/{details.pk}/"
    edit(admin_client, f"{admin_url}change/", values={"06 12 34 56 78": "01 23 45 67 89"})
    edit(admin_client, f"{admin_url}change/", values={"01 23 45 67 89": "09 99 99 99 99"})
    assert "09 99 99 99 99" in client.get("/fr/contact/").content.decode()

    *_earlier, first_edit, _second_edit = history(admin_client, admin_url)
    edit(admin_client, first_edit)

    html = client.get("/fr/contact/").content.decode()
    assert "01 23 45 67 89" in html
    assert "09 99 99 99 99" not in html


def test_the_history_page_and_the_revert_page_are_in_french(admin_client, alliance):
    admin_url = f"/admin/articles/article/{alliance.article.pk}/"
    html = admin_client.get(f"{admin_url}history/").content.decode()
    assert "Choisissez une date dans la liste ci-dessous" in html
    html = admin_client.get(history(admin_client, admin_url)[0]).content.decode()
    assert "restaurer cette version" in html


def test_an_edit_of_a_version_alone_is_in_the_article_history(admin_client, alliance):
    admin_url = f"/admin/articles/article/{alliance.article.pk}/"
    before = len(history(admin_client, admin_url))
    edit(
        admin_client,
        f"{admin_url}change/",
        values={alliance.title: "L’alliance thérapeutique, revue"},
    )
    assert len(history(admin_client, admin_url)) == before + 1


def test_a_deleted_article_is_recovered_with_its_versions_and_references(
    admin_client, client, alliance
):
    article = alliance.article
    response = admin_client.post(f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert client.get(FRENCH_URL).status_code == 404

    recover_list = admin_client.get("/admin/articles/article/recover/").content.decode()
    assert "Choisissez une date dans la liste ci-dessous afin de récupérer" in recover_list
    [recover_url] = re.findall(r'href="(/admin/articles/article/recover/\d+/)"', recover_list)
    edit(admin_client, recover_url)

    assert Article.objects.get(pk=article.pk).versions.count() == 2
    assert Reference.objects.filter(article=article).count() == 6
    for url in (FRENCH_URL, ENGLISH_URL):
        html = client.get(url).content.decode()
        assert BORDIN_LINK.search(html), url


def test_a_cited_reference_is_deleted_only_once_its_citations_are_confirmed(
    admin_client, client, alliance
):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    url = f"/admin/articles/article/{alliance.article.pk}/change/"
    bordin = Reference.objects.get(article=alliance.article, authors="Bordin, E. S.")
    data = change_form_data(admin_client.get(url))
    prefix = form_prefix(data, bordin)
    data[f"{prefix}-DELETE"] = "on"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "their citations will turn into plain text: “Bordin (1979)” (French, English)" in html
    assert 'name="delete_cited_references"' in html
    assert Reference.objects.filter(pk=bordin.pk).exists()

    response = admin_client.post(url, {**data, "delete_cited_references": "on"})

    assert response.status_code == 302
    assert not Reference.objects.filter(pk=bordin.pk).exists()
    history_page = admin_client.get(url.replace("change/", "history/")).content.decode()
    assert "Deleted reference “Bordin, E. S. (1979)." in history_page
    assert "Yes, delete" not in history_page  # ticking the confirmation is no edit
    html = client.get(FRENCH_URL).content.decode()
    assert not BORDIN_LINK.search(html)
    assert "Bordin (1979)" in html


def test_deleting_a_reference_no_version_cites_asks_nothing(admin_client, alliance):
    reference = Reference.objects.create(
        article=alliance.article, authors="Rogers, C. R.", year=1957, title="T", journal="J"
    )
    url = f"/admin/articles/article/{alliance.article.pk}/change/"
    data = change_form_data(admin_client.get(url))
    prefix = form_prefix(data, reference)
    data[f"{prefix}-DELETE"] = "on"
    assert admin_client.post(url, data).status_code == 302
    assert not Reference.objects.filter(pk=reference.pk).exists()


def test_a_deleted_reference_comes_back_from_the_article_history(admin_client, client, alliance):
    article = alliance.article
    admin_url = f"/admin/articles/article/{article.pk}/"
    bordin = Reference.objects.get(article=article, authors="Bordin, E. S.")
    data = change_form_data(admin_client.get(f"{admin_url}change/"))
    prefix = form_prefix(data, bordin)
    response = admin_client.post(
        f"{admin_url}change/", {**data, f"{prefix}-DELETE": "on", "delete_cited_references": "on"}
    )
    assert response.status_code == 302
    assert not BORDIN_LINK.search(client.get(ENGLISH_URL).content.decode())

    *_earlier, before_deletion, _deletion = history(admin_client, admin_url)
    edit(admin_client, before_deletion)

    assert Reference.objects.filter(pk=bordin.pk).exists()
    for url in (FRENCH_URL, ENGLISH_URL):
        link = BORDIN_LINK.search(client.get(url).content.decode())
        assert link and link[1] == str(bordin.pk), url


def test_a_new_article_is_signed_by_the_psychologist(admin_client):
    fill_in_practice_details(psychologist_name="Camille Exemple")
    form = admin_client.get("/admin/articles/article/add/").context["adminform"].form
    assert form["author"].value() == "Camille Exemple"


def test_citations_of_a_reference_are_read_from_the_saved_versions(alliance):
    article = alliance.article
    bordin = article.references.get(authors="Bordin, E. S.")
    with translation.override("en"):
        citations = {
            text: [v.language for v in versions]
            for text, versions in article.citations_of([bordin]).items()
        }
    assert citations == {"Bordin (1979)": ["fr", "en"]}


def test_a_revert_renders_the_restored_text_as_a_save_does(admin_client, client, alliance):
    """Reversion writes the earlier version back raw, HTML included: whatever that HTML was
    (rendered by older code, say), the page shows the text rendered anew."""
    admin_url = f"/admin/articles/article/{alliance.article.pk}/"
    ArticleVersion.objects.filter(pk=alliance.pk).update(body_html="<p>Rendu périmé</p>")
    edit(admin_client, f"{admin_url}change/", fields={"author": "Camille Exemple"})
    assert "Rendu périmé" in client.get(FRENCH_URL).content.decode()

    edit(admin_client, history(admin_client, admin_url)[-1])

    html = client.get(FRENCH_URL).content.decode()
    assert "Rendu périmé" not in html
    assert BORDIN_LINK.search(html)
