"""The picture library in the admin: its list, its pages, and the picker that the editor's
"Browse…" button opens."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from practice_site.richtext.admin import SaveOnlyChangesMixin

from .models import Picture


@admin.register(Picture)
class PictureAdmin(SaveOnlyChangesMixin, admin.ModelAdmin):
    """The media library: each picture uploaded once, placed in any text from the editor,
    whose "Browse…" button opens picker_view."""

    list_display = ["thumbnail", "title", "description", "size", "created_at"]
    list_display_links = ["thumbnail", "title"]
    search_fields = ["title", "description"]
    fields = ["image", "preview", "title", "description"]
    readonly_fields = ["preview"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_urls(self):
        picker = self.admin_site.admin_view(self.picker_view)
        name = f"{self.opts.app_label}_{self.opts.model_name}_picker"
        return [path("picker/", picker, name=name), *super().get_urls()]

    def picker_view(self, request):
        """The library in the editor's popup window: choosing a picture hands its address and
        description to the editor (js/picture-picker.js), which asks for the text alternative
        and the caption."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Choose a picture"),
            "is_popup": True,
            "pictures": self.get_queryset(request),
            "add_url": reverse("admin:pictures_picture_add")
            if self.has_add_permission(request)
            else "",
        }
        return TemplateResponse(request, "admin/pictures/picture/picker.html", context)

    @admin.display(description=_("picture"))
    def thumbnail(self, picture):
        return render_to_string("admin/pictures/picture/thumbnail.html", {"picture": picture})

    @admin.display(description=_("preview"))
    def preview(self, picture):
        return self.thumbnail(picture) if picture.image else "—"

    @admin.display(description=_("size (pixels)"))
    def size(self, picture):
        return f"{picture.width} × {picture.height}"
