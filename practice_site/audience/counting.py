"""Reads counted in each process's memory and added to the database in the background.

A read costs one dict increment under a lock, so counting does not slow a cached page. The only
state is {(path, language, day): reads}: nothing of any reader, not even for a moment. A thread
started by the first read of each process adds the counts to the database every
AUDIENCE_FLUSH_SECONDS; when a process ends cleanly, what is left is added then (gunicorn's
worker_exit hook, atexit for other servers).
"""

import atexit
import logging
import os
import threading
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

logger = logging.getLogger(__name__)

# How long close() waits for a flush under way in the background before adding what is left.
CLOSE_TIMEOUT = 10


class ReadCounter:
    """The reads a process counted and has not yet added to the database."""

    def __init__(self):
        self._lock = threading.Lock()
        self._counts = {}
        # The process whose thread flushes: gunicorn forks its workers from a master that loaded
        # the site, and a thread does not survive the fork.
        self._pid = None
        self._stop = threading.Event()
        self._flusher = None
        self._purged_on = None

    def count(self, path, language, day):
        key = (path, language, day)
        with self._lock:
            if self._pid != os.getpid():
                self._start()
            self._counts[key] = self._counts.get(key, 0) + 1

    def _start(self):
        # Counts copied from the parent at the fork are the parent's to add.
        self._counts = {}
        self._pid = os.getpid()
        self._stop = threading.Event()
        self._flusher = threading.Thread(
            target=self._flush_every, args=(self._stop,), name="read-counts", daemon=True
        )
        self._flusher.start()

    def _flush_every(self, stop):
        while not stop.wait(settings.AUDIENCE_FLUSH_SECONDS):
            try:
                self.flush()
                # A connection of this thread's own, which no request's end would close.
                connection.close()
            except Exception:  # the thread must live on: the next flush may succeed
                logger.exception("Read counts not flushed")

    def flush(self):
        """Add the counts to the database; if it fails, they are kept for the next flush.
        Once a day, delete the counts past their retention too. True when all were added."""
        with self._lock:
            counts, self._counts = self._counts, {}
        if not counts:
            return True
        from .models import ReadCount

        try:
            ReadCount.objects.add(counts)
        except Exception as error:  # the database down or locked, its table not migrated yet
            logger.warning("Read counts kept for the next flush: %r", error)
            with self._lock:
                for key, reads in counts.items():
                    self._counts[key] = self._counts.get(key, 0) + reads
            return False
        self._purge_once_a_day()
        return True

    def _purge_once_a_day(self):
        from .models import ReadCount

        today = timezone.localdate()
        if self._purged_on == today:
            return
        try:
            ReadCount.objects.expired(today).delete()
        except Exception as error:
            logger.warning("Expired read counts not deleted: %r", error)
            return
        self._purged_on = today

    def stop(self):
        """Stop this process's background flushes, once the one under way (if any) is done."""
        if self._pid == os.getpid():
            self._stop.set()
            self._flusher.join(CLOSE_TIMEOUT)

    def close(self):
        """Stop the background flushes and add what is left: the process is ending."""
        self.stop()
        with self._lock:
            pending = bool(self._counts)
        if pending:
            self.flush()
            connection.close()

    def reset_lock(self):
        # In a child just forked: another thread of the parent may have held the lock then.
        self._lock = threading.Lock()


reads = ReadCounter()
os.register_at_fork(after_in_child=reads.reset_lock)
# Servers other than gunicorn (runserver, a test's live server) end through atexit.
atexit.register(reads.close)

# When the site's current day ends (time.time()), and that day.
_today = (0.0, None)


def today():
    """The site's day (TIME_ZONE), worked out once a day rather than at every read."""
    global _today
    ends, day = _today
    if time.time() >= ends:
        now = timezone.localtime(timezone=timezone.get_default_timezone())
        day = now.date()
        midnight = datetime.combine(day + timedelta(days=1), datetime.min.time(), now.tzinfo)
        _today = (midnight.timestamp(), day)
    return day
