"""The psychologist edits articles in the admin, and readers see the edit at once."""

import pytest
from django.db.models.fields.files import FieldFile
from django.forms import MultiWidget

from .alliance import ENGLISH_URL, FRENCH_URL
from .factories import fill_in_practice_details

pytestmark = pytest.mark.django_db


def change_form_data(response):
    """The data the admin change form on `response` would post if saved as it stands."""
    forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update(
            {management[name].html_name: management[name].value() for name in management.fields}
        )
        forms += inline.formset.forms
    for form in forms:
        for field in form:
            value = field.value()
            if isinstance(field.field.widget, MultiWidget):
                for index, part in enumerate(field.field.widget.decompress(value)):
                    if part is not None:
                        data[f"{field.html_name}_{index}"] = part
            elif isinstance(value, FieldFile):
                continue  # a browser sends a file input only with a file newly chosen
            elif value is not None and value is not False:
                data[field.html_name] = value
    return data


def test_article_list_shows_languages_and_their_status(admin_client):
    html = admin_client.get("/admin/articles/article/").content.decode()
    assert "L’alliance thérapeutique" in html
    assert "FR: Publié, EN: Publié" in html


def test_one_page_edits_both_versions_and_the_references(admin_client, alliance):
    html = admin_client.get(
        f"/admin/articles/article/{alliance.article.pk}/change/"
    ).content.decode()
    assert html.index('value="alliance-therapeutique"') < html.index('value="therapeutic-alliance"')
    assert html.count('name="references-') >= 6 * 9
    assert 'value="10.1037/pst0000172"' in html


def test_an_admin_edit_shows_on_the_next_request(admin_client, client, alliance):
    client.get(ENGLISH_URL)  # the page is now in the cache
    client.get(FRENCH_URL)
    url = f"/admin/articles/article/{alliance.article.pk}/change/"
    data = change_form_data(admin_client.get(url))
    title_fields = [
        name
        for name, value in data.items()
        if value == "The therapeutic alliance: an essential bond between patient and psychologist"
    ]
    data[title_fields[0]] = "The therapeutic alliance, revised"
    doi_field = next(name for name, value in data.items() if value == "10.1037/h0085885")
    data[doi_field.replace("-doi", "-title")] = "A corrected reference title"

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    english = client.get(ENGLISH_URL).content.decode()
    assert "<h1>The therapeutic alliance, revised</h1>" in english
    assert "A corrected reference title." in english
    assert "A corrected reference title." in client.get(FRENCH_URL).content.decode()


def test_admin_search_finds_an_article_by_its_english_title(admin_client):
    def found(query):
        return admin_client.get("/admin/articles/article/", {"q": query}).context["cl"].result_count

    assert found("essential bond") == 1
    assert found("zzyzx qwvx") == 0  # the text is searched too: words truly absent


def as_a_browser_sends_it(data):
    """Form data with the line breaks a browser sends."""
    return {
        name: value.replace("\n", "\r\n") if isinstance(value, str) else value
        for name, value in data.items()
    }


def test_saving_the_article_page_unchanged_changes_nothing(admin_client, alliance):
    """The browser sends line breaks as \\r\\n: that is not an edit, and must not date the
    article anew for readers and search engines."""
    from articles.models import Article, ArticleVersion

    url = f"/admin/articles/article/{alliance.article.pk}/change/"
    data = as_a_browser_sends_it(change_form_data(admin_client.get(url)))
    article_before = Article.objects.get(pk=alliance.article_id).updated_at
    versions_before = dict(ArticleVersion.objects.values_list("pk", "updated_at"))

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert Article.objects.get(pk=alliance.article_id).updated_at == article_before
    assert dict(ArticleVersion.objects.values_list("pk", "updated_at")) == versions_before


@pytest.mark.parametrize("model", ["legalpage", "practicedetails"])
def test_saving_the_practice_pages_unchanged_keeps_the_cached_pages(admin_client, model):
    from django.apps import apps

    from practice_site.caching import content_version

    record = apps.get_model("practice", model).objects.first()
    if model == "practicedetails":  # the migration leaves its required fields empty
        record = fill_in_practice_details()
    url = f"/admin/practice/{model}/{record.pk}/change/"
    data = as_a_browser_sends_it(change_form_data(admin_client.get(url)))
    version = content_version()

    assert admin_client.post(url, data).status_code == 302

    assert type(record).objects.get(pk=record.pk).updated_at == record.updated_at
    assert content_version() == version


def search_admin_articles(admin_client, text):
    changelist = admin_client.get("/admin/articles/article/", {"q": text}).context["cl"]
    return {article.pk for article in changelist.result_list}


def test_the_admin_search_finds_articles_without_accents_in_titles_texts_and_references(
    admin_client, make_version
):
    seance = make_version(fr={"title": "La première séance", "body": "<p>Un lien.</p>"})
    bordin = make_version(
        references=[{"authors": "Bordin, E. S.", "year": 1979, "title": "The generalizability"}],
        fr={"title": "L’alliance", "body": "<p>Une alliance thérapeutique.</p>"},
        en={"title": "The alliance", "status": "draft"},
    )
    seance_pk, bordin_pk = seance["fr"].article_id, bordin["fr"].article_id
    assert seance_pk in search_admin_articles(admin_client, "seance")
    assert bordin_pk not in search_admin_articles(admin_client, "seance")
    assert search_admin_articles(admin_client, "PREMIERE Séance") == {seance_pk}
    assert bordin_pk in search_admin_articles(admin_client, "Bordin")
    assert seance_pk not in search_admin_articles(admin_client, "Bordin")
    assert bordin_pk in search_admin_articles(admin_client, "therapeutique")
    assert search_admin_articles(admin_client, "premiere bordin") == set()
    assert search_admin_articles(admin_client, "") >= {seance_pk, bordin_pk}
