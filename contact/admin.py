from django.contrib import admin, messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Enquiry, LegalPage, PracticeDetails


@admin.register(PracticeDetails)
class PracticeDetailsAdmin(admin.ModelAdmin):
    fieldsets = [
        (None, {"fields": ["psychologist_name", ("title_fr", "title_en"), "registration_number"]}),
        (_("How to reach the practice"), {"fields": ["address", "phone", "email"]}),
        (_("Practical note"), {"fields": ["practical_note_fr", "practical_note_en"]}),
        (_("Legal notice"), {"fields": ["host"]}),
    ]

    def has_add_permission(self, request):
        return not PracticeDetails.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        """There is one record: go straight to it."""
        details = PracticeDetails.objects.first()
        if details is None:
            return redirect("admin:contact_practicedetails_add")
        return redirect("admin:contact_practicedetails_change", details.pk)


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "title_fr", "title_en", "updated_at"]
    fields = ["kind", ("title_fr", "title_en"), "body_fr", "body_en"]
    readonly_fields = ["kind"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Enquiry)
class EnquiryAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "language", "status", "attempts", "created_at"]
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
    ]
    fields = readonly_fields
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # A reader's message is a record: it can be read, sent again or deleted, not edited.
        return False

    @admin.action(description=_("Send the selected enquiries again"), permissions=["view"])
    def send_again(self, request, queryset):
        sent = sum(enquiry.send(force=True) for enquiry in queryset)
        failed = queryset.count() - sent
        if sent:
            self.message_user(
                request,
                ngettext("%(count)d enquiry sent.", "%(count)d enquiries sent.", sent)
                % {"count": sent},
                messages.SUCCESS,
            )
        if failed:
            self.message_user(
                request,
                ngettext(
                    "%(count)d enquiry could not be sent: see its last error.",
                    "%(count)d enquiries could not be sent: see their last error.",
                    failed,
                )
                % {"count": failed},
                messages.ERROR,
            )
