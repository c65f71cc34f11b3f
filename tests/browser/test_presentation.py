"""The pages that present the practice, filled in as the psychologist fills them, pass axe-core's
WCAG 2.2 AA rules in both languages (the fees and hours tables, the booking button)."""

from datetime import time

import pytest

from practice_site.practice.models import Presentation

from ..conftest import fill_in_practice_details
from .test_accessibility import violations


@pytest.fixture
def presented_practice(migrated_content):
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
        summary_fr="Je reçois **adultes et couples**.",
        summary_en="I see **adults and couples**.",
        body_fr="## Mon parcours\n\nPsychologue depuis 2010.",
        body_en="## My path\n\nA psychologist since 2010.",
    )


@pytest.mark.parametrize("url", ["/fr/", "/en/", "/en/about/", "/fr/contact/", "/en/contact/"])
def test_the_presented_practice_has_no_accessibility_violation(page, presented_practice, url):
    page.goto(url)
    assert violations(page) == []


def test_the_contact_page_stays_accessible_on_a_phone(page, presented_practice):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/en/contact/")
    assert violations(page) == []
    # The tables fit the screen: nothing to scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
