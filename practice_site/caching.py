"""Whole-page caching of the reading pages, with an admin edit visible on the next request.

A cached page is stored under the content version: the time of the last change to anything a
reader sees (an article, a reference, the practice details, a legal page). Saving or deleting
such a thing starts a new version, so the next request renders the page again; copies of older
versions are never read again and expire. The version is also the page's Last-Modified date.
"""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.utils.http import http_date

VERSION_KEY = "content:version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        # First request after the cache was emptied: every worker agrees on the first value.
        cache.add(VERSION_KEY, time.time(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def content_changed(**kwargs):
    """Receiver of post_save and post_delete for every model a reader sees."""
    cache.set(VERSION_KEY, time.time(), timeout=None)


def cached_page(view):
    """Mark the responses of `view` as reading pages, which ReadingPageCacheMiddleware keeps.

    Only for pages without a form: a cached copy would carry another reader's CSRF token.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.is_reading_page = True
        return response

    return wrapper


class ReadingPageCacheMiddleware:
    """Serve cached reading pages before the rest of the middleware runs.

    It stands after SecurityMiddleware (which adds its headers to every response) and before
    the session, CSRF and authentication middleware, which a cached page does not need: the
    stored copy already has the headers those inner layers added (CSP, Permissions-Policy,
    Content-Language). Requests with a session cookie (the psychologist, logged in and maybe
    previewing a draft) always get a fresh page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key, version = self.cache_key(request)
        if key is not None:
            cached = cache.get(key)
            if cached is not None:
                return cached
        response = self.get_response(request)
        if (
            key is not None
            and getattr(response, "is_reading_page", False)
            and response.status_code == 200
            and not response.cookies
        ):
            if hasattr(response, "render"):
                response.render()
            response["Last-Modified"] = http_date(version)
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def cache_key(request):
        """The key of the request's page under the current content version, and that version;
        (None, None) for a request that must not be served from the cache."""
        if (
            not settings.PAGE_CACHE_SECONDS
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            # Reading pages take no query string: one would only fill the cache with copies.
            or request.META.get("QUERY_STRING")
        ):
            return None, None
        try:
            # Scheme and host in the key: the page's absolute links (canonical, hreflang) are
            # built from them. get_host() also refuses a host not in ALLOWED_HOSTS.
            url = request.build_absolute_uri()
        except DisallowedHost:
            return None, None
        version = content_version()
        # Compressed and plain copies apart: a browser that cannot read gzip gets plain HTML.
        encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "identity"
        return f"page:{version}:{encoding}:{url}", version
