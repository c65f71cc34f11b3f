"""French registration numbers, checked as the registers write them: digits only."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def _digits(value, count, message, code):
    if not (len(value) == count and value.isascii() and value.isdigit()):
        raise ValidationError(message, code=code)


def validate_rpps(value):
    """The RPPS number (Répertoire partagé des professionnels de santé): 11 digits."""
    _digits(value, 11, _("An RPPS number has 11 digits, e.g. 10001234567."), "invalid_rpps")


def validate_adeli(value):
    """The ADELI number, still held by many psychologists registered before the RPPS: 9 digits."""
    _digits(value, 9, _("An ADELI number has 9 digits, e.g. 759312345."), "invalid_adeli")


def luhn_is_valid(number):
    """The Luhn checksum (ISO/IEC 7812-1) that a SIRET's digits satisfy."""
    total = 0
    for position, digit in enumerate(reversed(number)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def validate_siret(value):
    """The SIRET (INSEE's number of the establishment): 14 digits passing the Luhn check."""
    message = _("A SIRET number has 14 digits, as on your INSEE notice, e.g. 73282932000074.")
    _digits(value, 14, message, "invalid_siret")
    if not luhn_is_valid(value):
        raise ValidationError(
            _("This SIRET number has a typing error: please check it against your INSEE notice."),
            code="invalid_siret_checksum",
        )
