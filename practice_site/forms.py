from django import forms


class MultilineTextField(forms.CharField):
    """A multi-line text whose line breaks are "\\n" whatever the browser sends ("\\r\\n"): each
    counts as one character, as the writer sees it, and a text sent back unchanged is not taken
    for an edit."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")
