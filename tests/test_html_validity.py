"""Every public page is valid HTML by the standard's own checker, the Nu Html Checker
(vnu.jar, installed by `make vnu`, which `make test` runs first), in both languages and in each
state a reader can meet: errors and warnings alike fail."""

import json
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import get_resolver, reverse
from django.utils import translation
from django_prose_editor.config import allowlist_from_extensions

from articles.models import ArticleVersion
from practice_site.pictures.models import Picture
from practice_site.richtext.rendering import EDITOR_EXTENSIONS, render_html, sanitise

from .factories import fill_in_practice_details
from .test_images import photo, upload

VNU_JAR = settings.BASE_DIR / ".vnu/node_modules/vnu-jar/build/dist/vnu.jar"
LANGUAGES = [code for code, _name in settings.LANGUAGES]

# Every tag and attribute the sanitiser lets through, used as an author may: the page of an
# article written with them must be as valid as any other.
EVERY_ALLOWED_ELEMENT = """\
<h2>A second-level heading</h2>
<h3>A third-level heading</h3>
<p>A paragraph with <em>emphasis</em>, <strong>strong words</strong>, a
<a href="https://example.org/" title="Its title" rel="noopener">link</a>, and a citation of
Bordin (1979).<br>A new line.</p>
<blockquote><p>A quoted paragraph (Horvath et al., 2011).</p></blockquote>
<ol><li><p>First</p></li><li><p>Second, with a nested list:</p>
<ul><li><p>one</p></li><li><p>two</p></li></ul></li></ol>
<ol start="3" type="i" data-type="numbered"><li>Third</li><li>Fourth</li></ol>
<figure class="figure"><img src="{src}" alt="Two armchairs" width="1600" height="1000"
data-file="{pk}"><figcaption>The practice (Bordin, 1979).</figcaption></figure>
<img src="{src}" alt="">
"""

# What an author may post (bypassing the editor) that the standard forbids, each with the
# allowed tags and attributes only: what the sanitiser lets through must still make a valid page.
INVALID_BUT_ALLOWED_MARKUP = """\
<p><a href="javascript:alert(1)">a script</a>, <a href="tel:+33 6 12 34 56 78">a phone number
with spaces</a>, <a href="https://example.org/a file.pdf">a path with spaces</a>,
<a href="https://example.org/" rel="bookmark-ish">an odd rel</a>.</p>
<ol start="three" type="x"><li>A list that starts at a word</li></ol>
<ul>Text in a list<li>An item</li><p>A paragraph in a list</p></ul>
<li>An item outside any list</li>
<h2> </h2>
"""

REFERENCES = [
    {"authors": "Bordin, E. S.", "year": 1979, "title": "The alliance", "journal": "P"},
    {
        "authors": "Horvath, A. O., Del Re, A. C., Flückiger, C., & Symonds, D.",
        "year": 2011,
        "title": "Alliance in individual psychotherapy",
        "journal": "Psychotherapy",
    },
]


class _TagsAndAttributes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = set()

    def handle_starttag(self, tag, attrs):
        self.found |= {tag} | {(tag, name) for name, _value in attrs}


def tags_and_attributes(html):
    parser = _TagsAndAttributes()
    parser.feed(html)
    return parser.found


def check_html(pages, folder):
    """Run the checker once on `pages` ({file name: HTML}); its errors and warnings, each as
    "file:line: message"."""
    assert shutil.which("java"), "Java is missing: run `make vnu` (or `make test`) to install it."
    assert VNU_JAR.exists(), (
        f"The Nu Html Checker is missing ({VNU_JAR.relative_to(settings.BASE_DIR)}): "
        "run `make vnu` (or `make test`) to install it."
    )
    for name, html in pages.items():
        (folder / name).write_text(html, encoding="utf-8")
    files = [str(folder / name) for name in sorted(pages)]
    result = subprocess.run(
        # Compiled by the quick compiler only, with the simplest collector: a run of a few seconds
        # never reaches what the optimising one pays off for, and it halves the CPU time. Its
        # larger frames need a deeper stack for the checker's schema.
        [
            "java",
            "-Xss4m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            *files,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # The checker writes its report to stderr, and exits with 1 when it found an error.
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{message.get('url', '').rsplit('/', 1)[-1]}:{message.get('lastLine', '?')}: "
        f"{message.get('subType', message['type'])}: {message['message']}"
        f" [{message.get('extract', '').strip()}]"
        for message in messages
        if message["type"] != "info" or message.get("subType") == "warning"
    ]


def get(client, url, status=200, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == status, url
    return response.content.decode()


def post(client, url, data, status):
    response = client.post(url, data)
    assert response.status_code == status, url
    return response.content.decode()


def server_error_page(language):
    """The 500 page as the site's handler renders it, in `language`."""
    with translation.override(language):
        request = RequestFactory().get(reverse("articles:home"))
        response = get_resolver().resolve_error_handler(500)(request)
    assert response.status_code == 500
    return response.content.decode()


def public_pages(language, enquiry_data):
    """Every public HTML page in `language`, in each state a reader can meet."""
    client = Client()
    with translation.override(language):
        urls = {
            "home": reverse("articles:home"),
            "articles": reverse("articles:list"),
            "contact": reverse("contact:enquiry"),
            "thanks": reverse("contact:thanks"),
            "legal-notice": reverse("practice:legal-notice"),
            "privacy": reverse("practice:privacy"),
            "about": reverse("practice:about"),
            "search": reverse("articles:search"),
        }
    pages = {name: get(client, url) for name, url in urls.items()}
    for version in ArticleVersion.objects.published().in_language(language):
        pages[f"article-{version.slug}"] = get(client, version.get_absolute_url())
    pages |= {
        "contact-with-errors": post(
            client, urls["contact"], {**enquiry_data, "email": "not-an-email", "name": ""}, 400
        ),
        "contact-csrf-failure": post(
            Client(enforce_csrf_checks=True), urls["contact"], enquiry_data, 403
        ),
        "search-results": get(client, f"{urls['search']}?q=alliance"),
        "search-nothing": get(client, f"{urls['search']}?q=zzzyxxq"),
        "search-error": get(client, f"{urls['search']}?q=(((%00"),
        "not-found": get(client, f"/{language}/no-such-page/", status=404),
        "bad-request": get(client, urls["home"], status=400, headers={"host": "evil.example"}),
        "server-error": server_error_page(language),
    }
    return {f"{language}-{name}.html": html for name, html in pages.items()}


@pytest.fixture
def article_with_every_allowed_element(make_version, settings, tmp_path):
    """An article whose body, in both languages, uses every tag and attribute the sanitiser
    lets through, a picture of the library among them."""
    settings.MEDIA_ROOT = tmp_path / "media"
    picture = Picture.objects.create(image=upload(photo()), title="Armchairs")
    body = EVERY_ALLOWED_ELEMENT.format(src=picture.image.url, pk=picture.pk)
    versions = make_version(
        references=REFERENCES,
        fr={"slug": "tous-les-elements", "body": body},
        en={"slug": "every-element", "body": body},
    )
    for version in versions.values():
        version.refresh_from_db()
        assert len(version.cited_references) == 2, version.unmatched_citations
    return versions


@pytest.fixture
def article_with_invalid_markup(make_version):
    return make_version(en={"slug": "invalid-markup", "body": INVALID_BUT_ALLOWED_MARKUP})["en"]


def test_the_sample_article_uses_every_tag_and_attribute_the_sanitiser_allows(
    article_with_every_allowed_element,
):
    """Whatever the sanitiser is taught to let through is added to the sample, so that the
    validity test below checks it too, as rendered (an image as the <picture> of its sizes)."""
    allowlist = allowlist_from_extensions(EDITOR_EXTENSIONS)
    allowed = allowlist["tags"] | {
        (tag, name) for tag, names in allowlist["attributes"].items() for name in names
    }
    found = tags_and_attributes(sanitise(article_with_every_allowed_element["en"].body))
    assert allowed - found == set()


@pytest.fixture
def presented_practice(settings, tmp_path):
    """Every part of the practice's pages filled in: details with hours, the scheme, a booking
    link, and a presentation with a portrait."""
    from datetime import time

    from practice_site.practice.models import Presentation

    from .test_images import photo, upload

    settings.MEDIA_ROOT = tmp_path / "media"
    from .factories import PRACTICE_FEES

    covered = {**PRACTICE_FEES[0], "amount": 50, "mon_soutien_psy": True}
    details = fill_in_practice_details(
        fees=[covered, PRACTICE_FEES[1]],
        mon_soutien_psy=True,
        video=True,
        pays_by_cash=True,
        pays_by_card=True,
        booking_url="https://www.doctolib.fr/psychologue/paris/exemple",
    )
    details.opening_hours.create(weekday=0, opens=time(9), closes=time(12))
    Presentation.objects.create(
        portrait=upload(photo(800, 1000)),
        portrait_alt_fr="Camille Exemple dans son cabinet",
        portrait_alt_en="Camille Exemple in her consulting room",
        summary_fr="<p>Psychologue clinicienne.</p><p>Je reçois qui a des idées noires.</p>",
        summary_en="<p>Clinical psychologist.</p><p>I see people with suicidal thoughts.</p>",
    )


def test_every_public_page_is_valid_html(
    migrated_content,
    presented_practice,
    article_with_every_allowed_element,
    article_with_invalid_markup,
    enquiry_data,
    tmp_path,
):
    pages = {}
    for language in LANGUAGES:
        pages |= public_pages(language, enquiry_data)
    assert all("<picture>" in pages[f"{language}-about.html"] for language in LANGUAGES)
    assert all("notice--help" in pages[f"{language}-about.html"] for language in LANGUAGES)
    assert all("what-you-pay-title" in pages[f"{language}-contact.html"] for language in LANGUAGES)
    problems = check_html(pages, tmp_path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("markup", "rendered"),
    [
        ('<a href="tel:+33 6 12">x</a>', '<a href="tel:+33%206%2012">x</a>'),
        ('<a href="/" rel="me-too">x</a>', '<a href="/">x</a>'),
        ('<ol start="three"><li>x</li></ol>', "<ol><li>x</li></ol>"),
        ('<ol start="-2" type="i"><li>x</li></ol>', '<ol start="-2" type="i"><li>x</li></ol>'),
        ('<ol type="disc"><li>x</li></ol>', "<ol><li>x</li></ol>"),
        ("<ul>Text<li>Item</li><p>x</p></ul>",
         "<ul><li>Text</li><li>Item</li><li><p>x</p></li></ul>"),
        ("<li>Item</li>", "Item"),
        ("<h2> </h2>", ""),
    ],
)  # fmt: skip
def test_what_the_standard_forbids_is_repaired_when_sanitised(markup, rendered):
    """Each repair that the validity test above relies on, on its own."""
    assert render_html(markup) == rendered
