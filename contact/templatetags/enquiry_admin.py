from django import template
from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils.http import urlencode

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


@register.simple_tag(takes_context=True)
def enquiry_counts(context):
    """The enquiries she should act on, each count with the list it stands for, for a user
    who may see enquiries; None for anyone else."""
    request = context["request"]
    if not admin.site.get_model_admin(Enquiry).has_view_permission(request):
        return None
    counts = Enquiry.objects.counts()
    changelist = reverse("admin:contact_enquiry_changelist", current_app=admin.site.name)
    filters = {
        "pending": {"status__exact": Enquiry.Status.PENDING},
        "failed": {"status__exact": Enquiry.Status.FAILED},
        "not_handled": {"handled__exact": 0},
    }
    return {
        "counts": counts,
        "urls": {key: f"{changelist}?{urlencode(query)}" for key, query in filters.items()},
        "changelist": changelist,
    }
