"""What /health/ checks: the database and the cache answer, and no enquiry has waited too long.

Each check says ok or not and never raises: a service that is down is what the monitor asks
about. Nothing personal comes out of here (for enquiries, a count and an age).
"""

import logging
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Count, Min
from django.utils import timezone

from contact.models import Enquiry

logger = logging.getLogger(__name__)

# An enquiry is normally sent within seconds; past this, the worker or the relay is stuck.
ENQUIRY_WAIT_MINUTES = 15


@dataclass
class Check:
    ok: bool
    details: dict = field(default_factory=dict)

    def as_dict(self):
        return {"status": "ok" if self.ok else "failing", **self.details}


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Health: the database does not answer: %r", error)
        return Check(ok=False)
    return Check(ok=True)


def check_cache():
    """Write a key of this request's own and read it back (another request may be checking
    at the same moment), then remove it."""
    key, value = f"health:{uuid.uuid4().hex}", "ok"
    try:
        cache.set(key, value, timeout=60)
        answered = cache.get(key) == value
        cache.delete(key)
    except Exception as error:  # whatever the backend raises (Redis, file system): it is down
        logger.warning("Health: the cache does not answer: %r", error)
        return Check(ok=False)
    return Check(ok=answered)


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


def run_checks():
    """Every check by name, and whether all of them are ok."""
    checks = {
        "database": check_database(),
        "cache": check_cache(),
        "enquiries": check_enquiries(),
    }
    return checks, all(check.ok for check in checks.values())
