from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import translation


class AlternatesSitemap(Sitemap):
    """A sitemap whose entries list, as hreflang alternates, exactly the languages the page
    exists in, with the main language's version as x-default: the same links as the page's
    own <head> (templates/includes/alternates.html)."""

    def translations(self, item):
        """{language: path} of the page `item` in every language it exists in."""
        raise NotImplementedError

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            base = url["location"].split("/", 3)[:3]  # scheme://domain
            paths = self.translations(url["item"])
            url["alternates"] = [
                {"lang_code": code, "location": "/".join(base) + path}
                for code, path in paths.items()
            ]
            if settings.LANGUAGE_CODE in paths:
                url["alternates"].append(
                    {
                        "lang_code": "x-default",
                        "location": "/".join(base) + paths[settings.LANGUAGE_CODE],
                    }
                )
        return urls


class SitePageSitemap(AlternatesSitemap):
    """The pages that exist in every language: home, article list, contact, legal pages."""

    PAGES = [
        "articles:home",
        "articles:list",
        "contact:enquiry",
        "practice:legal-notice",
        "practice:privacy",
    ]

    def items(self):
        return [(name, code) for name in self.PAGES for code, _name in settings.LANGUAGES]

    def location(self, item):
        name, code = item
        with translation.override(code):
            return reverse(name)

    def translations(self, item):
        name, _code = item
        return {code: self.location((name, code)) for code, _name in settings.LANGUAGES}
