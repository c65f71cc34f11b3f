"""Help beside hard subjects: a text she writes that mentions suicide, in either language, gets
on save a box with 3114, 15 and 112 right after the first paragraph that mentions it, inside
the page's main content; a text that does not gets none."""

import re

import pytest

from practice_site.practice.models import LegalPage
from practice_site.richtext.care import mentions_suicide

from .pages import visible_text
from .test_admin import change_form_data

pytestmark = pytest.mark.django_db

FRENCH_BODY = (
    "<p>L’alliance se construit dès la première séance.</p>"
    "<p>Certaines personnes arrivent avec des idées suicidaires.</p>"
    "<p>Le travail commence par en parler.</p>"
    "<p>Le suicide n’a jamais une seule cause.</p>"
)
ENGLISH_BODY = (
    "<p>The alliance grows from the first session.</p>"
    "<ul><li>Some people come with suicidal thoughts.</li><li>Others with anxiety.</li></ul>"
    "<p>The work begins by talking about it.</p>"
)


def main_content(html):
    return re.search(r"<main\b.*?</main>", html, re.S).group(0)


def help_boxes(html):
    return re.findall(r'<aside class="notice notice--help".*?</aside>', html, re.S)


def test_a_french_article_that_mentions_suicidal_thoughts_gets_the_box_after_that_paragraph(
    client, make_version
):
    version = make_version(fr={"body": FRENCH_BODY})["fr"]
    main = main_content(client.get(version.get_absolute_url()).content.decode())
    [box] = help_boxes(main)  # one box, though the text mentions suicide twice
    after = main.index("des idées suicidaires.</p>") + len("des idées suicidaires.</p>")
    assert main.index(box) == after
    assert main.index(box) < main.index("Le travail commence")
    text = visible_text(box, "fr")
    assert "Si vous pensez au suicide ou si un proche vous inquiète" in text
    for number in ["tel:3114", "tel:15", "tel:112"]:
        assert f'href="{number}"' in box
    assert "gratuit, 24 h/24 et 7 j/7" in text
    assert "Elsewhere in Europe" not in box


def test_an_english_article_that_mentions_suicidal_thoughts_gets_the_box_in_english(
    client, make_version
):
    version = make_version(en={"body": ENGLISH_BODY})["en"]
    main = main_content(client.get(version.get_absolute_url()).content.decode())
    [box] = help_boxes(main)
    # After the list that holds the mention, not inside it.
    assert main.index(box) == main.index("Others with anxiety.</li></ul>") + len(
        "Others with anxiety.</li></ul>"
    )
    text = visible_text(box, "en")
    assert (
        "If you are having thoughts of suicide, or are worried about someone close to you" in text
    )
    assert "the national suicide prevention line: free, 24 hours a day" in text
    assert "These numbers work in France. Elsewhere in Europe, call 112" in text


def test_an_article_that_does_not_mention_suicide_gets_no_box(client, make_version):
    versions = make_version(
        fr={"body": "<p>Mettre fin à une thérapie se prépare. Les idées changent.</p>"},
        en={"body": "<p>Ending a therapy is prepared together: a long life of harmony.</p>"},
    )
    for version in versions.values():
        html = client.get(version.get_absolute_url()).content.decode()
        assert help_boxes(html) == []
        assert "notice--help" not in html


def test_saving_the_text_again_keeps_one_box(make_version):
    version = make_version(fr={"body": FRENCH_BODY})["fr"]
    version.body = version.body + "<p>Encore une phrase.</p>"
    version.save()
    version.save()
    assert len(help_boxes(version.body_html)) == 1
    assert "notice--help" not in version.body  # what she edits stays hers


def test_the_box_goes_once_the_text_no_longer_mentions_suicide(make_version):
    version = make_version(fr={"body": FRENCH_BODY})["fr"]
    version.body = "<p>L’alliance se construit dès la première séance.</p>"
    version.save()
    assert help_boxes(version.body_html) == []


@pytest.mark.parametrize(
    "text",
    [
        "le suicide",
        "des idées suicidaires",
        "des IDEES SUICIDAIRES",
        "ses idées noires",
        "l’envie de mettre fin à ses jours",
        "il a mis fin à ses jours",
        "se suicider",
        "les tentatives de suicide",
        "l’automutilation",
        "suicidal thoughts",
        "a suicide attempt",
        "ending one’s life",
        "thoughts of ending their life",
        "self-harm",
        "self-harming",
        "she took her own life",
    ],
)
def test_the_forms_of_the_subject_are_recognised(text):
    assert mentions_suicide(f"Parfois, {text}, disent-ils.")


@pytest.mark.parametrize(
    "text",
    [
        "la fin de la séance",
        "mettre fin à une thérapie",
        "a long life",
        "harmony",
        "les idées",
        # The help line's name, as the legal notice gives it: help, not the subject.
        "le 3114, numéro national de prévention du suicide",
        "3114, the national suicide prevention line",
    ],
)
def test_nearby_words_are_not_mistaken_for_the_subject(text):
    assert not mentions_suicide(text)


def test_the_presentation_and_a_legal_page_get_the_box_too(client, presentation):
    presentation.body_fr = "<p>Je reçois aussi des personnes qui ont des idées noires.</p>"
    presentation.body_en = "<p>I also see people who self-harm.</p>"
    presentation.save()
    french = main_content(client.get("/fr/a-propos/").content.decode())
    assert len(help_boxes(french)) == 1
    english = main_content(client.get("/en/about/").content.decode())
    assert "Elsewhere in Europe, call 112" in visible_text(help_boxes(english)[0], "en")
    page = LegalPage.objects.get(kind="legal-notice")
    page.body_fr += "<p>Ce site ne remplace pas une aide face au suicide.</p>"
    page.save()
    assert len(help_boxes(page.body_html_fr)) == 1
    assert help_boxes(page.body_html_en) == []


def test_the_admin_says_the_box_was_added_after_saving(admin_client, make_version):
    version = make_version(fr={"body": "<p>Une phrase.</p>"})["fr"]
    url = f"/admin/articles/article/{version.article_id}/change/"
    data = change_form_data(admin_client.get(url))
    response = admin_client.post(url, data, follow=True)
    assert "Le texte parle du suicide" not in response.content.decode()
    data["versions-0-body"] = FRENCH_BODY
    response = admin_client.post(url, data, follow=True)
    text = visible_text(response.content.decode(), "fr")
    assert (
        "Le texte parle du suicide : les lecteurs voient un encadré avec le 3114, le 15 et le "
        "112 juste après le premier paragraphe qui en parle (français)."
    ) in text


def test_the_editors_help_gives_papagenos_three_key_points(admin_client, make_version):
    version = make_version(fr={})["fr"]
    page = admin_client.get(f"/admin/articles/article/{version.article_id}/change/")
    text = visible_text(page.content.decode(), "fr")
    assert "programme Papageno" in text
    for point in [
        "ne décrivez ni le moyen utilisé ni le lieu",
        "ne présentez jamais le suicide comme une solution, ni comme ayant une cause unique",
        "parlez de l’aide possible et du rétablissement",
    ]:
        assert point in text
