import ipaddress

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured

from practice_site.core.ratelimit import RateLimit


@register()
def contact_settings(app_configs, **kwargs):
    errors = []
    try:
        rate_limit = RateLimit.parse(settings.CONTACT_RATE_LIMIT)
    except ImproperlyConfigured as error:
        errors.append(Error(str(error), id="contact.E001"))
    else:
        if rate_limit and rate_limit.seconds > 3600:
            errors.append(
                Warning(
                    f"CONTACT_RATE_LIMIT={settings.CONTACT_RATE_LIMIT} keeps a fingerprint of "
                    "each sender's address longer than the one hour the privacy policy states.",
                    hint="Use a period of one hour at most (e.g. 5/h), or change the privacy "
                    "policy in the admin.",
                    id="contact.W001",
                )
            )
    if settings.EMAIL_USE_TLS and settings.EMAIL_USE_SSL:
        # Django's SMTP backend would only refuse the pair when an enquiry is sent.
        errors.append(
            Error(
                "EMAIL_USE_TLS and EMAIL_USE_SSL are both on: no enquiry could be sent.",
                hint="Turn on one of them: EMAIL_USE_SSL for implicit TLS (usually port 465), "
                "EMAIL_USE_TLS for STARTTLS (usually port 587).",
                id="contact.E002",
            )
        )
    return errors


def is_loopback(host):
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


@register(deploy=True)
def relay_configured(app_configs, **kwargs):
    """Without EMAIL_HOST, enquiries are printed to the console (the server's log), marked sent
    and never reach the psychologist."""
    if settings.DEBUG or settings.EMAIL_BACKEND != "django.core.mail.backends.console.EmailBackend":
        return []
    return [
        Error(
            "No mail relay is set: enquiries would be written to the server's log, not emailed.",
            hint="Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, "
            "EMAIL_USE_TLS or EMAIL_USE_SSL) to the practice's mail relay.",
            id="practice.E015",
        )
    ]


@register(deploy=True)
def encrypted_relay(app_configs, **kwargs):
    """An enquiry is health data: it crosses the network to the relay encrypted, or not at
    all. A relay on the machine itself is reached without crossing it."""
    host = settings.EMAIL_HOST
    if not host or is_loopback(host) or settings.EMAIL_USE_TLS or settings.EMAIL_USE_SSL:
        return []
    return [
        Error(
            f"Enquiries would be sent to the relay {host} unencrypted.",
            hint="Set EMAIL_USE_TLS=on (STARTTLS, usually port 587) or EMAIL_USE_SSL=on "
            "(implicit TLS, usually port 465), as the relay supports.",
            id="practice.E010",
        )
    ]
