from django.contrib import admin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from practice_site.editing import EditorMediaMixin, SaveOnlyChangesMixin

from .models import LegalPage, PracticeDetails


@admin.register(PracticeDetails)
class PracticeDetailsAdmin(EditorMediaMixin, SaveOnlyChangesMixin, admin.ModelAdmin):
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("psychologist_name", "entrepreneur_individuel"),
                    ("title_fr", "title_en"),
                    ("rpps", "adeli"),
                ]
            },
        ),
        (_("How to reach the practice"), {"fields": ["address", "phone", "email"]}),
        (_("Practical note"), {"fields": ["practical_note_fr", "practical_note_en"]}),
        (
            _("Website host (required on the legal notice)"),
            {"fields": ["host_name", "host_address", "host_phone"]},
        ),
        (
            _("Optional details for the legal notice"),
            {"fields": ["siret", ("insurer_name", "insurer_contact")]},
        ),
    ]

    def has_add_permission(self, request):
        return not PracticeDetails.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        """There is one record: go straight to it."""
        details = PracticeDetails.objects.first()
        if details is None:
            return redirect("admin:practice_practicedetails_add")
        return redirect("admin:practice_practicedetails_change", details.pk)


@admin.register(LegalPage)
class LegalPageAdmin(EditorMediaMixin, SaveOnlyChangesMixin, admin.ModelAdmin):
    list_display = ["__str__", "title_fr", "title_en", "updated_at"]
    fields = ["kind", ("title_fr", "title_en"), "body_fr", "body_en"]
    readonly_fields = ["kind"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
