"""What /health/ asks of the contact app: whether an enquiry has waited too long to be sent,
with a count and an age, nothing personal."""

import logging

from django.db import DatabaseError
from django.db.models import Count, Min
from django.utils import timezone

from practice_site.health import Check

from .models import Enquiry

logger = logging.getLogger(__name__)

# An enquiry is normally sent within seconds; past this, the worker or the relay is stuck.
ENQUIRY_WAIT_MINUTES = 15


def check_enquiries():
    """How many enquiries have waited more than ENQUIRY_WAIT_MINUTES to be sent, and the age
    in minutes of the oldest."""
    try:
        late = Enquiry.objects.waiting_longer_than(ENQUIRY_WAIT_MINUTES).aggregate(
            count=Count("pk"), oldest=Min("created_at")
        )
    except DatabaseError as error:
        logger.warning("Health: enquiries could not be counted: %r", error)
        return Check(ok=False)
    oldest = late["oldest"]
    return Check(
        ok=late["count"] == 0,
        details={
            "waiting_over_minutes": ENQUIRY_WAIT_MINUTES,
            "count": late["count"],
            "oldest_minutes": (
                int((timezone.now() - oldest).total_seconds() // 60) if oldest else None
            ),
        },
    )
