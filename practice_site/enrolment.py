"""Enrolling an authenticator app only through a link the operator makes on the server
(`manage.py enrolment_link`): signed, valid for a day, dead once the account has an app, so a
stolen password alone can never set up a stranger's phone."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from two_factor.utils import default_device

MAX_AGE = timedelta(hours=24)
SALT = "practice_site.enrolment"
SESSION_KEY = "practice_site.enrolment_link"

# "Set-up link" for her: the operator's command says enrolment_link.
ASK_FOR_A_LINK = _(
    "This account has no authenticator app yet, so you cannot sign in to the administration "
    "area with it. For your security, an app is set up only through a personal link: ask the "
    "person who runs the website for a set-up link, then open it."
)
INVALID_LINK = _(
    "This set-up link is not valid: it has expired (links work for 24 hours) or part of it "
    "was lost when it was copied. Ask the person who runs the website for a new one."
)
ALREADY_ENROLLED = _(
    "This account already has an authenticator app, so this set-up link no longer works. "
    "Sign in with your password and the code your app shows."
)


def make_link(user, base_url):
    """The absolute address of a new enrolment link for `user`."""
    token = signing.TimestampSigner(salt=SALT).sign(str(user.pk))
    return base_url.rstrip("/") + reverse("two_factor:enrol", args=[token])


def user_of(token, max_age=MAX_AGE):
    """The active staff account the link was made for, or None if it is forged or too old."""
    try:
        pk = signing.TimestampSigner(salt=SALT).unsign(token, max_age=max_age)
    except signing.BadSignature:
        return None
    return get_user_model()._default_manager.filter(pk=pk, is_active=True, is_staff=True).first()


def valid_for(user, token):
    """Whether `token` still lets `user` enrol: one confirmed app ends every link of hers."""
    link_user = user_of(token)
    return link_user is not None and link_user.pk == user.pk and not default_device(user)


def allowed(request):
    """Whether this session opened a link, still valid, for the account signed in."""
    token = request.session.get(SESSION_KEY)
    return bool(token) and valid_for(request.user, token)


def setup_url():
    """The library's enrolment, then the recovery codes to print."""
    query = urlencode({"next": reverse("two_factor:backup_tokens")})
    return f"{reverse('two_factor:setup')}?{query}"


def notice(request, title, message, status):
    return TemplateResponse(
        request, "two_factor/enrolment.html", {"title": title, "message": message}, status=status
    )


def ask_for_a_link(request):
    return notice(request, _("No authenticator app yet"), ASK_FOR_A_LINK, status=403)


@never_cache
def open_link(request, token):
    """The link is kept in the session, then the password is asked for on the way if need be:
    the psychologist opens one address, signs in as always and sees the QR code."""
    # Checked without its age first: an account with an app hears that, whenever the link was
    # made, rather than being told to ask for a new one.
    linked = user_of(token, max_age=None)
    if linked is not None and default_device(linked):
        return notice(request, _("An app is already set up"), ALREADY_ENROLLED, status=400)
    if user_of(token) is None:
        return notice(request, _("Set-up link not valid"), INVALID_LINK, status=400)
    request.session[SESSION_KEY] = token
    if request.user.is_authenticated and allowed(request):
        return redirect(setup_url())
    return redirect("admin:login")
