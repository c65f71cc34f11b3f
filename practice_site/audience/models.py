"""Reads of each reading page per language and day: totals only, which know nothing of who read
(no address, browser, cookie or session), kept 13 months at most as the CNIL's exemption of an
audience measurement from consent allows."""

import calendar
from datetime import date

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How long a day's counts are kept: the privacy policy says so.
RETENTION_MONTHS = 13


def months_before(day, months):
    """The same day of the month `months` earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class ReadCountQuerySet(models.QuerySet):
    def expired(self, today=None):
        """The counts of days more than RETENTION_MONTHS ago."""
        today = today or timezone.localdate()
        return self.filter(day__lt=months_before(today, RETENTION_MONTHS))

    def add(self, counts):
        """Add `counts`, {(path, language, day): reads}, to the stored ones: all of them or,
        if the database fails, none.

        Each is one `UPDATE … SET reads = reads + n`, atomic whatever other processes add to
        the same row at the same moment. A row not there yet is created; when another process
        creates it first, the unique constraint refuses the second row and the UPDATE runs
        again, on the row now there. The rows are taken in one order in every process, so
        that two flushes never wait on each other's rows (a deadlock on PostgreSQL).
        """
        with transaction.atomic():
            for (path, language, day), reads in sorted(counts.items()):
                row = self.filter(path=path, language=language, day=day)
                if row.update(reads=F("reads") + reads):
                    continue
                try:
                    with transaction.atomic():
                        self.create(path=path, language=language, day=day, reads=reads)
                except IntegrityError:
                    row.update(reads=F("reads") + reads)


class ReadCount(models.Model):
    """How many times a page was read in one language on one day."""

    path = models.CharField(_("page"), max_length=255)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    day = models.DateField(_("day"))
    reads = models.PositiveIntegerField(_("reads"), default=0)

    objects = ReadCountQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "path", "language"]
        verbose_name = _("read count")
        verbose_name_plural = _("read counts")
        constraints = [
            models.UniqueConstraint(
                fields=["path", "language", "day"], name="one_read_count_per_page_and_day"
            )
        ]
        # The admin home reads the last days; the purge deletes the oldest.
        indexes = [models.Index(fields=["day"], name="read_count_day")]

    def __str__(self):
        return f"{self.path} ({self.language}, {self.day:%Y-%m-%d}): {self.reads}"

    def get_absolute_url(self):
        return self.path
