"""The admin's forms for the practice's details, fees and opening hours: they read a number, an
amount, a time or a phone as the psychologist writes it by hand, the French way or the English
one, and store it one way."""

import re
from datetime import time
from decimal import Decimal

from django import forms
from django.contrib.admin.widgets import AdminTimeWidget
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Fee, OpeningHours, PracticeDetails


class RegistrationNumberField(forms.CharField):
    """An RPPS, ADELI or SIRET number typed as it is printed on a card or a notice, in groups
    ("10 00 12 34 56 7", "732.829.320.00074"): stored as its digits, which the model's
    validator then checks."""

    SEPARATORS = re.compile(r"[\s.\-]")

    def to_python(self, value):
        return self.SEPARATORS.sub("", super().to_python(value))

    def widget_attrs(self, widget):
        # Room for a separator between each digit: the number's length is checked once read.
        attrs = super().widget_attrs(widget)
        if self.max_length is not None:
            attrs["maxlength"] = str(self.max_length * 2)
        return {**attrs, "inputmode": "numeric"}


class PhoneField(forms.CharField):
    """A phone number as she types it ("06.12.34.56.78", "0612345678", "+33612345678"): a
    French number stored in its usual pairs ("06 12 34 56 78", "+33 6 12 34 56 78"), any other
    as typed."""

    def to_python(self, value):
        value = super().to_python(value)
        digits = re.sub(r"[\s.\-()]", "", value)
        if re.fullmatch(r"0[1-9][0-9]{8}", digits):
            return pairs(digits)
        if re.fullmatch(r"\+33[1-9][0-9]{8}", digits):
            return f"+33 {digits[3]} {pairs(digits[4:])}"
        return value


def pairs(digits):
    return " ".join(digits[i : i + 2] for i in range(0, len(digits), 2))


class CoordinateField(forms.DecimalField):
    """A latitude or longitude with a decimal point or a comma ("48,858370"), whatever the
    admin's language."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class PracticeDetailsForm(forms.ModelForm):
    class Meta:
        model = PracticeDetails
        # The admin's fieldsets name every field of the page; these are the ones read here.
        fields = ["rpps", "adeli", "siret", "phone", "host_phone", "latitude", "longitude"]
        field_classes = {
            "rpps": RegistrationNumberField,
            "adeli": RegistrationNumberField,
            "siret": RegistrationNumberField,
            "phone": PhoneField,
            "host_phone": PhoneField,
            "latitude": CoordinateField,
            "longitude": CoordinateField,
        }


class EuroAmountField(forms.DecimalField):
    """An amount in euros: "82,50" or "82.50", spaces between the thousands and a euro sign
    allowed, shown back as the admin's language writes it ("82,50" in French).

    A text input, not a number input: the browser's number input drops a comma its own
    language does not use, and "250,50" was stored as 25050. What could be read two ways ("1.250"
    is 1.25 or 1250, "1.250,50" mixes both marks) is refused, never guessed.
    """

    AMOUNT = re.compile(r"([0-9]+)(?:[.,]([0-9]{1,2}))?")
    default_error_messages = {
        "invalid": _("Write the fee in euros with at most two decimals, e.g. 60 or 82.50."),
    }

    def __init__(self, **kwargs):
        super().__init__(**{**kwargs, "localize": True})

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            # \s: the no-break spaces a copied amount may have between thousands, too.
            match = self.AMOUNT.fullmatch(re.sub(r"[\s€]", "", value))
            if match is None:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            whole, cents = match.groups()
            value = Decimal(f"{whole}.{cents or 0}")
        return super().to_python(value)

    def widget_attrs(self, widget):
        # Phones show a keyboard of digits with the decimal mark of their language.
        return {**super().widget_attrs(widget), "inputmode": "decimal"}


class TimeOfDayField(forms.TimeField):
    """A time of day as one says it in France ("9h", "9h30", "9 h 30") or writes it on a
    clock ("9:30", "09:30")."""

    TIME = re.compile(r"([0-9]{1,2})\s*[hH:]\s*([0-9]{2})?")
    default_error_messages = {"invalid": _("Enter a time such as 9h, 9h30 or 14:00.")}

    def to_python(self, value):
        if isinstance(value, str) and (match := self.TIME.fullmatch(value.strip())):
            hour, minute = match.groups()
            try:
                return time(int(hour), int(minute or 0))
            except ValueError:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        # Anything else as Django reads a time in the admin's language ("09:30:00" included).
        return super().to_python(value)


class FeeForm(forms.ModelForm):
    class Meta:
        model = Fee
        fields = ["label_fr", "label_en", "amount", "duration", "mon_soutien_psy", "position"]
        field_classes = {"amount": EuroAmountField}


class OpeningHoursForm(forms.ModelForm):
    class Meta:
        model = OpeningHours
        fields = ["weekday", "opens", "closes"]
        field_classes = {"opens": TimeOfDayField, "closes": TimeOfDayField}
        # Shown as she would write it again: "09:30", not "09:30:00".
        widgets = {
            "opens": AdminTimeWidget(format="%H:%M", attrs={"placeholder": _("e.g. 9h30")}),
            "closes": AdminTimeWidget(format="%H:%M", attrs={"placeholder": _("e.g. 18h")}),
        }
        help_texts = {
            "opens": _("E.g. 9h, 9h30 or 14:00."),
            "closes": _("E.g. 12h, 18h30 or 19:00."),
        }
