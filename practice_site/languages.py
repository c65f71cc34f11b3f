"""The links from a page to the same content in each of the site's languages."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse
from django.utils import translation


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in the language itself ("English", "Français"), as readers look for it
    url: str
    is_current: bool
    is_translation: bool  # False when the page has no version in this language

    @property
    def is_default(self):
        """The site's main language: its version is the one for readers of any other."""
        return self.code == settings.LANGUAGE_CODE


def home_url(language):
    with translation.override(language):
        return reverse("articles:home")


def language_links(request, urls_by_language):
    """One link per site language: to `urls_by_language[code]` when the page exists in that
    language, otherwise to that language's home page."""
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = urls_by_language.get(code)
        links.append(
            LanguageLink(
                code=code,
                name=translation.get_language_info(code)["name_local"],
                url=absolute_url(request, url or home_url(code)),
                is_current=code == current,
                is_translation=url is not None,
            )
        )
    return links


def absolute_url(request, path):
    """`path` on the request's host; as it is on the 400 page that answers a request for a host
    the site does not serve (the host must not be echoed back, nor fail a second time)."""
    try:
        return request.build_absolute_uri(path)
    except DisallowedHost:
        return path
