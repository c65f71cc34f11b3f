"""What django-axes keeps of a failed sign-in to the admin: the username typed, the time and a
keyed fingerprint of the client's address, which its lock-out needs; never the form (people
mistype their bank PIN or another site's password), the browser or the address itself."""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.crypto import salted_hmac

from practice_site.core.models import RateLimitCounter
from practice_site.core.ratelimit import client_network


def client_fingerprint(request):
    """AXES_CLIENT_IP_CALLABLE: the client's address as a keyed hash shaped like an IPv6
    address (axes stores it in an IP address column), in the unique-local range fd00::/8 that
    no real client comes from. Without SECRET_KEY it cannot be matched to an address."""
    digest = salted_hmac("practice_site.signin", client_network(request), algorithm="sha256")
    return str(ipaddress.IPv6Address(b"\xfd" + digest.digest()[:15]))


class MinimalAttemptHandler(AxesDatabaseHandler):
    """axes' database handler, told no browser details to record; the form's data is blanked
    on every save of an attempt (forget_form_data), whatever path saves it."""

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        if request is not None:
            request.axes_user_agent = ""
            request.axes_http_accept = ""
        return super().user_login_failed(sender, credentials, request, **kwargs)


def forget_form_data(sender, instance, **kwargs):
    """pre_save of axes' AccessAttempt: what was posted or asked is never stored."""
    instance.get_data = ""
    instance.post_data = ""


ACCOUNT_WINDOW = 3600


def account_key(username):
    return f"sign-in:{(username or '').casefold()}"


def count_failure_for_account(sender, credentials, request=None, **kwargs):
    """user_login_failed: one more failure for the account, from wherever it came. A post
    refused by a lock-out tried no password: counting it would let one stranger, locked out
    at their own address, go on to lock the account everywhere."""
    if getattr(request, "axes_locked_out", False):
        return
    username = credentials.get("username")
    if username and settings.SIGN_IN_ACCOUNT_FAILURE_LIMIT:
        RateLimitCounter.objects.count_one(account_key(username), ACCOUNT_WINDOW)


def forget_account_failures(username):
    """A new password set through the reset link lifts the account's lock."""
    RateLimitCounter.objects.forget(account_key(username))


class AccountLockBackend:
    """Refuses an account that failed SIGN_IN_ACCOUNT_FAILURE_LIMIT times within the hour, from
    any number of addresses: axes locks a username per address, so many addresses could try
    passwords without end. The limit is above axes' per-address one, so a stranger's mistakes
    from one place do not lock her out; the lock-out page offers the password reset."""

    def authenticate(self, request, username=None, **kwargs):
        limit = settings.SIGN_IN_ACCOUNT_FAILURE_LIMIT
        if request is None or not username or not limit:
            return None
        if RateLimitCounter.objects.held(account_key(username)) >= limit:
            # axes' middleware answers a request it sees marked so with the lock-out page.
            request.axes_locked_out = True
            raise PermissionDenied
        return None
