from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from practice_site.caching import content_version
from practice_site.editing import RichTextField
from practice_site.rendering import render_html

from .validators import validate_adeli, validate_rpps, validate_siret


def in_active_language(instance, field):
    """The value of `<field>_<language>` for the active language (`title_en` on an English
    page). An empty English value stays empty: French must never show on an English page."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return getattr(instance, f"{field}_{language}", getattr(instance, f"{field}_fr"))


class PracticeDetails(models.Model):
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
        _("postal address"), help_text=_("One line per line of the address.")
    )
    phone = models.CharField(_("phone (calls and text messages)"), max_length=30)
    email = models.EmailField(_("public email address"))
    # Shown as written, with no stored rendering of their own: saving sanitises them in place.
    practical_note_fr = RichTextField(
        _("practical note (French)"),
        blank=True,
        help_text=_("How and when you answer, e.g. “I answer within two working days.”"),
    )
    practical_note_en = RichTextField(_("practical note (English)"), blank=True)
    # The legal notice must name the host (LCEN art. 6 III): its name, address and phone.
    host_name = models.CharField(
        _("host's name"),
        max_length=200,
        help_text=_("The company that hosts the website, e.g. as named in its contract."),
    )
    host_address = models.TextField(
        _("host's postal address"), help_text=_("One line per line of the address.")
    )
    host_phone = models.CharField(_("host's phone"), max_length=30)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        # The table made when the model lived in the contact app: moving it changed no data.
        db_table = "contact_practicedetails"
        verbose_name = _("practice details")
        verbose_name_plural = _("practice details")

    def __str__(self):
        return str(_("Practice details"))

    def save(self, *args, **kwargs):
        self.pk = 1
        self.practical_note_fr = render_html(self.practical_note_fr, "fr")
        self.practical_note_en = render_html(self.practical_note_en, "en")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("contact:enquiry")

    @classmethod
    def load(cls):
        """The single record, from the shared cache: it is on every page, so it must not cost a
        query per page view. Kept under the content version, so any edit a reader could see
        (this record included) replaces it."""
        key = f"practice:details:{content_version()}"
        details = cache.get(key)
        if details is None:
            details = cls.objects.filter(pk=1).first() or cls()
            cache.set(key, details, timeout=settings.PAGE_CACHE_SECONDS or None)
        return details

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


def on_one_line(text):
    return ", ".join(line.strip() for line in text.splitlines() if line.strip())


class LegalPage(models.Model):
    """A page of required information (legal notice, privacy policy) in both languages."""

    class Kind(models.TextChoices):
        LEGAL_NOTICE = "legal-notice", _("Legal notice")
        PRIVACY = "privacy", _("Privacy policy")

    # Written in the body as {name}: replaced when the page is shown by the practice details'
    # attribute (or method) named here, {retention_days} by the setting. The one list of them.
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
        "retention_days": None,
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
        Kind.PRIVACY: ["name", "address", "email", "retention_days"],
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
                "are kept."
            ),
            placeholders=", ".join(f"{{{key}}}" for key in PLACEHOLDERS if key != "retention_days"),
        ),
    )
    body_en = RichTextField(_("text (English)"))
    body_html_fr = models.TextField(editable=False)
    body_html_en = models.TextField(editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        db_table = "contact_legalpage"  # as for PracticeDetails
        ordering = ["kind"]
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")

    def __str__(self):
        return self.get_kind_display()

    def save(self, *args, **kwargs):
        self.body_html_fr = render_html(self.body_fr, "fr")
        self.body_html_en = render_html(self.body_en, "en")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(f"practice:{self.kind}")

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
        for key, attribute in self.PLACEHOLDERS.items():
            if attribute is None:
                value = settings.ENQUIRY_RETENTION_DAYS
            else:
                value = getattr(details, attribute)
                value = value() if callable(value) else value
            # The stored HTML is already escaped; so must the values be.
            html = html.replace(f"{{{key}}}", escape(str(value)) if value != "" else "—")
        return html
