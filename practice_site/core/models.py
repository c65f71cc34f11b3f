"""The rate limit's counters, in the database: every gunicorn worker and machine counts in the
same rows."""

from datetime import timedelta

from django.db import models, transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class RateLimitCounterQuerySet(models.QuerySet):
    def count_one(self, client, seconds):
        """Count one more for `client` and return how many its window now holds.

        The window opens with the client's first count and lasts `seconds`; the next count
        after it starts a new window, counted from one in the same row. The row keeps when its
        window ends, so that the purge knows without knowing who counts what.

        One SQL UPDATE adds the one (`count = count + 1`, or 1 in a new window) and the count
        is read back in the same transaction: SQLite runs it under its write lock
        (transaction_mode IMMEDIATE), PostgreSQL under the row lock the UPDATE holds until
        commit, so no other process can count in between.
        """
        key = RateLimitCounter.key_for(client)
        now = timezone.now()
        end = now + timedelta(seconds=seconds)
        ended = Q(window_start__lte=now - timedelta(seconds=seconds))
        with transaction.atomic():
            # Locked (on PostgreSQL) so that purge_enquiries cannot delete the row between
            # here and the UPDATE; get_or_create settles two processes creating it at once.
            self.select_for_update().get_or_create(
                key=key, defaults={"window_start": now, "window_end": end}
            )
            self.filter(key=key).update(
                count=Case(
                    When(ended, then=Value(1)),
                    default=F("count") + 1,
                    output_field=models.PositiveIntegerField(),
                ),
                window_start=Case(When(ended, then=Value(now)), default=F("window_start")),
                window_end=Case(When(ended, then=Value(end)), default=F("window_end")),
            )
            return self.filter(key=key).values_list("count", flat=True).get()

    def held(self, client):
        """How many `client` counted in its current window, without counting one more."""
        row = self.filter(key=RateLimitCounter.key_for(client), window_end__gt=timezone.now())
        return row.values_list("count", flat=True).first() or 0

    def forget(self, client):
        self.filter(key=RateLimitCounter.key_for(client)).delete()

    def window_over(self):
        """Counters whose window ended: they limit no one any more."""
        return self.filter(window_end__lte=timezone.now())


class RateLimitCounter(models.Model):
    """What one client counted in its current window (ratelimit.py): enquiries, password
    resets, sign-in failures of an account, health checks.

    In the database rather than the cache: the UPDATE above is atomic on SQLite and
    PostgreSQL, needs no other service, and behaves the same with or without Redis. The
    default file cache has no atomic increment (django-ratelimit refuses it for that reason).
    """

    key = models.CharField(_("counted key"), max_length=64, unique=True)
    window_start = models.DateTimeField(_("window start"))
    window_end = models.DateTimeField(_("window end"))
    count = models.PositiveIntegerField(_("count in the window"), default=0)

    objects = RateLimitCounterQuerySet.as_manager()

    class Meta:
        # The table made when the model lived in the contact app: moving it changed no data.
        db_table = "contact_ratelimitcounter"
        ordering = ["window_start"]
        verbose_name = _("rate-limit counter")
        verbose_name_plural = _("rate-limit counters")

    def __str__(self):
        return f"{self.key[:12]}…: {self.count}"

    @staticmethod
    def key_for(client):
        """The client's address is personal data: only a hash keyed with SECRET_KEY is stored,
        which no one without the key can match to an address by trying them all."""
        return salted_hmac("contact.RateLimitCounter", client, algorithm="sha256").hexdigest()
