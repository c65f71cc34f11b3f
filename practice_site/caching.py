"""Whole-page caching of the reading pages, with an admin edit visible on the next request.

A cached page is stored under the content version: the time of the last change to anything a
reader sees (the models that say `shown_to_readers = True`). Saving or deleting such a thing
starts a new version, so the next request renders the page again; copies of older versions are
never read again and expire. The version is also the page's Last-Modified date.

The version lives in the shared cache, where every process reads it on every request. A page
stored under a version never changes, so each process also keeps its own copy of the pages of
the current version: a hit costs one read of the version and no unpickling.
"""

import logging
import re
import time
from functools import wraps
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    has_vary_header,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import http_date
from django.views.decorators.gzip import gzip_page

logger = logging.getLogger(__name__)

VERSION_KEY = "content:version"
# No query string, or a page of a list: "page=2" (a page past the last is a 404, never stored).
CACHED_QUERY = re.compile(r"(page=[1-9][0-9]{0,5})?")


def content_version():
    version = read_version()
    if version is None:
        # First request after the cache was emptied: every worker agrees on the first value.
        cache.add(VERSION_KEY, time.time(), timeout=None)
        version = read_version()
    return version


# With the file cache, the bytes of the version's file and the version they hold, as this
# process last read them.
_version_file = (None, None, (None, None))  # backend, its file for VERSION_KEY, (bytes, version)


def read_version():
    """The version in the shared cache, read anew on each call: whichever process saved an edit,
    the next request anywhere sees it.

    With the file cache (the default), reading the version's small file and comparing its bytes
    with the last ones costs a fifth of a cache.get() (no key hashing, no unzipping, no
    unpickling); the file is replaced whole (a rename) on every change, so equal bytes mean the
    same version. Other backends (Redis) answer cache.get() in one round trip.
    """
    global _version_file
    backend = caches["default"]
    if not isinstance(backend, FileBasedCache):
        return backend.get(VERSION_KEY)
    known_backend, path, (known_bytes, known_version) = _version_file
    if known_backend is not backend:
        path, known_bytes, known_version = backend._key_to_file(VERSION_KEY), None, None
    try:
        with open(path, "rb") as file:
            current = file.read()
    except FileNotFoundError:
        return None
    if current != known_bytes:
        # Read through the backend: it may find a newer version than `current`, never an older
        # one, so pairing the two at worst costs one more read next time.
        known_version = backend.get(VERSION_KEY)
        if known_version is None:
            return None
    _version_file = (backend, path, (current, known_version))
    return known_version


def start_new_version():
    cache.set(VERSION_KEY, time.time(), timeout=None)


def content_changed(using=None, **kwargs):
    """Receiver of post_save and post_delete of the models shown to readers, and of post_migrate.

    A new version at once, and another once the change is committed: a reader who arrives in
    between still reads the old rows, and whatever page he stores belongs to a version that the
    commit leaves behind.
    """
    start_new_version()
    transaction.on_commit(start_new_version, using=using)


def reader_models():
    """Everything a reader sees comes from the models marked `shown_to_readers`: a change to any
    of them starts a new version."""
    return [model for model in apps.get_models() if getattr(model, "shown_to_readers", False)]


def connect_invalidation(sender):
    for model in reader_models():
        label = model._meta.label
        post_save.connect(content_changed, sender=model, dispatch_uid=f"page-cache:{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"page-cache-d:{label}")
        # What links it to other records (an article's themes) changes without a save of it.
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                content_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"page-cache-m2m:{label}.{field.name}",
            )
    # Every deployment runs migrate: pages cached by the previous code are not served again.
    post_migrate.connect(content_changed, sender=sender)


def mark_cacheable(view):
    """Mark the responses of `view` as ones ReadingPageCacheMiddleware may keep, and have
    browsers ask again on every visit (a cheap 304 when nothing changed) instead of guessing a
    freshness from Last-Modified.

    Only for pages without a form: a cached copy would carry another reader's CSRF token.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.is_cacheable_page = True
        patch_cache_control(response, no_cache=True)
        return response

    return wrapper


def reading_page(view):
    """Cached, and compressed: these pages hold no secret (no form, no token), so compressing
    them exposes nothing to BREACH-style attacks."""
    return gzip_page(mark_cacheable(view))


def is_private(response):
    directives = cc_delim_re.split(response.get("Cache-Control", ""))
    return any(d.split("=")[0].strip().lower() in ("no-store", "private") for d in directives)


class StoredPage(NamedTuple):
    """A cached page: what the response was, not the response object, so that a hit is a
    plain tuple to unpickle and a new response to build."""

    status: int
    headers: dict
    content: bytes
    expires: float

    @classmethod
    def of(cls, response):
        return cls(
            response.status_code,
            dict(response.items()),
            response.content,
            time.time() + settings.PAGE_CACHE_SECONDS,
        )

    def response(self):
        response = HttpResponse(self.content, status=self.status, headers=self.headers)
        # Still a reading page to the layers outside the cache (the read count).
        response.is_cacheable_page = True
        return response


class ReadingPageCacheMiddleware:
    """Serve cached reading pages before the rest of the middleware runs.

    It stands after SecurityMiddleware (which adds its headers to every response) and before
    the session, CSRF and authentication middleware, which a cached page does not need: the
    stored copy already has the headers those inner layers added (CSP, Permissions-Policy,
    Content-Language) and its ETag. Requests with a session cookie (the psychologist, logged in
    and maybe previewing a draft) always get a fresh page.
    """

    # Pages of the current version this process keeps (two encodings of each reading page fit).
    LOCAL_PAGES = 500

    def __init__(self, get_response):
        self.get_response = get_response
        self.local_version = None
        self.local_pages = {}

    def __call__(self, request):
        try:
            key, version = self.cache_key(request)
            page = self.local_page(key, version) if key is not None else None
            if key is not None and page is None:
                page = cache.get(key)
                if page is not None:
                    self.keep(key, version, page)
        except Exception as error:  # whatever a cache that is down raises (Redis, disk)
            # Not stored, not served from here: /health/ (which needs no cache to answer) then
            # says the cache is down with a 503, rather than failing with a 500.
            logger.warning("Page cache unavailable: %r", error)
            return self.get_response(request)
        if key is None:
            return self.get_response(request)
        if page is not None:
            return page.response()
        response = self.get_response(request)
        if self.may_store(response):
            if hasattr(response, "render"):
                response.render()
            response["Last-Modified"] = http_date(version)
            # ConditionalGetMiddleware would hash the content on every hit otherwise.
            set_response_etag(response)
            page = StoredPage.of(response)
            cache.set(key, page, settings.PAGE_CACHE_SECONDS)
            self.keep(key, version, page)
        return response

    def local_page(self, key, version):
        if version != self.local_version:
            return None
        page = self.local_pages.get(key)
        # As long as the shared cache keeps it: a page may show the date or the year.
        if page is None or page.expires <= time.time():
            return None
        return page

    def keep(self, key, version, page):
        # Pages of older versions are never asked for again: drop them all at once.
        if version != self.local_version or len(self.local_pages) >= self.LOCAL_PAGES:
            self.local_pages = {}
            self.local_version = version
        self.local_pages[key] = page

    @staticmethod
    def may_store(response):
        """Only a marked page, complete, that is the same for every reader of its address: no
        cookie to hand out, nothing that depends on the reader's cookies or languages (the
        key holds neither), and nothing its view says no one may keep (no-store, private)."""
        return (
            getattr(response, "is_cacheable_page", False)
            and response.status_code == 200
            and not response.cookies
            and not has_vary_header(response, "Cookie")
            and not has_vary_header(response, "Accept-Language")
            and not is_private(response)
        )

    @staticmethod
    def cache_key(request):
        """The key of the request's page under the current content version, and that version;
        (None, None) for a request that must not be served from the cache."""
        if (
            not settings.PAGE_CACHE_SECONDS
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            # A list's page number is the one query string reading pages take: any other would
            # only fill the cache with copies.
            or not CACHED_QUERY.fullmatch(request.META.get("QUERY_STRING", ""))
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
        # (META rather than request.headers, which would copy every header first.)
        accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
        encoding = "gzip" if "gzip" in accepted else "identity"
        return f"page:{version}:{encoding}:{url}", version
