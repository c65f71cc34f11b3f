import operator
import re
from decimal import Decimal
from functools import reduce
from urllib.parse import unquote, urlsplit

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS
from django.utils.html import escape
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from practice_site.caching import content_version
from practice_site.editing import RichTextField
from practice_site.images import (
    FALLBACK_FORMAT,
    RENDITION_WIDTHS,
    CleanImageField,
    PortraitSocialCard,
    original_size,
    rendition_widths,
    renditions,
    renditions_folder,
    scaled_height,
    social_image,
)
from practice_site.rendering import TEXT_EXTENSIONS, french_spaces, render_html

from .tasks import announce_enquiry_address_change
from .templatetags.images import responsive_image
from .validators import validate_adeli, validate_rpps, validate_siret


def in_active_language(instance, field):
    """The value of `<field>_<language>` for the active language (`title_en` on an English
    page). An empty English value stays empty: French must never show on an English page."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return getattr(instance, f"{field}_{language}", getattr(instance, f"{field}_fr"))


class FrenchTypesetMixin:
    """For a model with short French texts written in the admin: they get French typography
    (practice_site.rendering.french_spaces) when saved, as the article bodies do."""

    french_texts = ()  # the names of those fields

    def save(self, *args, **kwargs):
        for field in self.french_texts:
            setattr(self, field, french_spaces(getattr(self, field)))
        super().save(*args, **kwargs)


class SingletonModel(models.Model):
    """A model of one record (pk 1), edited in the admin and read by reader pages from the
    shared cache, so that it costs no query per page view. Kept under the content version, so
    that any edit a reader could see (this record included) replaces it."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        """The single record, or an empty unsaved one before it is first saved."""
        key = f"{cls._meta.label_lower}:{content_version()}"
        instance = cache.get(key)
        if instance is None:
            instance = cls.loaded_queryset().filter(pk=1).first() or cls()
            cache.set(key, instance, timeout=settings.PAGE_CACHE_SECONDS or None)
        return instance

    @classmethod
    def loaded_queryset(cls):
        """What load() reads: a subclass prefetches here what its pages show with it."""
        return cls.objects.all()


class PracticeDetails(FrenchTypesetMixin, SingletonModel):
    """The practice's public details: one record, edited in the admin, shown on every page."""

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
            "Leave empty for the standard sentence shown on the site; write your own if the "
            "scheme’s conditions change."
        ),
    )
    mon_soutien_psy_note_en = models.TextField(
        _("“Mon soutien psy” sentence (English)"), blank=True
    )
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
        """Her own sentence on the scheme, or the standard one, in the page's language."""
        return in_active_language(self, "mon_soutien_psy_note") or gettext(
            "This practice takes part in “Mon soutien psy”: anyone aged 3 or over with mild to "
            "moderate psychological distress can have up to 12 sessions a year covered by the "
            "Assurance Maladie and their complementary health insurance, without a doctor’s "
            "referral."
        )

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


def showing(folder, fields):
    """The records whose stored HTML, in any of `fields`, shows a file of the media `folder`."""
    return reduce(operator.or_, (models.Q(**{f"{field}__contains": folder}) for field in fields))


def on_one_line(text):
    return ", ".join(line.strip() for line in text.splitlines() if line.strip())


# A French address ends with a line "75011 Paris" (or "75011 Paris Cedex 11").
POSTCODE_LINE = re.compile(r"^(\d{5})\s+(.+)$")


def postal_address(text):
    """The address typed in the admin, one line per line, as a schema.org PostalAddress."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    address = {"@type": "PostalAddress", "addressCountry": "FR"}
    for index, line in enumerate(lines):
        if match := POSTCODE_LINE.match(line):
            address["streetAddress"] = ", ".join(lines[:index])
            address["postalCode"], address["addressLocality"] = match.groups()
            return address
    address["streetAddress"] = ", ".join(lines)
    return address


def format_price(amount):
    """`amount` in euros as the page's language writes prices ("€60", "60 €"); cents only
    when there are some."""
    return gettext("€%(amount)s") % {"amount": floatformat(amount, "-2")}


class Fee(models.Model):
    """A kind of session and its price: the law asks for fees to be shown (arrêté du 30 mai
    2018)."""

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

    @property
    def label(self):
        return in_active_language(self, "label")

    @property
    def price(self):
        return format_price(self.amount)


class OpeningHours(models.Model):
    """A time the practice is open on a day of the week; a day may have several."""

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


class LegalPage(FrenchTypesetMixin, models.Model):
    """A page of required information (legal notice, privacy policy) in both languages."""

    class Kind(models.TextChoices):
        LEGAL_NOTICE = "legal-notice", _("Legal notice")
        PRIVACY = "privacy", _("Privacy policy")

    # Written in the body as {name}: replaced when the page is shown by the practice details'
    # attribute (or method) named here, or by the setting of SETTING_PLACEHOLDERS. The one list
    # of them.
    PLACEHOLDERS = {
        "name": "psychologist_name",
        "publisher": "publisher_name",
        "title": "title",
        "rpps": "rpps",
        "adeli": "adeli",
        "siret": "siret",
        "insurer": "insurer",
        "address": "address_on_one_line",
        "phone": "phone",
        "email": "email",
        "host": "host_on_one_line",
        "host_name": "host_name",
        "host_address": "host_address_on_one_line",
        "host_phone": "host_phone",
    }
    SETTING_PLACEHOLDERS = {
        "retention_days": "ENQUIRY_RETENTION_DAYS",
        "backup_days": "BACKUP_KEEP_DAYS",
    }
    # What each page must say, in both languages, before the site goes live.
    REQUIRED_PLACEHOLDERS = {
        Kind.LEGAL_NOTICE: [
            "publisher",
            "name",
            "title",
            "rpps",
            "address",
            "phone",
            "email",
            "host_name",
            "host_address",
            "host_phone",
        ],
        Kind.PRIVACY: ["name", "address", "email", "retention_days", "backup_days"],
    }

    kind = models.CharField(_("page"), max_length=20, choices=Kind.choices, unique=True)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    body_fr = RichTextField(
        _("text (French)"),
        help_text=format_lazy(
            _(
                "Use the toolbar for headings, lists and links. These are replaced by the "
                "practice details: {placeholders}; {{retention_days}} by how long enquiries "
                "are kept, {{backup_days}} by how long backups are kept."
            ),
            placeholders=", ".join(f"{{{key}}}" for key in PLACEHOLDERS),
        ),
    )
    body_en = RichTextField(_("text (English)"))
    body_html_fr = models.TextField(_("text as HTML (French)"), editable=False)
    body_html_en = models.TextField(_("text as HTML (English)"), editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        db_table = "contact_legalpage"  # as for PracticeDetails
        ordering = ["kind"]
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")

    def __str__(self):
        return self.get_kind_display()

    french_texts = ["title_fr"]

    def save(self, *args, **kwargs):
        self.body_html_fr = render_html(self.body_fr, "fr")
        self.body_html_en = render_html(self.body_en, "en")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(f"practice:{self.kind}")

    @classmethod
    def render_texts_showing(cls, folder):
        """Render again the pages whose stored HTML shows a file of `folder` (Picture)."""
        for page in cls.objects.filter(showing(folder, ["body_html_fr", "body_html_en"])):
            page.save()

    @property
    def title(self):
        return in_active_language(self, "title")

    def missing_placeholders(self):
        """The required placeholders that the French or the English text lacks."""
        bodies = [self.body_fr, self.body_en]
        return [
            key
            for key in self.REQUIRED_PLACEHOLDERS.get(self.kind, [])
            if any(f"{{{key}}}" not in body for body in bodies)
        ]

    def body_html(self, details):
        """The stored HTML with the placeholders filled in from `details` and the settings;
        a detail left empty shows as a dash."""
        html = in_active_language(self, "body_html")
        values = {key: getattr(settings, name) for key, name in self.SETTING_PLACEHOLDERS.items()}
        for key, attribute in self.PLACEHOLDERS.items():
            value = getattr(details, attribute)
            values[key] = value() if callable(value) else value
        for key, value in values.items():
            # The stored HTML is already escaped; so must the values be.
            html = html.replace(f"{{{key}}}", escape(str(value)) if value != "" else "—")
        return html


class Presentation(FrenchTypesetMixin, SingletonModel):
    """Who the psychologist is and how she works, in her words: the home and About pages."""

    # What the home page says while she has written nothing (an empty field of the page's
    # language), so that it still reads well; the heading and the text must not repeat.
    DEFAULT_HEADING = _("Welcome")
    DEFAULT_INTRODUCTION = _(
        "Here you will find articles about psychotherapy and how it works, and how to get in "
        "touch with the practice."
    )

    heading_fr = models.CharField(
        _("home page heading (French)"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty for a plain welcome."),
    )
    heading_en = models.CharField(_("home page heading (English)"), max_length=120, blank=True)
    introduction_fr = models.TextField(
        _("introduction (French)"),
        blank=True,
        help_text=_("One or two sentences under the heading of the home page."),
    )
    introduction_en = models.TextField(_("introduction (English)"), blank=True)
    portrait = CleanImageField(
        _("portrait"),
        upload_to="portraits/",
        blank=True,
        width_field="portrait_width",
        height_field="portrait_height",
        # About its width on the page (14rem, 224 CSS pixels) on a screen of twice the density;
        # the link preview cropped from it is enlarged no more than three times.
        min_width=400,
        min_height=400,
        social_card=PortraitSocialCard.id,
        help_text=_(
            "A photo of you, shown on the home and About pages and when a page of the site is "
            "shared: JPEG, PNG or WebP, at least 400 × 400 pixels. Its location and camera "
            "details are removed before it is stored. Optional."
        ),
    )
    # Stored on upload, so that a page gives the image's size without opening the file.
    portrait_width = models.PositiveIntegerField(null=True, editable=False)
    portrait_height = models.PositiveIntegerField(null=True, editable=False)
    portrait_alt_fr = models.CharField(
        _("description of the portrait (French)"),
        max_length=200,
        blank=True,
        help_text=_("Read aloud to those who cannot see it, e.g. “Camille Exemple in her office”."),
    )
    portrait_alt_en = models.CharField(
        _("description of the portrait (English)"), max_length=200, blank=True
    )
    summary_fr = RichTextField(
        _("short presentation (French)"),
        blank=True,
        help_text=_(
            "On the home page: your training, your approach, whom you see (adults, couples, "
            "adolescents…) and the languages you consult in."
        ),
    )
    summary_en = RichTextField(_("short presentation (English)"), blank=True)
    summary_html_fr = models.TextField(
        _("short presentation in HTML (French)"), editable=False, default=""
    )
    summary_html_en = models.TextField(
        _("short presentation in HTML (English)"), editable=False, default=""
    )
    body_fr = RichTextField(
        _("full presentation (French)"),
        blank=True,
        help_text=_("The About page; while it is empty, that page shows the short presentation."),
    )
    body_en = RichTextField(_("full presentation (English)"), blank=True)
    body_html_fr = models.TextField(
        _("full presentation in HTML (French)"), editable=False, default=""
    )
    body_html_en = models.TextField(
        _("full presentation in HTML (English)"), editable=False, default=""
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("presentation")
        verbose_name_plural = _("presentation")

    def __str__(self):
        return str(_("Presentation"))

    french_texts = ["heading_fr", "introduction_fr", "portrait_alt_fr"]

    def save(self, *args, **kwargs):
        for language, _name in settings.LANGUAGES:
            for field in ["summary", "body"]:
                text = getattr(self, f"{field}_{language}")
                setattr(self, f"{field}_html_{language}", render_html(text, language))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("practice:about")

    @classmethod
    def render_texts_showing(cls, folder):
        """Render the presentation again if its stored HTML shows a file of `folder`
        (Picture)."""
        fields = [
            f"{field}_html_{language}"
            for field in ["summary", "body"]
            for language, _name in settings.LANGUAGES
        ]
        for presentation in cls.objects.filter(showing(folder, fields)):
            presentation.save()

    def clean(self):
        super().clean()
        if self.portrait and not (self.portrait_alt_fr.strip() and self.portrait_alt_en.strip()):
            raise ValidationError(
                _("Describe the portrait in French and in English, for those who cannot see it."),
                code="portrait_without_description",
            )

    @property
    def heading(self):
        return in_active_language(self, "heading") or self.DEFAULT_HEADING

    @property
    def introduction(self):
        return in_active_language(self, "introduction") or self.DEFAULT_INTRODUCTION

    @property
    def portrait_alt(self):
        return in_active_language(self, "portrait_alt")

    @property
    def summary_html(self):
        return in_active_language(self, "summary_html")

    @property
    def body_html(self):
        return in_active_language(self, "body_html")

    @property
    def about_html(self):
        """The About page's text: her full presentation; until she writes it, the short one."""
        return self.body_html or self.summary_html

    def social_image(self, request):
        """The link preview of the portrait (url, width, height, alt), or None without one."""
        if not self.portrait:
            return None
        return social_image(request, self.portrait, self.portrait_alt)


class PictureQuerySet(models.QuerySet):
    def shown_by(self, images):
        """The pictures that `images` of a text show, in one query: {image: picture}, each
        image an (address, id) pair, its `src` and the editor's `data-file`. An image shows the
        picture at its address or, failing that, the picture of its id: the editor keeps the id
        when the picture's file is replaced, not when the address is changed by hand."""
        names = {image: Picture.name_at(image[0] or "") for image in images}
        ids = {image[1] for image in images if image[1] and image[1].isdigit()}
        found = list(self.filter(models.Q(image__in=names.values()) | models.Q(pk__in=ids)))
        by_name = {picture.image.name: picture for picture in found}
        by_id = {str(picture.pk): picture for picture in found}
        shown = {image: by_name.get(names[image]) or by_id.get(image[1]) for image in images}
        return {image: picture for image, picture in shown.items() if picture}


class Picture(models.Model):
    """A picture of the media library: uploaded once, placed from the visual editor in any text
    (an article, the presentation, a legal page), where it is served in responsive sizes."""

    UPLOAD_TO = "pictures/"
    # The models of the texts a picture can be placed in (with the editor's EDITOR_EXTENSIONS);
    # each renders again, with render_texts_showing(folder), those whose stored HTML shows a
    # file of the folder of a picture's renditions.
    TEXT_MODELS = ["articles.ArticleVersion", "practice.Presentation", "practice.LegalPage"]

    image = CleanImageField(
        _("image"),
        upload_to=UPLOAD_TO,
        width_field="width",
        height_field="height",
        # As wide as the narrowest size served: a phone's screen.
        min_width=RENDITION_WIDTHS[0],
        help_text=_(
            "A photograph or picture: JPEG, PNG or WebP, at least 480 pixels wide. Its "
            "location and camera details are removed before it is stored."
        ),
    )
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("To find it in the library; readers do not see it."),
    )
    description = models.CharField(
        _("description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for readers who cannot see it (alternative text), e.g. "
            "“Two armchairs facing each other by a window”. Offered when you place the picture "
            "in a text, where you can adapt it to the text’s language."
        ),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = PictureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.image.url

    @classmethod
    def name_at(cls, address):
        """The stored name of the library picture an image `address` points to, or "".

        Read from the end of the address ("…/pictures/<name>"), whatever comes before it, so
        that a text keeps its pictures when the media move (to a bucket, another domain). Any
        address is safe to read so: what a page shows is made from the stored picture alone.
        """
        path = unquote(urlsplit(address).path)
        _before, found, name = path.rpartition(f"/{cls.UPLOAD_TO}")
        return f"{cls.UPLOAD_TO}{name}" if found and name and "/" not in name else ""

    def thumbnail(self):
        """The smallest JPEG rendition, as the admin shows the picture: {url, width, height}."""
        size = original_size(self.image)
        width = rendition_widths(size[0])[0]
        rendition = renditions(self.image, size[0])[FALLBACK_FORMAT, width]
        return {"url": rendition.url, "width": width, "height": scaled_height(size, width)}

    def responsive_html(self, alt, sizes):
        """This picture as a <picture> of its renditions (see `{% responsive_image %}`),
        described by `alt` and shown `sizes` wide; fetched lazily, as a text's pictures are
        below its start."""
        return render_to_string(
            "includes/responsive_image.html", responsive_image(self.image, alt, sizes)
        ).strip()


def render_texts_again(file_name, **kwargs):
    """Receiver of django-cleanup's cleanup_post_delete for Picture: a picture deleted, or whose
    file was replaced, has just lost its old file and renditions (after the commit), which the
    texts showing it still name in their stored HTML. Render those texts again: they show the
    new file (found by the id the editor keeps) or, the picture deleted, none."""
    folder = renditions_folder(file_name)
    for label in Picture.TEXT_MODELS:
        apps.get_model(label).render_texts_showing(folder)
