"""The practice, presented: her presentation and portrait on the home page and the About page,
the About page in the menu and the sitemap, and the presentation edited in the admin."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from practice_site.practice.models import Presentation

from .pages import visible_text
from .test_discovery import head_alternates, sitemap_alternates

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "en"]


def about_url(language):
    with translation.override(language):
        return reverse("practice:about")


# Home page


@pytest.mark.parametrize(
    ("language", "heading", "introduction", "summary"),
    [
        ("fr", "Camille Exemple, psychologue à Paris", "Je reçois adultes et couples",
         "Formée à la thérapie <strong>intégrative</strong>"),
        ("en", "Camille Exemple, psychologist in Paris", "I see adults and couples",
         "Trained in <strong>integrative</strong> therapy"),
    ],
)  # fmt: skip
def test_the_home_page_shows_her_presentation_in_its_language(
    client, presentation, language, heading, introduction, summary
):
    html = client.get(f"/{language}/").content.decode()
    assert f'<h1 id="welcome-title">{heading}</h1>' in html
    assert introduction in html
    assert summary in html
    assert f'href="{about_url(language)}"' in html


def test_an_english_home_page_without_english_text_shows_the_english_defaults(client, presentation):
    presentation.heading_en = presentation.introduction_en = presentation.summary_en = ""
    presentation.save()
    html = client.get("/en/").content.decode()
    assert '<h1 id="welcome-title">Welcome</h1>' in html
    assert "Here you will find articles about psychotherapy" in html
    assert "Camille" not in visible_text(html, "en")
    assert "Formée" not in html


@pytest.mark.parametrize(("language", "welcome"), [("fr", "Bienvenue"), ("en", "Welcome")])
def test_the_default_home_page_welcomes_once(client, language, welcome):
    html = client.get(f"/{language}/").content.decode()
    welcome_section = html[html.index('<section class="welcome"') : html.index("</section>")]
    assert f'<h1 id="welcome-title">{welcome}</h1>' in welcome_section
    assert visible_text(welcome_section, language).count(welcome) == 1


@pytest.mark.parametrize(
    ("language", "alt"),
    [("fr", "Camille Exemple dans son cabinet"), ("en", "Camille Exemple in her consulting room")],
)
def test_the_portrait_is_described_in_the_pages_language(client, portrait, language, alt):
    for url in [f"/{language}/", about_url(language)]:
        html = client.get(url).content.decode()
        image = re.search(r'<img [^>]*class="portrait"[^>]*>', html).group()
        assert f'alt="{alt}"' in image
        assert 'width="800" height="1000"' in image


def test_a_portrait_needs_a_description_in_both_languages(portrait):
    portrait.portrait_alt_en = ""
    with pytest.raises(ValidationError) as error:
        portrait.full_clean()
    assert error.value.error_dict["__all__"][0].code == "portrait_without_description"


def test_no_portrait_no_image(client, presentation):
    html = client.get("/fr/").content.decode()
    assert "<img" not in html[html.index('<main id="main"') :]


# About page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_about_page_shows_her_full_presentation(client, presentation, language):
    presentation.body_fr = "<h2>Mon parcours</h2><p>Psychologue depuis 2010.</p>"
    presentation.body_en = "<h2>My path</h2><p>A psychologist since 2010.</p>"
    presentation.save()
    html = client.get(about_url(language)).content.decode()
    assert {"fr": "<h2>Mon parcours</h2>", "en": "<h2>My path</h2>"}[language] in html
    assert "integrative" not in html and "intégrative" not in html


def test_without_a_full_presentation_the_about_page_shows_the_short_one_and_a_contact_link(
    client, presentation
):
    html = client.get(about_url("en")).content.decode()
    assert "Trained in <strong>integrative</strong> therapy" in html
    assert 'href="/en/contact/"' in html[html.index('<main id="main"') :]


def test_the_about_page_answers_on_an_empty_site(client):
    assert client.get(about_url("fr")).status_code == 200


def test_the_about_page_has_an_address_in_each_language():
    assert about_url("en") == "/en/about/"
    assert about_url("fr").startswith("/fr/")


@pytest.mark.parametrize("url", ["/fr/", "/en/articles/", "/en/contact/"])
def test_the_main_menu_links_the_about_page(client, url):
    html = client.get(url).content.decode()
    menu = html[html.index('<nav class="site-nav"') :]
    menu = menu[: menu.index("</nav>")]
    assert f'<a href="{about_url(url.split("/")[1])}">' in menu


def test_the_about_page_is_marked_current_in_the_menu(client):
    html = client.get("/en/about/").content.decode()
    assert '<a href="/en/about/" aria-current="page">About</a>' in html


def test_the_about_page_is_in_the_sitemap_with_its_alternates(client):
    in_sitemap = sitemap_alternates(client)
    french, english = (f"http://testserver{about_url(code)}" for code in LANGUAGES)
    expected = {"fr": french, "en": english, "x-default": french}
    assert in_sitemap[french] == in_sitemap[english] == expected
    assert head_alternates(client.get(about_url("en")).content.decode()) == expected


# Caching


def test_an_edit_of_the_presentation_shows_on_the_next_request(client, presentation):
    assert "Camille Exemple, psychologist in Paris" in client.get("/en/").content.decode()
    presentation.heading_en = "Camille Exemple, psychotherapist"
    presentation.save()
    html = client.get("/en/").content.decode()
    assert '<h1 id="welcome-title">Camille Exemple, psychotherapist</h1>' in html


# The admin


def test_the_about_text_is_the_full_presentation_or_else_the_short_one(presentation):
    with translation.override("en"):
        assert presentation.about_html == presentation.summary_html_en
        presentation.body_en = "<p>A psychologist since 2010.</p>"
        presentation.save()
        assert presentation.about_html == "<p>A psychologist since 2010.</p>"


def test_a_staff_member_without_the_right_to_add_cannot_create_the_presentation(
    django_user_model, signed_in_client
):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("assistant", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["view_presentation", "change_presentation"])
    )
    client = signed_in_client(user)
    assert client.get("/admin/practice/presentation/add/").status_code == 403


def test_the_presentation_is_one_record_edited_in_the_admin(admin_client):
    assert admin_client.get("/admin/practice/presentation/")["Location"] == (
        "/admin/practice/presentation/add/"
    )
    Presentation.objects.create()
    assert admin_client.get("/admin/practice/presentation/")["Location"] == (
        "/admin/practice/presentation/1/change/"
    )
    assert admin_client.get("/admin/practice/presentation/add/").status_code == 403
