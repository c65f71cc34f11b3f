"""The practice's public details: who she is, where and how she consults, the host the law
asks the legal notice to name; one record, on every page."""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from practice_site.richtext.fields import RichTextField
from practice_site.richtext.rendering import TEXT_EXTENSIONS, render_html

from ..tasks import announce_enquiry_address_change
from ..validators import validate_adeli, validate_rpps, validate_siret
from .base import (
    FrenchTypesetMixin,
    SingletonModel,
    format_price,
    in_active_language,
    on_one_line,
    postal_address,
)


class PracticeDetails(FrenchTypesetMixin, SingletonModel):
    """The practice's public details: one record, edited in the admin, shown on every page."""

    shown_to_readers = True

    psychologist_name = models.CharField(_("psychologist's name"), max_length=120)
    entrepreneur_individuel = models.BooleanField(
        _("“EI” after the name"),
        default=False,
        help_text=_(
            "Tick if you work as an entrepreneur individuel: the legal notice then names the "
            "publisher “Name EI”, as the law requires."
        ),
    )
    title_fr = models.CharField(_("professional title (French)"), max_length=120)
    title_en = models.CharField(_("professional title (English)"), max_length=120)
    rpps = models.CharField(
        _("RPPS number"),
        max_length=11,
        validators=[validate_rpps],
        help_text=_("11 digits. Shown on the legal notice and the contact page."),
    )
    adeli = models.CharField(
        _("ADELI number"),
        max_length=9,
        blank=True,
        validators=[validate_adeli],
        help_text=_("9 digits, if you still have one. Shown on the legal notice."),
    )
    siret = models.CharField(
        _("SIRET number"),
        max_length=14,
        blank=True,
        validators=[validate_siret],
        help_text=_("14 digits, optional. Shown on the legal notice."),
    )
    insurer_name = models.CharField(_("professional liability insurer"), max_length=200, blank=True)
    insurer_contact = models.CharField(
        _("insurer's contact details"),
        max_length=300,
        blank=True,
        help_text=_("Address or phone of the insurer, and your policy number if you wish."),
    )
    address = models.TextField(
        _("postal address"), help_text=_("Each line of the address on a line of its own.")
    )
    phone = models.CharField(_("phone (calls and text messages)"), max_length=30)
    email = models.EmailField(_("public email address"))
    enquiry_email = models.EmailField(
        _("address that receives enquiries"),
        blank=True,
        help_text=_(
            "Private: never shown on the site. The contact form's messages, which may speak of "
            "health, are emailed here: a mailbox that only you read, at a provider in the "
            "European Union. It may differ from the public address. Left empty, they go to the "
            "address the site was installed with. A change is announced to the old and the new "
            "address."
        ),
    )
    # Shown as written, with no stored rendering of their own: saving sanitises them in place.
    # Without pictures, which a rendering would turn into markup the editor cannot read back.
    practical_note_fr = RichTextField(
        _("practical note (French)"),
        extensions=TEXT_EXTENSIONS,
        blank=True,
        help_text=_("How and when you answer, e.g. “I answer within two working days.”"),
    )
    practical_note_en = RichTextField(
        _("practical note (English)"), extensions=TEXT_EXTENSIONS, blank=True
    )
    # The legal notice must name the host (LCEN art. 6 III): its name, address and phone.
    host_name = models.CharField(
        _("host's name"),
        max_length=200,
        help_text=_("The company that hosts the website, as named in your hosting contract."),
    )
    host_address = models.TextField(
        _("host's postal address"), help_text=_("Each line of the address on a line of its own.")
    )
    host_phone = models.CharField(_("host's phone"), max_length=30)
    # How consultations happen, shown on the contact and About pages.
    in_person = models.BooleanField(_("consultations in person"), default=True)
    video = models.BooleanField(_("consultations by video"), default=False)
    mon_soutien_psy = models.BooleanField(
        _("partner of “Mon soutien psy”"),
        default=False,
        help_text=_("Tick if the Assurance Maladie covers your sessions under this scheme."),
    )
    mon_soutien_psy_note_fr = models.TextField(
        _("“Mon soutien psy” sentence (French)"),
        blank=True,
        help_text=_(
            "Leave empty to show the standard list of the scheme’s conditions; if they change, "
            "write your own text, which replaces the whole list."
        ),
    )
    mon_soutien_psy_note_en = models.TextField(
        _("“Mon soutien psy” sentence (English)"), blank=True
    )
    # The scheme's national figures (ameli.fr, since 15 June 2024), which the "What will I pay?"
    # explainer uses: data she can correct the day they change, not code.
    scheme_fee = models.DecimalField(
        _("session fee under “Mon soutien psy”, in euros"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(50),
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Set by the scheme: you may not charge more."),
    )
    scheme_sessions = models.PositiveSmallIntegerField(
        _("sessions covered per calendar year"), default=12
    )
    scheme_refund_percent = models.PositiveSmallIntegerField(
        _("share reimbursed by the Assurance Maladie, in %"),
        default=60,
        validators=[MaxValueValidator(100)],
        help_text=_("The rest is reimbursed by the patient’s complementary health insurance."),
    )
    scheme_checked_on = models.DateField(
        _("date the figures were checked"),
        null=True,
        blank=True,
        help_text=_(
            "The day you last checked these three figures on ameli.fr. A year later, the admin "
            "home will remind you to check them."
        ),
    )
    # How she is paid, shown with the fees.
    pays_by_cash = models.BooleanField(_("cash"), default=False)
    pays_by_cheque = models.BooleanField(_("cheque"), default=False)
    pays_by_card = models.BooleanField(_("bank card"), default=False)
    pays_by_transfer = models.BooleanField(_("bank transfer"), default=False)
    booking_url = models.URLField(
        _("online booking link"),
        blank=True,
        help_text=_("The address of your page on a booking service such as Doctolib, if any."),
    )
    access_fr = models.TextField(
        _("access (French)"),
        blank=True,
        help_text=_("Public transport, parking, floor, lift, step-free access…"),
    )
    access_en = models.TextField(_("access (English)"), blank=True)
    # For a link to the map (no embedded map: it would load a third party's scripts and cookies).
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_(
            "Of the practice’s door, e.g. 48.858370: on openstreetmap.org, right-click the "
            "place and choose “Show address”."
        ),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("E.g. 2.294481."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        # The table made when the model lived in the contact app: moving it changed no data.
        db_table = "contact_practicedetails"
        verbose_name = _("practice details")
        verbose_name_plural = _("practice details")

    def __str__(self):
        return str(_("Practice details"))

    french_texts = ["title_fr", "access_fr", "mon_soutien_psy_note_fr"]

    def save(self, *args, **kwargs):
        # Stored as rendered, and edited again as stored: no pictures (TEXT_EXTENSIONS).
        self.practical_note_fr = render_html(self.practical_note_fr, "fr", pictures=False)
        self.practical_note_en = render_html(self.practical_note_en, "en", pictures=False)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("contact:enquiry")

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors[NON_FIELD_ERRORS] = ValidationError(
                _("Give both the latitude and the longitude, or neither."),
                code="incomplete_coordinates",
            )
        # With her own sentence in one language only, the other would show the standard one,
        # which she may have replaced because it is no longer true.
        notes = {
            language: getattr(self, f"mon_soutien_psy_note_{language}").strip()
            for language, _name in settings.LANGUAGES
        }
        for language, note in notes.items():
            if any(notes.values()) and not note:
                errors[f"mon_soutien_psy_note_{language}"] = ValidationError(
                    _(
                        "Write your own sentence in French and in English, or leave both empty "
                        "for the standard one."
                    ),
                    code="mon_soutien_psy_note_in_one_language",
                )
        if errors:
            raise ValidationError(errors)

    @classmethod
    def loaded_queryset(cls):
        # The contact, About and home pages show them: in the cached record, not a query each.
        return cls.objects.prefetch_related("fees", "opening_hours")

    @classmethod
    def enquiry_recipient(cls):
        """Where enquiries are emailed: the address set in the admin, else CONTACT_EMAIL.
        Read from the database, not the cache: the worker must send to the address saved a
        moment ago."""
        address = cls.objects.filter(pk=1).values_list("enquiry_email", flat=True).first()
        return address or settings.CONTACT_EMAIL

    @property
    def enquiry_address(self):
        """Where enquiries go with these details."""
        return self.enquiry_email or settings.CONTACT_EMAIL

    def announce_enquiry_address_change(self, previous_address, user):
        """If enquiries no longer go to `previous_address`, email it and the new address, once
        the change is committed, that `user` changed it: whoever could divert enquiries (health
        data) to a mailbox of theirs cannot do it unseen."""
        if self.enquiry_address == previous_address:
            return
        arguments = {
            "old": previous_address,
            "new": self.enquiry_address,
            "changed_at": timezone.now().isoformat(),
            "changed_by": user.get_full_name() or user.get_username(),
            # Hers: the language she uses the admin in.
            "language": translation.get_language() or settings.LANGUAGE_CODE,
        }
        transaction.on_commit(lambda: announce_enquiry_address_change.enqueue(**arguments))

    @property
    def site_name(self):
        """What the site is called: the psychologist's name once she has given it."""
        return self.psychologist_name or _("Psychology practice")

    @property
    def title(self):
        return in_active_language(self, "title")

    @property
    def practical_note(self):
        return in_active_language(self, "practical_note")

    @property
    def access(self):
        return in_active_language(self, "access")

    @property
    def mon_soutien_psy_note(self):
        """Her own sentence on the scheme in the page's language, in place of the standard list
        of its conditions; "" when she wrote none."""
        return in_active_language(self, "mon_soutien_psy_note")

    @property
    def has_own_mon_soutien_psy_note(self):
        return bool(self.mon_soutien_psy_note.strip())

    PAYMENT_METHODS = ["pays_by_cash", "pays_by_cheque", "pays_by_card", "pays_by_transfer"]

    @property
    def payment_methods(self):
        """The ways she accepts to be paid, named in the page's language: ["cash", …]."""
        return [
            self._meta.get_field(field).verbose_name
            for field in self.PAYMENT_METHODS
            if getattr(self, field)
        ]

    # A year, and a little: she checks once a year, not on the same day each year.
    SCHEME_CHECK_INTERVAL = timedelta(days=366)

    def scheme_figures_need_checking(self, today=None):
        """Whether, taking part in the scheme, she has not checked its figures for a year."""
        if not self.mon_soutien_psy:
            return False
        today = today or timezone.localdate()
        checked = self.scheme_checked_on
        return checked is None or today - checked > self.SCHEME_CHECK_INTERVAL

    @property
    def map_url(self):
        """The practice on OpenStreetMap, or "" without coordinates."""
        if self.latitude is None or self.longitude is None:
            return ""
        lat, lon = self.latitude, self.longitude
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"

    # An unsaved record (before the psychologist first saves hers) has no rows to ask for.
    @property
    def fee_list(self):
        return list(self.fees.all()) if self.pk else []

    @property
    def hours_list(self):
        return list(self.opening_hours.all()) if self.pk else []

    @property
    def fees_have_durations(self):
        """Whether the table of fees needs its "Duration" column."""
        return any(fee.duration for fee in self.fee_list)

    @property
    def opening_days(self):
        """[(day name, [OpeningHours, …]), …] from Monday, for the days the practice is open."""
        hours = self.hours_list
        return [
            (WEEKDAYS[day], [slot for slot in hours if slot.weekday == day])
            for day in sorted({slot.weekday for slot in hours})
        ]

    def price_range(self):
        """The lowest and the highest fee, e.g. "€60–€80" (or one price), "" without fees."""
        amounts = sorted(fee.amount for fee in self.fee_list)
        if not amounts:
            return ""
        low, high = format_price(amounts[0]), format_price(amounts[-1])
        return low if low == high else f"{low}–{high}"

    def structured_data(self, request, presentation):
        """The practice as schema.org describes a local business, for search engines: as JSON-LD
        for the pages that present it, with the link preview of the portrait of `presentation`
        as its image.

        MedicalBusiness: the LocalBusiness for "businesses run by health professionals", which
        takes hours, prices and a map; schema.org has no type for psychologists, its
        Psychiatric specialty is another profession, and ProfessionalService is deprecated.
        """
        url = request.build_absolute_uri(reverse("articles:home"))
        data = {
            "@context": "https://schema.org",
            "@type": "MedicalBusiness",
            # The same identifier on every page: search engines merge what each page says of
            # the practice into one business.
            "@id": f"{url}#practice",
            "name": str(self.site_name),
            "url": url,
        }
        if self.title:
            data["description"] = self.title
        if self.address:
            data["address"] = postal_address(self.address)
        if self.phone:
            data["telephone"] = self.phone
        if self.email:
            data["email"] = self.email
        if image := presentation.social_image(request):
            data["image"] = {
                "@type": "ImageObject",
                "url": image["url"],
                "width": image["width"],
                "height": image["height"],
            }
        if price_range := self.price_range():
            data["priceRange"] = price_range
        if self.map_url:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
            data["hasMap"] = self.map_url
        if self.hours_list:
            data["openingHoursSpecification"] = [slot.structured_data() for slot in self.hours_list]
        return data

    @property
    def phone_uri(self):
        return "tel:" + "".join(c for c in self.phone if c.isdigit() or c == "+")

    @property
    def publisher_name(self):
        """The name as the publisher of the site: an entrepreneur individuel adds "EI"."""
        if self.entrepreneur_individuel and self.psychologist_name:
            return f"{self.psychologist_name} EI"
        return self.psychologist_name

    def address_on_one_line(self):
        return on_one_line(self.address)

    def host_address_on_one_line(self):
        return on_one_line(self.host_address)

    def host_on_one_line(self):
        parts = [self.host_name, self.host_address_on_one_line(), self.host_phone]
        return ", ".join(part for part in parts if part)

    def insurer(self):
        return ", ".join(part for part in [self.insurer_name, self.insurer_contact] if part)
