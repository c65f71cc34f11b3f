import os
from html.parser import HTMLParser

import pytest
from django.core.management import call_command

from articles.models import Article, ArticleVersion, Reference

# pytest-django's live_server runs in a thread beside Playwright's sync API, which Django
# would otherwise refuse as "async unsafe".
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

FRENCH_SLUG = "alliance-therapeutique"
ENGLISH_SLUG = "therapeutic-alliance"
FRENCH_URL = f"/fr/articles/{FRENCH_SLUG}/"
ENGLISH_URL = f"/en/articles/{ENGLISH_SLUG}/"


@pytest.fixture(scope="session", autouse=True)
def collected_static(tmp_path_factory):
    """Serve static files through the production storage (hashed names, manifest), as a
    deployed site does, rather than a test-only shortcut."""
    from django.conf import settings

    settings.STATIC_ROOT = tmp_path_factory.mktemp("static")
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture
def alliance(db):
    """The French version of the therapeutic-alliance article, as the data migration made it."""
    return ArticleVersion.objects.select_related("article").get(language="fr", slug=FRENCH_SLUG)


@pytest.fixture
def make_version(db):
    """Create an article with one version per keyword set, e.g. make_version(fr={...})."""

    def make(author="Anne Example", references=(), **versions):
        article = Article.objects.create(author=author)
        created = {}
        for language, fields in versions.items():
            defaults = {
                "title": f"Title {language}",
                "slug": f"slug-{language}-{article.pk}",
                "summary": f"Summary {language}",
                "body": f"Body {language}",
                "status": ArticleVersion.Status.PUBLISHED,
            }
            created[language] = ArticleVersion.objects.create(
                article=article, language=language, **{**defaults, **fields}
            )
        for position, fields in enumerate(references, start=1):
            Reference.objects.create(article=article, position=position, **fields)
        return created

    return make


class _VisibleText(HTMLParser):
    """Collects what a reader meets in a page (text and the attributes read aloud or shown),
    leaving out elements marked as being in another language (lang="...")."""

    SPOKEN_ATTRIBUTES = {"alt", "aria-label", "title", "placeholder", "content", "value"}
    VOID = {"meta", "link", "img", "input", "br", "hr", "source", "area", "base", "col", "wbr"}

    def __init__(self, language):
        super().__init__()
        self.language = language
        self.stack = []  # one flag per open element: is it in another language?
        self.chunks = []

    def _foreign(self):
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        foreign = self._foreign() or attrs.get("lang", self.language) != self.language
        if not foreign:
            self.chunks += [v for k, v in attrs.items() if k in self.SPOKEN_ATTRIBUTES and v]
        if tag not in self.VOID:
            self.stack.append(foreign)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self._foreign() and data.strip():
            self.chunks.append(data)


def visible_text(html, language):
    parser = _VisibleText(language)
    parser.feed(html)
    return " ".join(" ".join(parser.chunks).split())


def _interface_strings(side):
    """Interface strings whose French and English differ, as `side` ("msgid" for English,
    "msgstr" for French) writes them: what must never show on a page in the other language.
    Lower-case single words are field labels of the admin, not reader-facing text."""
    import re

    import polib
    from django.conf import settings

    catalogue = polib.pofile(str(settings.BASE_DIR / "locale/fr/LC_MESSAGES/django.po"))
    strings = set()
    for entry in catalogue:
        if entry.msgid_plural or entry.msgstr == entry.msgid:
            continue
        if not (entry.msgid[0].isupper() or " " in entry.msgid):
            continue
        for fragment in re.split(r"%\(\w+\)s", getattr(entry, side)):
            if len(fragment.strip()) >= 3:
                strings.add(fragment.strip())
    return sorted(strings)


@pytest.fixture(scope="session")
def french_interface_strings():
    return _interface_strings("msgstr")


@pytest.fixture(scope="session")
def english_interface_strings():
    return _interface_strings("msgid")
