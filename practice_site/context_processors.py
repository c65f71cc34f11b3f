from functools import partial

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject

from .languages import language_links as build_language_links


def language_links(request):
    """Links to the current page in every language; views whose pages do not exist in every
    language (an article) put their own `language_links` in the context instead. Lazy: built
    only when the template needs them and no view gave its own."""
    return {"language_links": SimpleLazyObject(partial(current_page_links, request))}


def current_page_links(request):
    urls = {}
    for code, _name in settings.LANGUAGES:
        translated = translate_url(request.path, code)
        # translate_url returns its input unchanged when the path does not resolve (a 404).
        if translated != request.path or request.resolver_match is not None:
            urls[code] = translated
    return build_language_links(request, urls)
