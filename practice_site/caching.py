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
    """Serve anonymous GET and HEAD requests of `view` from the shared cache.

    Only for pages without a form: a cached copy would carry another reader's CSRF token.
    Logged-in users (the psychologist previewing a draft) always get a fresh page.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if (
            not settings.PAGE_CACHE_SECONDS
            or request.method not in ("GET", "HEAD")
            or request.user.is_authenticated
        ):
            return view(request, *args, **kwargs)
        version = content_version()
        key = f"page:{version}:{request.get_full_path()}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            if response.status_code == 200 and not response.cookies:
                response["Last-Modified"] = http_date(version)
                cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response

    return wrapper
