"""What /health/ checks: the database and the cache answer, and what the apps add (no enquiry
has waited too long).

Each check says ok or not and never raises: a service that is down is what the monitor asks
about. Nothing personal comes out of here (for enquiries, a count and an age).
"""

import logging
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import DatabaseError, connection

logger = logging.getLogger(__name__)


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


# The checks the apps add, by name, each registered from its app's ready() (the contact app's
# "enquiries"): the project knows no app that stands on it.
app_checks = {}


def register(name, check):
    """Add `check`, a function returning a Check that never raises, to /health/ as `name`."""
    app_checks[name] = check


def run_checks():
    """Every check by name, and whether all of them are ok."""
    checks = {
        "database": check_database(),
        "cache": check_cache(),
        **{name: check() for name, check in app_checks.items()},
    }
    return checks, all(check.ok for check in checks.values())
