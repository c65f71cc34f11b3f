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
