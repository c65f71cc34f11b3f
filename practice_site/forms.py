from django import forms


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
