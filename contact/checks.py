from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from .ratelimit import RateLimit


@register()
def contact_settings(app_configs, **kwargs):
    try:
        RateLimit.parse(settings.CONTACT_RATE_LIMIT)
    except ImproperlyConfigured as error:
        return [Error(str(error), id="contact.E001")]
    return []
