from django.contrib import admin, messages
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Enquiry
from .tasks import enqueue_sending


@admin.register(Enquiry)
class EnquiryAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "email",
        "language",
        "status",
        "attempts",
        "created_at",
        "kept_until",
    ]
    list_filter = ["status", "language", "created_at"]
    search_fields = ["name", "email", "phone", "message"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "name",
        "email",
        "phone",
        "message",
        "language",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "kept_until",
    ]
    fields = readonly_fields
    actions = ["send_again"]

    @admin.display(description=_("kept on the site until"))
    def kept_until(self, enquiry):
        if enquiry.kept_until is not None:
            return formats.date_format(timezone.localtime(enquiry.kept_until), "DATE_FORMAT")
        if enquiry.given_up:
            return _("Never delivered: kept until sent again or deleted")
        return _("Kept until delivered")

    def can_read(self, request):
        """Enquiries are health data: Django's "view" is not enough, reading them takes
        contact.read_enquiry (the superuser, the "practice" group)."""
        return request.user.has_perm("contact.read_enquiry")

    def has_module_permission(self, request):
        return self.can_read(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self.can_read(request) and super().has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.can_read(request) and super().has_delete_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # A reader's message is a record: it can be read, sent again or deleted, not edited.
        return False

    @admin.action(description=_("Send the selected enquiries again"), permissions=["view"])
    def send_again(self, request, queryset):
        # Enqueued, not sent here: a relay that hangs must not hold the admin's request either.
        enquiries = list(queryset)
        for enquiry in enquiries:
            enqueue_sending(enquiry, force=True)
        self.message_user(
            request,
            ngettext(
                "%(count)d enquiry will be sent again in a moment: its status says when it is.",
                "%(count)d enquiries will be sent again in a moment: their status says when.",
                len(enquiries),
            )
            % {"count": len(enquiries)},
            messages.SUCCESS,
        )
