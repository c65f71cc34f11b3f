from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class TranslatedSitemap(Sitemap):
    """Each item once per language it exists in, with the others as hreflang alternates
    (Django's i18n sitemap). Its x-default is the main language's own address, as in the
    page's <head> (templates/includes/alternates.html), rather than Django's unprefixed one,
    which only redirects."""

    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            by_language = {alternate["lang_code"]: alternate for alternate in url["alternates"]}
            if "x-default" in by_language:
                by_language["x-default"]["location"] = by_language[settings.LANGUAGE_CODE][
                    "location"
                ]
        return urls


class SitePageSitemap(TranslatedSitemap):
    """The pages that exist in every language: home, About, article list, contact, legal pages."""

    def items(self):
        return [
            "articles:home",
            "practice:about",
            "articles:list",
            "contact:enquiry",
            "practice:legal-notice",
            "practice:privacy",
        ]

    def location(self, name):
        return reverse(name)
