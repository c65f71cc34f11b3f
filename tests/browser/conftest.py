import shutil

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from articles.models import ArticleVersion

# Playwright cannot download its own browser on these machines: drive Debian's chromium.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail("The browser tests need Debian's chromium: run `make browser` (apt-get).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def migrated_content(transactional_db):
    """Browser tests share the database with the live server's thread, so each one commits and
    the database is emptied after it; apply the data migration again to read the real article."""
    if not ArticleVersion.objects.exists():
        call_command("migrate", "articles", "0001", verbosity=0)
        call_command("migrate", "articles", verbosity=0)
