"""What the admin pages the psychologist edits share: a page sent back unchanged is no edit, so
it neither dates the content anew (Last-Modified, sitemap) nor empties the page cache."""

from django import forms
from django.db import models


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


class SaveOnlyChangesMixin:
    """For a ModelAdmin: the record is written only when its form changed."""

    formfield_overrides = {
        models.TextField: {"form_class": MultilineTextField},
        # A link pasted without its scheme gets https, as Django 6 will do.
        models.URLField: {"assume_scheme": "https"},
    }

    def save_model(self, request, obj, form, change):
        if not change or form.has_changed():
            super().save_model(request, obj, form, change)
