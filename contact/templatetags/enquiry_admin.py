from django import template
from django.conf import settings
from django.contrib import admin

from contact.models import Enquiry

register = template.Library()


@register.simple_tag(takes_context=True)
def overdue_enquiries(context):
    """How many enquiries outstayed the retention period, for a user who may see enquiries:
    any means `purge_enquiries` is not running. None for anyone else."""
    request = context["request"]
    if not admin.site.get_model_admin(Enquiry).has_view_permission(request):
        return None
    return {
        "count": Enquiry.objects.expired().count(),
        "days": settings.ENQUIRY_RETENTION_DAYS,
    }
