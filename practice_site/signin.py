"""What django-axes keeps of a failed sign-in to the admin: the username typed, the time and a
keyed fingerprint of the client's address, which its lock-out needs; never the form (people
mistype their bank PIN or another site's password), the browser or the address itself."""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from django.utils.crypto import salted_hmac

from contact.ratelimit import client_network


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
