from django import template

from ..going_live import admin_to_do

register = template.Library()


@register.simple_tag(takes_context=True)
def going_live_checklist(context):
    """What is still missing before going live and the next steps, each with the admin page
    that does it, for someone who may edit the practice details (nothing for anyone else)."""
    request = context["request"]
    if not request.user.has_perm("practice.change_practicedetails"):
        return {}
    missing, next_steps = admin_to_do(getattr(request, "current_app", None))
    return {"missing": missing, "next_steps": next_steps}
