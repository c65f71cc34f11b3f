"""The practice app's models, one module per concern; imported from here, as
`practice_site.practice.models`."""

from .base import (
    FrenchTypesetMixin,
    SingletonModel,
    format_price,
    in_active_language,
    on_one_line,
    postal_address,
    showing,
)
from .details import PracticeDetails
from .fees_and_hours import Fee, OpeningHours
from .legal import LegalPage
from .presentation import Presentation

__all__ = [
    "Fee",
    "FrenchTypesetMixin",
    "LegalPage",
    "OpeningHours",
    "PracticeDetails",
    "Presentation",
    "SingletonModel",
    "format_price",
    "in_active_language",
    "on_one_line",
    "postal_address",
    "showing",
]
