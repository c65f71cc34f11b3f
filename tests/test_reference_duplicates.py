"""A work is listed once in an article's references: a DOI another of its references already
has is refused, with a message that says why."""

import pytest
from django.db import IntegrityError

from articles.models import Reference

from .test_admin import as_a_browser_sends_it, change_form_data

pytestmark = pytest.mark.django_db

DUPLICATE = "Another reference of this article has this DOI: the work would be listed twice."
BORDIN = {
    "authors": "Bordin, E. S.",
    "year": "1979",
    "title": "The generalizability of the psychoanalytic concept of the working alliance",
    "journal": "Psychotherapy: Theory, Research & Practice",
}


def with_new_references(data, *dois):
    """The article page's data with a new reference per DOI in `dois`."""
    total = int(data["references-TOTAL_FORMS"])
    data["references-TOTAL_FORMS"] = str(total + len(dois))
    for index, doi in enumerate(dois, start=total):
        data.update({f"references-{index}-{name}": value for name, value in BORDIN.items()})
        data[f"references-{index}-doi"] = doi
    return data


def post(client, alliance, *dois):
    url = f"/admin/articles/article/{alliance.article_id}/change/"
    data = as_a_browser_sends_it(change_form_data(client.get(url)))
    return client.post(url, with_new_references(data, *dois), headers={"accept-language": "en"})


def reference_errors(response):
    [formset] = [
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is Reference
    ]
    return [error for form in formset.forms for error in form.errors.as_data().get("doi", [])] + [
        error for form in formset.forms for error in form.non_field_errors().as_data()
    ]


def test_a_doi_the_article_already_cites_is_refused(admin_client, alliance):
    existing = alliance.article.references.exclude(doi="").first()
    count = alliance.article.references.count()

    # Pasted as the publisher shows it: the same DOI once cleaned up.
    response = post(admin_client, alliance, f"https://doi.org/{existing.doi}")

    assert response.status_code == 200
    [error] = reference_errors(response)
    assert (error.code, error.messages) == ("duplicate_doi", [DUPLICATE])
    assert DUPLICATE in response.content.decode()
    assert alliance.article.references.count() == count


def test_two_new_references_with_the_same_doi_are_refused(admin_client, alliance):
    count = alliance.article.references.count()

    response = post(admin_client, alliance, "10.1037/h0085885x", "doi:10.1037/H0085885X")

    assert response.status_code == 200
    [error] = reference_errors(response)
    assert (error.code, error.messages) == ("duplicate_doi", [DUPLICATE])
    assert alliance.article.references.count() == count


def test_references_without_a_doi_may_be_many(admin_client, alliance):
    count = alliance.article.references.count()
    response = post(admin_client, alliance, "", "")
    assert response.status_code == 302
    assert alliance.article.references.count() == count + 2


def test_the_database_refuses_a_duplicate_doi_too(alliance):
    existing = alliance.article.references.exclude(doi="").first()
    with pytest.raises(IntegrityError):
        Reference.objects.create(article=alliance.article, **{**BORDIN, "doi": existing.doi})


def test_the_migration_keeps_the_first_of_references_sharing_a_doi(transactional_db):
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    before = [("articles", "0011_article_illustration")]
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    article = old_apps.get_model("articles", "Article").objects.create(author="Anne Example")
    references = old_apps.get_model("articles", "Reference").objects
    first = references.create(article=article, doi="10.1037/h0085885", **BORDIN)
    references.create(article=article, doi="10.1037/H0085885", **BORDIN)
    other = references.create(article=article, doi="10.1037/a0022186", **BORDIN)

    call_command("migrate", "articles", verbosity=0)

    assert set(Reference.objects.filter(article_id=article.pk).values_list("pk", flat=True)) == {
        first.pk,
        other.pk,
    }
