"""What the admin pages the psychologist edits share: the visual editor for the texts readers
see, and a page sent back unchanged is no edit, so it neither dates the content anew
(Last-Modified, sitemap) nor empties the page cache."""

from django import forms
from django.db import models
from django_prose_editor.fields import ProseEditorField, ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media

from .rendering import EDITOR_EXTENSIONS


class MultilineTextField(forms.CharField):
    """A multi-line text whose line breaks are "\\n" whatever the browser sends ("\\r\\n"): each
    counts as one character, as the writer sees it, and a text sent back unchanged is not taken
    for an edit."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")

    def has_changed(self, initial, data):
        # The stored text may end with a line break that the form strips.
        return super().has_changed(self.to_python(initial), data)


class RichTextFormField(MultilineTextField, ProseEditorFormField):
    """The editor's HTML, its line breaks read as MultilineTextField reads them: a text that
    came from Markdown has some between its blocks, which the browser sends back as "\\r\\n"."""


class RichTextField(ProseEditorField):
    """A text written with the visual editor (EDITOR_EXTENSIONS), stored as HTML that the
    library sanitises with the editor's own allow-list when a form validates it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EDITOR_EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": RichTextFormField, **kwargs})


# For a ModelAdmin's formfield_overrides. The admin looks a model field's classes up in order,
# so RichTextField's entry comes before TextField's, whose form class would replace the editor.
TEXT_FIELD_OVERRIDES = {
    models.TextField: {"form_class": MultilineTextField},
    RichTextField: {"widget": AdminProseEditorWidget},
}


class SaveOnlyChangesMixin:
    """For a ModelAdmin: the record is written only when its form changed."""

    formfield_overrides = TEXT_FIELD_OVERRIDES

    def save_model(self, request, obj, form, change):
        if not change or form.has_changed():
            super().save_model(request, obj, form, change)


class EditorMediaMixin:
    """For a ModelAdmin whose form has a RichTextField: the editor's scripts load through an
    import map, an inline <script> the Content-Security-Policy refuses unless it carries the
    request's nonce (django-csp then adds that nonce to this response's header only)."""

    class Media:
        css = {"all": ["css/admin.css"]}  # Tiptap's base rules among them

    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)
