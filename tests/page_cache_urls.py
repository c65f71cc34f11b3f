"""Views that break one rule each of what the page cache may store, for tests/test_caching.py."""

from itertools import count

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import path
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache

from practice_site.caching import mark_cacheable

calls = count(1)


def numbered(request):
    """Each response says how many times the view ran: a cached copy repeats the number."""
    return HttpResponse(f"<p>response {next(calls)}</p>" + "x" * 300)


def setting_a_cookie(request):
    response = numbered(request)
    response.set_cookie("reader", "someone")
    return response


def varying_on(header):
    def view(request):
        response = numbered(request)
        patch_vary_headers(response, [header])
        return response

    return view


# Under a language prefix, as the site's pages are: elsewhere LocaleMiddleware varies the
# response on Accept-Language, which the page cache rightly refuses.
urlpatterns = i18n_patterns(
    path("plain/", mark_cacheable(numbered)),
    path("cookie/", mark_cacheable(setting_a_cookie)),
    path("vary-cookie/", mark_cacheable(varying_on("Cookie"))),
    path("vary-language/", mark_cacheable(varying_on("Accept-Language"))),
    path("private/", mark_cacheable(never_cache(numbered))),
)
