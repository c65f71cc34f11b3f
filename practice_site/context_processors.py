from django.conf import settings
from django.urls import translate_url

from .languages import language_links as build_language_links


def language_links(request):
    """Links to the current page in every language; views whose pages do not exist in every
    language (an article) put their own `language_links` in the context instead."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        translated = translate_url(request.path, code)
        # translate_url returns its input unchanged when the path does not resolve (a 404).
        if translated != request.path or request.resolver_match is not None:
            urls[code] = translated
    return {"language_links": build_language_links(request, urls)}
