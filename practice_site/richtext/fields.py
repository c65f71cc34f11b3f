"""The form and model fields of the texts she writes: the visual editor's HTML, and line breaks
read as she typed them."""

from django import forms
from django_prose_editor.fields import ProseEditorField, ProseEditorFormField

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
