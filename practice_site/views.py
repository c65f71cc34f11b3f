from datetime import UTC, timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DatabaseError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from practice_site.core.ratelimit import RateLimit, client_network

from .health import run_checks

# A monitor asks once a minute; this leaves room for several, and none for a flood.
HEALTH_RATE_LIMIT = RateLimit(count=60, seconds=60)


@require_safe
@cache_control(max_age=86400, public=True)
def security_txt(request):
    """Where to report a vulnerability (RFC 9116). Expires a year from now, so never stale."""
    expires = (timezone.now() + timedelta(days=365)).replace(microsecond=0)
    lines = [
        f"Contact: mailto:{settings.SECURITY_CONTACT}",
        f"Expires: {expires.astimezone(UTC).isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: fr, en",
        f"Canonical: {request.build_absolute_uri()}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("django.contrib.sitemaps.views.sitemap"))
    return HttpResponse(
        f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n",
        content_type="text/plain; charset=utf-8",
    )


@require_safe
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says: send them the icon.
    Not a permanent redirect: the icon's hashed name changes whenever the icon does."""
    return redirect(static("favicon.svg"))


@require_safe
@never_cache
def health(request):
    """200 when the database and the cache answer and no enquiry has waited too long, 503
    otherwise, each check named in a small JSON body (practice_site/health.py). Never stored
    by the page cache (not marked) nor by anyone else (no-store), rate-limited per address."""
    try:
        allowed = HEALTH_RATE_LIMIT.allows(f"health:{client_network(request)}")
    except DatabaseError:
        # The counter lives in the database, which is down: the checks below say so.
        allowed = True
    if not allowed:
        response = HttpResponse(
            "Too many requests\n", status=429, content_type="text/plain; charset=utf-8"
        )
        response["Retry-After"] = str(HEALTH_RATE_LIMIT.seconds)
        return response
    checks, healthy = run_checks()
    return JsonResponse(
        {
            "status": "ok" if healthy else "failing",
            "checks": {name: check.as_dict() for name, check in checks.items()},
        },
        status=200 if healthy else 503,
    )


# All the site stores are images (practice_site/pictures/images.py), in these formats: nothing
# else is served from the media folder, so that a file left there by hand is never sent as a page.
MEDIA_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".avif": "image/avif",
}


@require_safe
def media(request, path):
    """An uploaded image or one of its renditions, from the media folder, for a site that no
    proxy stands in front of (gunicorn alone); when one does, it serves /media/ itself and
    DJANGO_SERVE_MEDIA turns this off (README § Media)."""
    content_type = MEDIA_TYPES.get(PurePosixPath(path).suffix.lower())
    if not (
        settings.SERVE_MEDIA and content_type and isinstance(default_storage, FileSystemStorage)
    ):
        raise Http404
    try:
        # The storage joins the path to the media folder safely: "../" or an absolute path
        # that would leave it is refused.
        file = default_storage.open(path)
    except (SuspiciousFileOperation, OSError, ValueError):
        raise Http404 from None
    response = FileResponse(file, content_type=content_type)
    # A stored name never gets other content: originals are named after theirs, renditions
    # after their original and their settings.
    patch_cache_control(response, public=True, max_age=365 * 24 * 3600, immutable=True)
    response["X-Content-Type-Options"] = "nosniff"
    return response
