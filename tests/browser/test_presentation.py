"""The pages that present the practice, filled in as the psychologist fills them, pass axe-core's
WCAG 2.2 AA rules in both languages (the fees and hours tables, the booking button, her
portrait, an article's illustration)."""

from datetime import time

import pytest

from articles.models import ArticleVersion
from practice_site.practice.models import Presentation

from ..alliance import ENGLISH_URL, FRENCH_SLUG, FRENCH_URL
from ..factories import fill_in_practice_details
from ..test_images import illustrate
from ..test_portrait import give_portrait
from .test_accessibility import violations


@pytest.fixture
def presented_practice(migrated_content, settings, tmp_path):
    """The practice as she presents it before going live: details, fees, hours, her
    presentation with a portrait, and the therapeutic-alliance article with an illustration
    described in both languages."""
    settings.MEDIA_ROOT = tmp_path / "media"
    details = fill_in_practice_details(
        video=True,
        mon_soutien_psy=True,
        booking_url="https://www.doctolib.fr/psychologue/paris/camille-exemple",
        access_fr="Métro Voltaire, deuxième étage avec ascenseur.",
        access_en="Voltaire metro station, second floor with a lift.",
        latitude="48.857800",
        longitude="2.380200",
    )
    details.opening_hours.create(weekday=0, opens=time(9), closes=time(12))
    details.opening_hours.create(weekday=0, opens=time(14), closes=time(19))
    Presentation.objects.create(
        heading_fr="Camille Exemple, psychologue à Paris",
        heading_en="Camille Exemple, psychologist in Paris",
        # As the admin's visual editor writes them.
        summary_fr="<p>Je reçois <strong>adultes et couples</strong>.</p>",
        summary_en="<p>I see <strong>adults and couples</strong>.</p>",
        body_fr="<h2>Mon parcours</h2><p>Psychologue depuis 2010.</p>",
        body_en="<h2>My path</h2><p>A psychologist since 2010.</p>",
    )
    give_portrait()
    alliance = ArticleVersion.objects.get(language="fr", slug=FRENCH_SLUG)
    illustrate(alliance, alt="Deux fauteuils face à face près d’une fenêtre", caption="Photo : K.")
    alliance.article.versions.filter(language="en").update(
        illustration_alt="Two armchairs facing each other by a window"
    )


PAGES = ["/fr/", "/en/", "/fr/a-propos/", "/en/about/", FRENCH_URL, ENGLISH_URL]


@pytest.mark.parametrize("url", [*PAGES, "/fr/contact/", "/en/contact/"])
def test_the_presented_practice_has_no_accessibility_violation(page, presented_practice, url):
    page.goto(url)
    assert violations(page) == []


@pytest.mark.parametrize("url", PAGES)
def test_the_portrait_and_the_illustration_show(page, presented_practice, url):
    """What axe checked above had the pictures in it: the one at the top of each page (the
    portrait, the illustration) is loaded and shown."""
    page.goto(url)
    picture = page.locator("main picture img").first
    assert picture.evaluate("img => img.complete && img.naturalWidth") > 0


def test_the_contact_page_stays_accessible_on_a_phone(page, presented_practice):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/en/contact/")
    assert violations(page) == []
    # The tables fit the screen: nothing to scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
