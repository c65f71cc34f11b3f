import logging
import re
import unicodedata
import uuid
from datetime import timedelta
from email.utils import formataddr
from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from practice_site.practice.models import PracticeDetails

# What marks an address or ends a name in a header (RFC 5322's specials but the full stop of an
# initial): without them, the name shown beside Reply-To cannot read as another address.
ADDRESS_SPECIALS = re.compile(r'[<>@,;:"()\[\]\\]')


def without_invisible_characters(text):
    """`text` without Unicode's control (Cc) and format (Cf) characters: bidi overrides and
    isolates that show a name backwards, zero-width characters that hide part of it. A tab
    becomes a space; runs of spaces become one."""
    visible = "".join(
        character
        for character in text.replace("\t", " ")
        if unicodedata.category(character) not in {"Cc", "Cf"}
    )
    return " ".join(visible.split())


def display_name(name):
    """`name` as the Reply-To header shows it: visible characters, none of an address."""
    return " ".join(ADDRESS_SPECIALS.sub("", without_invisible_characters(name)).split())


logger = logging.getLogger(__name__)


class EnquiryQuerySet(models.QuerySet):
    def due(self):
        """Enquiries the retry job should send: pending, or failed with attempts left and
        their backoff over (Enquiry.retry_delay)."""
        return self.filter(Enquiry.due_condition(timezone.now()))

    def waiting(self):
        """Enquiries not delivered yet that will still be sent: pending, being sent, or
        failed with attempts left. One the retry job gave up on waits for the admin instead."""
        return self.filter(sent_at__isnull=True).filter(
            Q(status__in=[Enquiry.Status.PENDING, Enquiry.Status.SENDING])
            | Q(status=Enquiry.Status.FAILED, attempts__lt=settings.ENQUIRY_MAX_ATTEMPTS)
        )

    def waiting_longer_than(self, minutes):
        """Enquiries still waiting to be sent, received more than `minutes` ago (/health/)."""
        return self.waiting().filter(created_at__lt=timezone.now() - timedelta(minutes=minutes))

    def expired(self):
        """Enquiries emailed more than ENQUIRY_RETENTION_DAYS ago: the practice mailbox holds
        them, the site need not. One never delivered is kept, even once the retry job has
        given up on it, so that the psychologist can send it again from the admin."""
        return self.filter(sent_at__lt=Enquiry.retention_cutoff()).exclude(
            status=Enquiry.Status.SENDING
        )

    def counts(self):
        """How many wait to be sent, failed, and are not handled yet: the admin home's
        summary, in one query."""
        return self.aggregate(
            pending=models.Count("pk", filter=Q(status=Enquiry.Status.PENDING)),
            failed=models.Count("pk", filter=Q(status=Enquiry.Status.FAILED)),
            not_handled=models.Count("pk", filter=Q(handled=False)),
        )

    def delete_with_history(self):
        """Delete these enquiries and the admin's log entries about them (a trace that a
        message once came in); return how many enquiries were deleted."""
        with transaction.atomic():
            ids = [str(pk) for pk in self.values_list("pk", flat=True)]
            LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(Enquiry), object_id__in=ids
            ).delete()
            deleted, _by_model = Enquiry.objects.filter(pk__in=ids).delete()
        return deleted


class Enquiry(models.Model):
    """A message sent through the contact form, stored before any email is sent."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Sending failed")

    # A process that died while sending leaves SENDING behind; after this long another one
    # may try again (far above EMAIL_TIMEOUT, so a slow send is never doubled).
    STALE_CLAIM = timedelta(minutes=10)

    submission_id = models.UUIDField(
        _("submission"), unique=True, default=uuid.uuid4, editable=False
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    message = models.TextField(_("message"), max_length=2000)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("sending attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    claimed_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The practice's address may change in the admin: this says where this one went.
    sent_to = models.EmailField(_("sent to"), blank=True)
    handled = models.BooleanField(
        _("handled"), default=False, help_text=_("Ticked once you have answered or dealt with it.")
    )

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        indexes = [models.Index(fields=["status", "attempts"])]
        # Health data: staff need this as well as Django's "view" to see enquiries at all.
        permissions = [("read_enquiry", _("Can read enquiries"))]

    def __str__(self):
        # Never the enquirer's name or address: the admin's log and messages keep str(self).
        return _("Message no. %(number)s") % {"number": self.pk}

    def get_absolute_url(self):
        return reverse("admin:contact_enquiry_change", args=[self.pk])

    @staticmethod
    def retention_cutoff():
        return timezone.now() - timedelta(days=settings.ENQUIRY_RETENTION_DAYS)

    @property
    def kept_until(self):
        """When `purge_enquiries` deletes it; None while it has not been delivered."""
        if self.sent_at is None:
            return None
        return self.sent_at + timedelta(days=settings.ENQUIRY_RETENTION_DAYS)

    @property
    def given_up(self):
        """Never delivered, and out of attempts: the retry job no longer sends it."""
        return (
            self.sent_at is None
            and self.status == self.Status.FAILED
            and self.attempts >= settings.ENQUIRY_MAX_ATTEMPTS
        )

    @staticmethod
    def retry_delay(attempts):
        """How long after its last attempt a failed enquiry waits before the next one:
        ENQUIRY_RETRY_DELAY, doubled at each attempt, so a relay that is down for hours is
        not hammered and one down for minutes costs a minute."""
        return timedelta(seconds=settings.ENQUIRY_RETRY_DELAY * 2 ** max(attempts - 1, 0))

    @classmethod
    def due_condition(cls, now):
        """Pending or failed, with attempts left and the backoff of its last attempt over."""
        backoff_over = Q(attempts=0)
        for attempts in range(1, settings.ENQUIRY_MAX_ATTEMPTS):
            backoff_over |= Q(attempts=attempts, claimed_at__lte=now - cls.retry_delay(attempts))
        return (
            Q(status__in=[cls.Status.PENDING, cls.Status.FAILED])
            & Q(attempts__lt=settings.ENQUIRY_MAX_ATTEMPTS)
            & backoff_over
        )

    def claim(self, *, force=False):
        """Take the enquiry for sending by one conditional UPDATE; True if this caller got it.

        Two processes (workers, retry jobs, a duplicated task) never both get it, so it is
        never emailed twice. `force`, used by the admin's "send again", also takes a sent
        enquiry, one out of attempts, or one still in its backoff.
        """
        now = timezone.now()
        stale = Q(status=self.Status.SENDING, claimed_at__lt=now - self.STALE_CLAIM)
        if force:
            waiting = [self.Status.PENDING, self.Status.FAILED, self.Status.SENT]
            claimable = Q(status__in=waiting) | stale
        else:
            claimable = self.due_condition(now) | (
                stale & Q(attempts__lt=settings.ENQUIRY_MAX_ATTEMPTS)
            )
        return (
            Enquiry.objects.filter(claimable, pk=self.pk).update(
                status=self.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
            )
            == 1
        )

    def deliver(self):
        """Email the claimed enquiry to the practice and record the outcome; True if sent."""
        recipient = PracticeDetails.enquiry_recipient()
        try:
            self.email_message(recipient).send()
        except Exception as error:  # any failure of the relay: keep the enquiry, retry later
            logger.warning("Enquiry %s could not be sent: %r", self.pk, error)
            self._record(status=self.Status.FAILED, last_error=f"{type(error).__name__}: {error}")
            return False
        self._record(
            status=self.Status.SENT, sent_at=timezone.now(), sent_to=recipient, last_error=""
        )
        return True

    def send(self, *, force=False):
        """Claim the enquiry, then email it; True if this call sent it."""
        return self.claim(force=force) and self.deliver()

    def _record(self, **fields):
        Enquiry.objects.filter(pk=self.pk).update(**fields)
        self.refresh_from_db()

    def email_message(self, recipient):
        """The email to the practice, in the practice's language, answerable with Reply."""
        context = {"enquiry": self, "language_name": self.get_language_display()}
        with translation.override(settings.LANGUAGE_CODE):
            context["language_name"] = self.get_language_display()
            subject = render_to_string("contact/email/subject.txt", context)
            body = render_to_string("contact/email/body.txt", context)
        return EmailMessage(
            # One line, whatever the template or the data hold: a newline here would start
            # a new header.
            subject=" ".join(subject.split()),
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[recipient],
            # Only the enquirer's address: a name typed as "x@example.com <x>" is not another.
            reply_to=[formataddr((display_name(self.name), self.email))],
        )

    def reply_url(self):
        """A mailto: link that opens the psychologist's mail program on an answer to the
        enquirer, with a subject and a greeting in the enquirer's language."""
        with translation.override(self.language):
            received = formats.date_format(timezone.localtime(self.created_at), "DATE_FORMAT")
            subject = gettext("Re: your message of %(date)s") % {"date": received}
            greeting = gettext("Hello %(name)s,") % {"name": self.name}
        # RFC 6068: percent-encoded, spaces as %20 (some programs show a "+"), lines end in CRLF.
        query = urlencode({"subject": subject, "body": f"{greeting}\r\n\r\n"}, quote_via=quote)
        return f"mailto:{quote(self.email, safe='@')}?{query}"
