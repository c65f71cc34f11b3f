"""The practice app's models, one module per concern; imported from here, as
`practice_site.practice.models`."""

from .details import PracticeDetails
from .fees_and_hours import Fee, OpeningHours
from .legal import LegalPage
from .presentation import Presentation

__all__ = ["Fee", "LegalPage", "OpeningHours", "PracticeDetails", "Presentation"]
