"""A fixed-window limit per client address (enquiries, password resets, health checks),
counted in the database so that every gunicorn worker (and machine) sees the same counts
(core.models.RateLimitCounter)."""

import ipaddress
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .models import RateLimitCounter

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


@dataclass(frozen=True)
class RateLimit:
    count: int
    seconds: int

    @classmethod
    def parse(cls, text, setting="CONTACT_RATE_LIMIT"):
        """`5/h` (five an hour), `20/d`, `3/10m`; `0` or empty turns the limit off (None)."""
        if text.strip() in {"", "0"}:
            return None
        match = RATE.match(text)
        if not match:
            raise ImproperlyConfigured(
                f"{setting}={text!r}: write it as COUNT/PERIOD, e.g. 5/h, or 0 for none."
            )
        count, multiple, unit = match.groups()
        return cls(count=int(count), seconds=int(multiple or 1) * PERIODS[unit])

    def allows(self, client):
        """Count one more for `client`; False once it is over the limit."""
        return RateLimitCounter.objects.count_one(client, self.seconds) <= self.count


def client_address(request):
    """The reader's address: the one our own proxy appended to X-Forwarded-For when
    DJANGO_TRUSTED_PROXY says a proxy is there, else the connection's. Addresses earlier in
    that header are set by the client and could be forged."""
    if settings.TRUSTED_PROXY:
        forwarded = request.headers.get("X-Forwarded-For", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")


def client_network(request):
    """The client as the limits count it: its IPv4 address, or the /64 network of its IPv6
    address, as a home or a phone is given a whole /64 and could otherwise count each of its
    addresses as a new client."""
    address = client_address(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)
