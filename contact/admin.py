from django.contrib import admin, messages
from django.contrib.admin import actions
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .models import Enquiry
from .tasks import enqueue_sending


@admin.register(Enquiry)
class EnquiryAdmin(admin.ModelAdmin):
    # Who wrote and what first: on a phone, the columns after the first few are off-screen.
    list_display = [
        "name",
        "message_preview",
        "created_at",
        "handled",
        "status",
        "__str__",
        "email",
        "language",
        "kept_until",
        "reply",
    ]
    list_display_links = ["name"]
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
        "handled_with_button",
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

    @admin.display(description=_("handled"))
    def handled_with_button(self, enquiry):
        """Yes or no, and the button that changes it: the page is read-only, but its form
        (with its CSRF token) can be sent to the view that marks it."""
        url = reverse(f"{self.admin_site.name}:contact_enquiry_handled", args=[enquiry.pk])
        if enquiry.handled:
            state, label = _("Yes"), _("Mark as not handled")
        else:
            state, label = _("No"), _("Mark as handled")
        return format_html(
            '{} <button type="submit" class="button" formaction="{}" name="handled" value="{}">'
            "{}</button>",
            state,
            url,
            "" if enquiry.handled else "1",
            label,
        )

    def get_urls(self):
        view = self.admin_site.admin_view(require_POST(self.mark_handled_view))
        return [
            path("<int:pk>/handled/", view, name="contact_enquiry_handled"),
            *super().get_urls(),
        ]

    def mark_handled_view(self, request, pk):
        enquiry = get_object_or_404(Enquiry, pk=pk)
        if not self.has_view_permission(request, enquiry):
            raise PermissionDenied
        self._set_handled(
            request, Enquiry.objects.filter(pk=pk), handled=bool(request.POST.get("handled"))
        )
        return redirect(reverse(f"{self.admin_site.name}:contact_enquiry_change", args=[pk]))

    def get_deleted_objects(self, objs, request):
        """The confirmation names each enquiry's sender and date (her page only: the log
        keeps the number alone, str())."""
        _listed, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        named = [
            _("%(enquiry)s, from %(name)s, received on %(date)s")
            % {
                "enquiry": enquiry,
                "name": enquiry.name,
                "date": formats.date_format(timezone.localtime(enquiry.created_at)),
            }
            for enquiry in objs
        ]
        return named, counts, perms_needed, protected

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
