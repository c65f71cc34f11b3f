"""Counting the reads of the reading pages, whether the page cache answered or the view did."""

import re

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed

from .counting import reads, today
from .models import ReadCount

# Programs that fetch a page for no one to read it, by a word of their User-Agent (matched in
# lower case): crawlers of search engines, AI and SEO tools, link previews of messaging apps and
# social networks, feed readers, monitors and audits, headless browsers, HTTP libraries,
# scanners. The User-Agent is only read, never kept. Grouped by first letter, so that at each
# character the engine tries one group rather than every word (3 µs a page rather than 8).
ROBOTS = re.compile(
    r"""
     \+https?://  # "(compatible; …; +https://example.org/bot.html)": a crawler's own page
    |-google  # APIs-Google, Mediapartners-Google
    |a(?:nthropic|rchiv|xios)
    |b(?:ot(?<!cubot))  # Googlebot, bingbot, GPTBot, Slackbot… but not a Cubot phone
    |c(?:ardyb|ensys|fnetwork|hatgpt|heck_http|laude|ohere|rawl|url)
    |d(?:alvik|art|eno)
    |e(?:mbedly)
    |f(?:acebookexternalhit|eed|etch)
    |g(?:o-http|oogle-|oogleother|tmetrix)
    |h(?:eadless|ttp\.rb|ttpie)
    |i(?:frameely|nsomnia)
    |j(?:ava)
    |l(?:ibwww|ighthouse)
    |m(?:asscan|astodon|eta-external|onitor)
    |n(?:ikto|map|uclei)
    |o(?:khttp)
    |p(?:erl|erplexity|hantomjs|hp|ingdom|ostman|review|tst|ython)
    |r(?:uby)
    |s(?:crap|lurp|pider|qlmap|tatuscake)
    |u(?:ndici|ptime)
    |v(?:alidator)
    |w(?:get|hatsapp)
    |z(?:grab)
    """,
    re.VERBOSE,
)
PATH_MAX_LENGTH = ReadCount._meta.get_field("path").max_length


def is_robot(user_agent):
    return not user_agent or ROBOTS.search(user_agent.lower()) is not None


def is_prefetch(meta):
    """A page fetched ahead in case it is opened (a link hovered, a speculation rule): the
    browser may never show it. (Each header looked for before it is read: most requests have
    none.)"""
    return (
        ("HTTP_SEC_PURPOSE" in meta and "prefetch" in meta["HTTP_SEC_PURPOSE"].lower())
        or ("HTTP_PURPOSE" in meta and meta["HTTP_PURPOSE"].lower() == "prefetch")
        or ("HTTP_X_MOZ" in meta and meta["HTTP_X_MOZ"].lower() == "prefetch")
        or ("HTTP_X_PURPOSE" in meta and meta["HTTP_X_PURPOSE"].lower() in ("preview", "prefetch"))
    )


class ReadCountMiddleware:
    """Count a reader's GET of a reading page (marked by practice_site.caching.mark_cacheable,
    a copy from the page cache too), in the language the page says it is in.

    It stands just outside ReadingPageCacheMiddleware, which answers cached pages without
    calling the layers inside it. Not counted: a request with a session cookie (the
    psychologist signed in, or previewing), a prefetch, a robot.
    """

    def __init__(self, get_response):
        if not settings.AUDIENCE_COUNTING:
            raise MiddlewareNotUsed
        self.get_response = get_response
        # Read once: a setting costs a lazy object's lookup on every request.
        self.languages = {code for code, _name in settings.LANGUAGES}
        self.session_cookie = settings.SESSION_COOKIE_NAME

    def __call__(self, request):
        response = self.get_response(request)
        if self.is_read(request, response):
            reads.count(request.path, response["Content-Language"], today())
        return response

    def is_read(self, request, response):
        meta = request.META
        return (
            request.method == "GET"
            and response.status_code == 200
            and getattr(response, "is_cacheable_page", False)
            and response.get("Content-Language") in self.languages
            and len(request.path) <= PATH_MAX_LENGTH
            and self.session_cookie not in request.COOKIES
            and not is_prefetch(meta)
            and not is_robot(meta.get("HTTP_USER_AGENT", ""))
        )
