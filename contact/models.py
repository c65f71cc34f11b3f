import logging
import uuid
from datetime import timedelta
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class EnquiryQuerySet(models.QuerySet):
    def due(self):
        """Enquiries the retry job should send: pending or failed, with attempts left."""
        return self.filter(
            status__in=[Enquiry.Status.PENDING, Enquiry.Status.FAILED],
            attempts__lt=settings.ENQUIRY_MAX_ATTEMPTS,
        )

    def expired(self):
        cutoff = timezone.now() - timedelta(days=settings.ENQUIRY_RETENTION_DAYS)
        return self.filter(created_at__lt=cutoff)


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
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("sending attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    claimed_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        indexes = [models.Index(fields=["status", "attempts"])]

    def __str__(self):
        return _("%(name)s, %(date)s") % {
            "name": self.name,
            "date": timezone.localtime(self.created_at).strftime("%Y-%m-%d %H:%M"),
        }

    def get_absolute_url(self):
        return reverse("admin:contact_enquiry_change", args=[self.pk])

    def send(self, *, force=False):
        """Email the enquiry to the practice and record the outcome; True if it was sent.

        The row is claimed by one conditional UPDATE first, so two processes (the form and
        the retry job, or two retry jobs) never email the same enquiry twice. `force`, used by
        the admin's "send again", also resends a sent enquiry or one out of attempts.
        """
        now = timezone.now()
        claimable = Q(status__in=[self.Status.PENDING, self.Status.FAILED]) | Q(
            status=self.Status.SENDING, claimed_at__lt=now - self.STALE_CLAIM
        )
        if force:
            claimable |= Q(status=self.Status.SENT)
        else:
            claimable &= Q(attempts__lt=settings.ENQUIRY_MAX_ATTEMPTS)
        claimed = (
            Enquiry.objects.filter(claimable, pk=self.pk).update(
                status=self.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
            )
            == 1
        )
        if not claimed:
            return False
        try:
            self.email_message().send()
        except Exception as error:  # any failure of the relay: keep the enquiry, retry later
            logger.warning("Enquiry %s could not be sent: %r", self.pk, error)
            self._record(status=self.Status.FAILED, last_error=f"{type(error).__name__}: {error}")
            return False
        self._record(status=self.Status.SENT, sent_at=timezone.now(), last_error="")
        return True

    def _record(self, **fields):
        Enquiry.objects.filter(pk=self.pk).update(**fields)
        self.refresh_from_db()

    def email_message(self):
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
            to=[settings.CONTACT_EMAIL],
            reply_to=[formataddr((self.name, self.email))],
        )
