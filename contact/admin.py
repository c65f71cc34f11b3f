from django.contrib import admin, messages
from django.contrib.admin import actions
from django.template.defaultfilters import linebreaksbr
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Enquiry
from .tasks import enqueue_sending


@admin.register(Enquiry)
class EnquiryAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "created_at",
        "name",
        "email",
        "message_preview",
        "language",
        "status",
        "handled",
        "kept_until",
        "reply",
    ]
    list_filter = ["handled", "status", "language", "created_at"]
    # By number only: a search is a GET query, and a name, an address or a message's words
    # typed there would land in the access logs and the browser's history.
    search_fields = ["=id"]
    search_help_text = _(
        "Search by message number (e.g. 12); filter by status or date. Names and addresses "
        "cannot be searched, to keep them private."
    )
    date_hierarchy = "created_at"
    readonly_fields = [
        "reply",
        "name",
        "email",
        "phone",
        "message",
        "language",
        "created_at",
        "handled",
        "status",
        "sent_to",
        "sent_at",
        "attempts",
        "last_error",
        "kept_until",
    ]
    fields = readonly_fields
    actions = ["mark_handled", "mark_not_handled", "send_again", "delete_selected"]
    # Its get_absolute_url is this admin page: the enquiry has no page on the site.
    view_on_site = False

    @admin.display(description=_("message"))
    def message_preview(self, enquiry):
        """The start of the message, the whole of it a click away (no script: <details>)."""
        preview = Truncator(enquiry.message).chars(80)
        if preview == enquiry.message:
            return preview
        return format_html(
            "<details><summary>{}</summary>{}</details>",
            preview,
            linebreaksbr(enquiry.message, autoescape=True),
        )

    @admin.display(description=_("answer"))
    def reply(self, enquiry):
        return format_html(
            '<a class="button" href="{}">{}</a>', enquiry.reply_url(), _("Reply by email")
        )

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
        # A reader's message is a record: it can be read, marked as handled, sent again or
        # deleted, not edited.
        return False

    @admin.action(description=_("Mark the selected enquiries as handled"), permissions=["view"])
    def mark_handled(self, request, queryset):
        self._set_handled(request, queryset, handled=True)

    @admin.action(description=_("Mark the selected enquiries as not handled"), permissions=["view"])
    def mark_not_handled(self, request, queryset):
        self._set_handled(request, queryset, handled=False)

    def _set_handled(self, request, queryset, *, handled):
        count = queryset.update(handled=handled)
        self.message_user(
            request,
            (
                ngettext(
                    "%(count)d enquiry marked as handled.",
                    "%(count)d enquiries marked as handled.",
                    count,
                )
                if handled
                else ngettext(
                    "%(count)d enquiry marked as not handled.",
                    "%(count)d enquiries marked as not handled.",
                    count,
                )
            )
            % {"count": count},
            messages.SUCCESS,
        )

    # Django's own wording ("Delete selected %(verbose_name_plural)s") cannot agree in French
    # with a feminine noun ("demandes … sélectionnés"): a sentence of its own can.
    @admin.action(description=_("Delete the selected enquiries"), permissions=["delete"])
    def delete_selected(self, request, queryset):
        return actions.delete_selected(self, request, queryset)

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
