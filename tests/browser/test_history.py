"""The psychologist deletes a cited reference in the admin, in French, then takes it back from
the article's history."""

import re

from playwright.sync_api import expect

from tests.alliance import FRENCH_URL

BORDIN_DOI = "10.1037/h0085885"


def test_a_deleted_cited_reference_is_confirmed_then_restored_from_the_history(admin_page):
    page = admin_page
    from articles.models import ArticleVersion

    article = ArticleVersion.objects.get(language="fr", slug="alliance-therapeutique").article
    change_url = f"/admin/articles/article/{article.pk}/change/"
    page.goto(change_url)

    doi = page.locator(f'input[name$="-doi"][value="{BORDIN_DOI}"]')
    prefix = doi.get_attribute("name").removesuffix("-doi")
    page.check(f'input[name="{prefix}-DELETE"]')
    page.get_by_role("button", name="Enregistrer", exact=True).first.click()

    # Not deleted yet: the page names the citation that would turn into plain text.
    expect(page.locator(".errorlist.nonform")).to_contain_text("«\u00a0Bordin (1979)\u00a0»")
    confirmation = page.locator("#id_delete_cited_references")
    expect(confirmation).to_be_visible()
    confirmation.check()
    page.get_by_role("button", name="Enregistrer", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("Modification enregistrée")

    page.goto(FRENCH_URL)
    expect(page.locator("main")).to_contain_text("Edward Bordin (1979)")
    expect(page.locator("a.citation", has_text="Bordin")).to_have_count(0)

    page.goto(change_url)
    page.get_by_role("link", name="Historique").click()
    expect(page.get_by_text("Choisissez une date dans la liste ci-dessous")).to_be_visible()
    # The last revision is the deletion: the one before it still had the reference.
    page.locator("#change-history tbody tr").nth(-2).get_by_role("link").click()
    expect(page.get_by_text("restaurer cette version")).to_be_visible()
    expect(page.locator(f'input[name$="-doi"][value="{BORDIN_DOI}"]')).to_have_count(1)
    page.get_by_role("button", name="Enregistrer", exact=True).first.click()
    expect(page.locator(".messagelist")).to_be_visible()

    page.goto(FRENCH_URL)
    link = page.locator("a.citation", has_text="Bordin (1979)")
    expect(link).to_have_count(1)
    expect(link).to_have_attribute("href", re.compile(r"^#ref-\d+$"))
    expect(page.locator(link.get_attribute("href"))).to_contain_text("Bordin, E. S.")
