"""Requests whose declared body is larger than their page takes get a short, translated 413
before anything reads the body: Django's own DATA_UPLOAD_MAX_MEMORY_SIZE leaves out the file
parts of a multipart body, and without a proxy nothing else stops them.
"""

from django.conf import settings
from django.template.response import TemplateResponse


def in_admin(path):
    return path.startswith(f"/{settings.ADMIN_URL}")


def size_limit(path, staff):
    """The largest body, in bytes, a request for `path` may carry: the admin takes images,
    from signed-in staff only; anyone else, on the sign-in page too, gets the public limit."""
    if in_admin(path) and staff:
        return settings.ADMIN_REQUEST_MAX_SIZE
    return settings.PUBLIC_REQUEST_MAX_SIZE


def is_too_large(path, content_length, staff):
    """Whether a request for `path` declares a body above its limit. Without a Content-Length
    (a chunked body) WSGI hands Django nothing to read, so there is nothing to limit."""
    try:
        return int(content_length) > size_limit(path, staff)
    except (TypeError, ValueError):
        return False


class RequestSizeLimitMiddleware:
    """Refuse the request in process_view: every middleware has run its request part by then
    (the language is known, the response gets the security headers on its way out), and the
    first one that reads the body, CSRF's process_view, has not.

    A view may give its own explanation as `request_too_large_template`; the contact form says
    the message is too long. gunicorn closes the connection after the 413 rather than read on
    (`pre_request` in practice_site/gunicorn.conf.py): a Connection header of ours would be
    dropped, as a WSGI application may not set one (PEP 3333).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        length = request.META.get("CONTENT_LENGTH")
        # Who signs in is read only where it counts: it costs a query and a Vary: Cookie.
        staff = bool(length) and in_admin(request.path_info) and request.user.is_staff
        if not is_too_large(request.path_info, length, staff):
            return None
        view = getattr(view_func, "view_class", view_func)
        template = getattr(view, "request_too_large_template", "413.html")
        context = {
            "in_admin": in_admin(request.path_info),
            "image_limit": settings.IMAGE_MAX_UPLOAD_SIZE,
        }
        return TemplateResponse(request, template, context, status=413)
