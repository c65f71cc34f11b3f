from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from practice_site.richtext.admin import EditedTextAdmin

from .forms import FeeForm, OpeningHoursForm, PracticeDetailsForm
from .models import Fee, LegalPage, OpeningHours, PracticeDetails, Presentation


class SingletonAdminMixin:
    """For the admin of a SingletonModel: its one record is added once, never deleted, and the
    list of records leads straight to it. Saving it says so in plain words (`saved_message`),
    not as one record among many ("The practice details “Practice details” was changed")."""

    saved_message = None  # each admin's own, e.g. "The practice details have been saved."

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {"show_save_and_add_another": False, **(extra_context or {})}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(request, self.saved_message, messages.SUCCESS)
        if "_continue" in request.POST:
            return redirect(self.change_url(obj))
        return self.response_post_save_add(request, obj)

    def response_change(self, request, obj):
        self.message_user(request, self.saved_message, messages.SUCCESS)
        if "_continue" in request.POST:
            return redirect(self.change_url(obj))
        return self.response_post_save_change(request, obj)

    def change_url(self, obj):
        opts = self.model._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change",
            args=[obj.pk],
            current_app=self.admin_site.name,
        )

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        opts = self.model._meta
        record = self.model.objects.first()
        if record is None:
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_add")
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", record.pk)


class FeeInline(admin.TabularInline):
    model = Fee
    form = FeeForm  # its fields, in their order
    extra = 0


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    form = OpeningHoursForm  # its fields, in their order
    extra = 0


@admin.register(PracticeDetails)
class PracticeDetailsAdmin(SingletonAdminMixin, EditedTextAdmin):
    form = PracticeDetailsForm
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
        (_("Enquiries"), {"fields": ["enquiry_email"]}),
        (_("Practical note"), {"fields": ["practical_note_fr", "practical_note_en"]}),
        (
            _("Consultations"),
            {
                "fields": [
                    ("in_person", "video"),
                    "booking_url",
                ]
            },
        ),
        (
            _("Payment"),
            {
                "fields": [
                    ("pays_by_cash", "pays_by_cheque", "pays_by_card", "pays_by_transfer"),
                ],
                "description": _("The payment methods you accept, shown with your fees."),
            },
        ),
        (
            _("“Mon soutien psy”"),
            {
                "fields": [
                    "mon_soutien_psy",
                    ("scheme_fee", "scheme_sessions", "scheme_refund_percent"),
                    "scheme_checked_on",
                    ("mon_soutien_psy_note_fr", "mon_soutien_psy_note_en"),
                ],
                "description": _(
                    "The scheme’s figures as the Assurance Maladie sets them (ameli.fr): the "
                    "site uses them to tell visitors what they will pay. Tick, in the fees "
                    "below, the sessions the scheme covers."
                ),
            },
        ),
        (
            _("Access and map"),
            {"fields": [("access_fr", "access_en"), ("latitude", "longitude")]},
        ),
        (
            _("Website host (required on the legal notice)"),
            {"fields": ["host_name", "host_address", "host_phone"]},
        ),
        (
            _("Optional details for the legal notice"),
            {"fields": ["siret", ("insurer_name", "insurer_contact")]},
        ),
    ]
    inlines = [FeeInline, OpeningHoursInline]
    saved_message = _("The practice details have been saved.")

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        # Enquiries are health data: only an account that may read them may send them elsewhere.
        if not request.user.has_perm("contact.read_enquiry"):
            readonly = [*readonly, "enquiry_email"]
        return readonly

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Reversion writes the earlier version back before the form is saved: keep the
        # details as they stood, for save_model.
        request.practice_details_before = self.model.objects.filter(pk=object_id).first()
        return super().revision_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        before = getattr(request, "practice_details_before", None) or (
            self.model.objects.filter(pk=obj.pk).first() if change else None
        )
        before = before or self.model()
        if "enquiry_email" in self.get_readonly_fields(request, obj):
            # Nor by going back to an earlier version that had another address.
            obj.enquiry_email = before.enquiry_email
        super().save_model(request, obj, form, change)
        obj.announce_enquiry_address_change(before.enquiry_address, request.user)


@admin.register(Presentation)
class PresentationAdmin(SingletonAdminMixin, EditedTextAdmin):
    fieldsets = [
        (
            _("Home page"),
            {"fields": [("heading_fr", "heading_en"), ("introduction_fr", "introduction_en")]},
        ),
        (_("Portrait"), {"fields": ["portrait", ("portrait_alt_fr", "portrait_alt_en")]}),
        (_("Short presentation"), {"fields": ["summary_fr", "summary_en"]}),
        (_("About page"), {"fields": ["body_fr", "body_en"]}),
    ]
    saved_message = _("Your presentation has been saved.")


@admin.register(LegalPage)
class LegalPageAdmin(EditedTextAdmin):
    list_display = ["__str__", "title_fr", "title_en", "updated_at"]
    fields = ["kind", ("title_fr", "title_en"), "body_fr", "body_en"]
    readonly_fields = ["kind"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
