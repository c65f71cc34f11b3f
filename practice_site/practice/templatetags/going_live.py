from django import template

from ..going_live import missing_before_going_live

register = template.Library()


@register.simple_tag(takes_context=True)
def going_live_checklist(context):
    """What is still missing before going live, each with the admin page that fixes it, for
    someone who may edit the practice details (nothing for anyone else)."""
    request = context["request"]
    if not request.user.has_perm("practice.change_practicedetails"):
        return []
    current_app = getattr(request, "current_app", None)
    return [
        {"message": item.message, "url": item.url(current_app)}
        for item in missing_before_going_live()
    ]
