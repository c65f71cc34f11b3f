import shutil

import pytest
from playwright.sync_api import sync_playwright

# Playwright cannot download its own browser on these machines: drive Debian's chromium.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "correct-horse-battery"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def allow_the_database_beside_playwright():
    """Playwright's sync API runs an event loop in this thread, where Django refuses database
    access as "async unsafe"; these tests' fixtures need it. Only for them: they run last
    (tests/conftest.py), and this lasts until the session ends, as Playwright does."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def browser(allow_the_database_beside_playwright):
    if not shutil.which(CHROMIUM):
        pytest.fail("The browser tests need Debian's chromium: run `make browser` (apt-get).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, migrated_content):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def live_server(collected_static):
    """pytest-django's live server, with static files served by whitenoise from the collected,
    hashed files, as in production (its default handler looks for unhashed source files)."""
    from unittest import mock

    from pytest_django.live_server_helper import LiveServer

    with mock.patch("django.contrib.staticfiles.handlers.StaticFilesHandler", lambda app: app):
        server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def admin_page(page, django_user_model, settings):
    """The browser page signed in to the admin (a password alone: ADMIN_TWO_FACTOR off), which
    records what the Content-Security-Policy refuses in `page.refused`."""
    settings.ADMIN_TWO_FACTOR = False
    django_user_model.objects.create_superuser("psy", "psy@example.org", PASSWORD)
    page.refused = []
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " event => console.error('CSP refused ' + event.effectiveDirective))"
    )
    page.on(
        "console",
        lambda message: (
            page.refused.append(message.text) if message.text.startswith("CSP refused") else None
        ),
    )
    page.goto("/admin/login/")
    page.fill("#id_username", "psy")
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/admin/")
    return page
