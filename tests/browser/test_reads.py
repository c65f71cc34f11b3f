"""Her admin home's reads, as chromium draws them: a bar a day in the admin's colours, with
nothing the Content-Security-Policy refuses, and accessible."""

from datetime import timedelta

from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from practice_site.audience.models import ReadCount

from ..alliance import ENGLISH_URL, FRENCH_URL
from .test_accessibility import WCAG_AA


def test_the_reads_chart_is_drawn_in_the_admin_s_colours_and_is_accessible(admin_page):
    today = timezone.localdate()
    for path, days_ago, reads in [(FRENCH_URL, 0, 8), (FRENCH_URL, 3, 2), (ENGLISH_URL, 1, 5)]:
        language = path.split("/")[1]
        day = today - timedelta(days=days_ago)
        ReadCount.objects.create(path=path, language=language, day=day, reads=reads)

    admin_page.reload()

    charts = admin_page.locator(".home-reads svg.reads-chart")
    expect(charts).to_have_count(2)
    bar = charts.first.locator("rect:not(.reads-chart-baseline)").last
    link = admin_page.locator(".home-reads tbody a").first
    # Filled from admin.css, in the colour of the admin's links (its dark theme's too).
    colour = link.evaluate("a => getComputedStyle(a).color")
    assert bar.evaluate("rect => getComputedStyle(rect).fill") == colour
    assert bar.evaluate("rect => rect.getBoundingClientRect().height") == 24
    assert admin_page.refused == []
    results = Axe().run(
        admin_page, context=".home-reads", options={"runOnly": {"type": "tag", "values": WCAG_AA}}
    )
    assert results.response["violations"] == []
