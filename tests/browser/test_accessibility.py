"""Every public page, in both languages, passes axe-core's WCAG 2.2 AA rules."""

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = [
    "/fr/",
    "/en/",
    "/fr/articles/",
    "/en/articles/",
    "/fr/articles/alliance-therapeutique/",
    "/en/articles/therapeutic-alliance/",
    "/fr/contact/",
    "/en/contact/",
    "/fr/contact/merci/",
    "/en/contact/thanks/",
    "/fr/mentions-legales/",
    "/en/legal-notice/",
    "/fr/confidentialite/",
    "/en/privacy/",
    "/fr/recherche/?q=alliance",
    "/en/search/?q=alliance",
    "/fr/recherche/?q=zzzyxxq",
    "/en/search/?q=(((",
    "/fr/articles/n-existe-pas/",
    "/en/articles/does-not-exist/",
]


def violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    return [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("url", PAGES)
def test_public_page_has_no_accessibility_violation(page, url):
    page.goto(url)
    assert violations(page) == []


@pytest.fixture
def practice_in_the_scheme(transactional_db):
    """Her details with a session under “Mon soutien psy” (the “What will I pay?” explainer),
    and a presentation that mentions suicide (the help box)."""
    from decimal import Decimal

    from practice_site.practice.models import Presentation

    from ..factories import PRACTICE_FEES, fill_in_practice_details

    covered = {**PRACTICE_FEES[0], "amount": Decimal(50), "mon_soutien_psy": True}
    fill_in_practice_details(
        fees=[covered, PRACTICE_FEES[1]], mon_soutien_psy=True, video=True, pays_by_card=True
    )
    Presentation.objects.create(
        body_fr="<p>Je reçois aussi des personnes qui ont des idées suicidaires.</p>",
        body_en="<p>I also see people who have suicidal thoughts.</p>",
    )


@pytest.mark.parametrize("url", ["/fr/contact/", "/en/contact/", "/fr/a-propos/", "/en/about/"])
def test_what_you_pay_and_the_help_box_have_no_accessibility_violation(
    page, practice_in_the_scheme, url
):
    page.goto(url)
    assert page.locator("#what-you-pay-title").count() == 1
    assert violations(page) == []


def test_the_help_box_has_no_accessibility_violation_on_a_phone(page, practice_in_the_scheme):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/fr/a-propos/")
    assert page.locator(".notice--help").is_visible()
    assert violations(page) == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_contact_form_with_errors_has_no_accessibility_violation(page, language):
    page.goto(f"/{language}/contact/")
    page.fill("#id_email", "not-an-email")
    page.locator(".enquiry-form button[type=submit]").click()
    page.wait_for_selector("#id_email_error")
    assert violations(page) == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_pages_stay_accessible_on_a_phone(page, language):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"/{language}/contact/")
    assert violations(page) == []
