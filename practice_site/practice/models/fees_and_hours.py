"""The fees the law asks the site to show, and the opening hours: rows of the practice
details, edited as its inlines."""

from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from .base import format_price, in_active_language
from .details import PracticeDetails


class Refund(NamedTuple):
    """What is refunded of a session under “Mon soutien psy”: the Assurance Maladie's part and
    the rest, which the reader's complementary health insurance refunds if she has one."""

    percent: int
    assurance_maladie: str
    rest: str


class Fee(models.Model):
    """A kind of session and its price: the law asks for fees to be shown (arrêté du 30 mai
    2018)."""

    shown_to_readers = True

    practice = models.ForeignKey(PracticeDetails, on_delete=models.CASCADE, related_name="fees")
    label_fr = models.CharField(
        _("kind of session (French)"), max_length=120, help_text=_("E.g. “Séance individuelle”.")
    )
    label_en = models.CharField(
        _("kind of session (English)"), max_length=120, help_text=_("E.g. “Individual session”.")
    )
    amount = models.DecimalField(
        _("fee in euros"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    duration = models.PositiveSmallIntegerField(_("duration in minutes"), null=True, blank=True)
    mon_soutien_psy = models.BooleanField(
        _("“Mon soutien psy”"),
        default=False,
        help_text=_("Tick if this session can be covered by the scheme."),
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Fees are listed in ascending order of this number.")
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("fee")
        verbose_name_plural = _("fees")

    def __str__(self):
        return f"{self.label}: {self.price}"

    def get_absolute_url(self):
        return reverse("contact:enquiry")

    def clean(self):
        super().clean()
        # The practice as the form has it, before either is saved.
        practice = getattr(self, "practice", None)
        if not self.mon_soutien_psy or practice is None:
            return
        if not practice.mon_soutien_psy:
            error = ValidationError(
                _("First tick the box above to say you are a partner of “Mon soutien psy”."),
                code="not_a_partner",
            )
        elif self.amount is not None and self.amount != practice.scheme_fee:
            error = ValidationError(
                _(
                    "Under “Mon soutien psy”, a session is charged at exactly %(fee)s: enter "
                    "that fee, or untick “Mon soutien psy” for this session."
                ),
                code="not_the_scheme_fee",
                params={"fee": format_price(practice.scheme_fee)},
            )
        else:
            return
        raise ValidationError({"mon_soutien_psy": error})

    @property
    def label(self):
        return in_active_language(self, "label")

    @property
    def price(self):
        return format_price(self.amount)

    def refund(self):
        """What is refunded of this session under the scheme (Refund), or None."""
        if not (self.mon_soutien_psy and self.practice.mon_soutien_psy):
            return None
        percent = self.practice.scheme_refund_percent
        assurance_maladie = (self.amount * percent / 100).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
        return Refund(
            percent,
            format_price(assurance_maladie),
            format_price(self.amount - assurance_maladie),
        )


class OpeningHours(models.Model):
    """A time the practice is open on a day of the week; a day may have several."""

    shown_to_readers = True

    # schema.org's DayOfWeek, in the order of Python's date.weekday() and Django's WEEKDAYS.
    SCHEMA_DAYS = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ]  # fmt: skip

    practice = models.ForeignKey(
        PracticeDetails, on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=list(WEEKDAYS.items()))
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(_("closes at"))

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("opening time slot")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def get_absolute_url(self):
        return reverse("contact:enquiry")

    def clean(self):
        super().clean()
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError(
                {
                    "closes": ValidationError(
                        _("The closing time must come after the opening time."),
                        code="closes_before_opening",
                    )
                }
            )

    def structured_data(self):
        return {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{self.SCHEMA_DAYS[self.weekday]}",
            "opens": f"{self.opens:%H:%M}",
            "closes": f"{self.closes:%H:%M}",
        }
