"""A theme page and a later page of the article list pass axe-core's WCAG 2.2 AA rules in
both languages, on a phone and on a desktop screen."""

import os

import pytest

from ..factories import make_theme, make_versions
from .test_accessibility import violations

# Set to a folder to keep a screenshot of each page checked, to look at.
SCREENSHOTS = os.environ.get("SCREENSHOTS")


@pytest.fixture
def themed_library(migrated_content):
    from articles.models import ArticleVersion

    anxiety = make_theme("Anxiété", "Anxiety")
    sleep = make_theme("Sommeil", "Sleep")
    for version in ArticleVersion.objects.all():
        version.article.themes.set([anxiety, sleep])
    for n in range(11):
        make_versions(
            themes=[anxiety] if n % 2 else [anxiety, sleep],
            fr={"title": f"Apprivoiser l’anxiété, partie {n}"},
            en={"title": f"Taming anxiety, part {n}"},
        )


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(
    "url",
    [
        "/fr/articles/themes/anxiete/",
        "/en/articles/themes/anxiety/?page=2",
        "/fr/articles/?page=2",
        "/en/articles/",
        "/fr/articles/alliance-therapeutique/",
        "/en/articles/therapeutic-alliance/",
    ],
)
def test_theme_and_list_pages_have_no_accessibility_violation(page, themed_library, url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    if SCREENSHOTS:
        name = url.strip("/").replace("/", "-").replace("?", "-")
        page.screenshot(path=f"{SCREENSHOTS}/{name}-{width}.png", full_page=True)
    assert violations(page) == []
