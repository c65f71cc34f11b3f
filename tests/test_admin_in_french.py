"""The admin speaks the psychologist's language: no English word from the site's own apps on a
French admin page, and a history and messages that read as French."""

import re

import pytest
from django.apps import apps
from django.utils import translation
from django.utils.text import capfirst

from contact.models import Enquiry

from .factories import fill_in_practice_details
from .pages import contains_words, visible_text
from .test_admin import change_form_data

pytestmark = pytest.mark.django_db

OUR_APPS = ["articles", "contact", "practice"]


def our_english_labels():
    """The names of the site's own models and fields as an English admin shows them, where the
    French says something else: "Body", "Summary", "Language versions"."""
    labels = set()
    for model in [m for app in OUR_APPS for m in apps.get_app_config(app).get_models()]:
        names = [model._meta.verbose_name, model._meta.verbose_name_plural]
        names += [field.verbose_name for field in model._meta.fields]
        for name in names:
            with translation.override("en"):
                english = capfirst(str(name))
            with translation.override("fr"):
                french = capfirst(str(name))
            if english != french:
                labels.add(english)
    return labels


def admin_text(response, language="fr"):
    """What the admin page says, without what the psychologist wrote (the English version's
    fields, the English titles in a list) or the values the form posts."""
    html = response.content.decode()
    html = re.sub(r"<textarea[^>]*>.*?</textarea>", "", html, flags=re.S)
    html = re.sub(r'<td class="field-\w+_en">.*?</td>', "", html, flags=re.S)
    html = re.sub(r'\svalue="[^"]*"', "", html)
    html = re.sub(r"<(input|option)[^>]*>", "", html)
    return visible_text(html, language)


@pytest.fixture
def french_admin(admin_client):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    return admin_client


def test_every_label_of_the_site_s_own_models_is_translated():
    assert our_english_labels() >= {"Body", "Summary", "Language versions", "Enquiry"}


def test_the_admin_shows_no_english_from_the_site_s_own_apps(
    french_admin, alliance, client, enquiry_data, english_interface_strings
):
    fill_in_practice_details()
    client.post("/fr/contact/", enquiry_data)
    enquiry = Enquiry.objects.get()
    article = f"/admin/articles/article/{alliance.article_id}"
    pages = [
        "/admin/",
        "/admin/articles/article/",
        f"{article}/change/",
        "/admin/articles/article/add/",
        f"{article}/history/",
        "/admin/contact/enquiry/",
        f"/admin/contact/enquiry/{enquiry.pk}/change/",
        "/admin/practice/practicedetails/1/change/",
        "/admin/practice/legalpage/",
        "/admin/practice/legalpage/1/change/",
    ]
    english = sorted(our_english_labels() | set(english_interface_strings))
    leaks = {}
    for url in pages:
        response = french_admin.get(url)
        assert response.status_code == 200, url
        text = admin_text(response)
        found = [words for words in english if contains_words(text, words)]
        if found:
            leaks[url] = found
    assert leaks == {}


def edit_french_body(admin_client, alliance):
    url = f"/admin/articles/article/{alliance.article_id}/change/"
    data = change_form_data(admin_client.get(url))
    body = next(name for name, value in data.items() if value == alliance.body)
    data[body] = alliance.body + "\n\nUn paragraphe de plus."
    data["author"] = "Camille Exemple"
    return admin_client.post(url, data, follow=True)


def test_an_edit_is_confirmed_in_french(french_admin, alliance):
    response = edit_french_body(french_admin, alliance)

    [message] = [str(message) for message in response.context["messages"]]
    assert message.startswith("Modification enregistrée\u00a0: article «\u00a0<a href=")


def test_the_history_names_the_changed_fields_in_french(french_admin, alliance):
    edit_french_body(french_admin, alliance)

    response = french_admin.get(f"/admin/articles/article/{alliance.article_id}/history/")

    text = admin_text(response)
    assert "Modification : auteur." in text
    assert "Modification : texte (version linguistique « L’alliance thérapeutique" in text
    assert not contains_words(text, "Body")


def test_the_history_reads_in_english_for_an_english_reader(admin_client, alliance):
    edit_french_body(admin_client, alliance)
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    response = admin_client.get(f"/admin/articles/article/{alliance.article_id}/history/")

    assert "Changed body for language version" in admin_text(response, "en")


def test_the_admin_titles_read_as_french(french_admin):
    response = french_admin.get("/admin/articles/article/add/")

    assert "<h1>Ajout\u00a0: article</h1>" in response.content.decode()
