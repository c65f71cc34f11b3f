from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from practice_site.caching import content_version
from practice_site.rendering import render_markdown


def in_active_language(instance, field):
    """The value of `<field>_<language>` for the active language (`title_en` on an English
    page). An empty English value stays empty: French must never show on an English page."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return getattr(instance, f"{field}_{language}", getattr(instance, f"{field}_fr"))


class PracticeDetails(models.Model):
    """The practice's public details: one record, edited in the admin, shown on every page."""

    psychologist_name = models.CharField(_("psychologist's name"), max_length=120)
    title_fr = models.CharField(_("professional title (French)"), max_length=120)
    title_en = models.CharField(_("professional title (English)"), max_length=120)
    registration_number = models.CharField(
        _("ADELI or RPPS number"), max_length=20, help_text=_("Shown on the legal notice.")
    )
    address = models.TextField(
        _("postal address"), help_text=_("One line per line of the address.")
    )
    phone = models.CharField(_("phone (calls and text messages)"), max_length=30)
    email = models.EmailField(_("public email address"))
    practical_note_fr = models.TextField(
        _("practical note (French)"),
        blank=True,
        help_text=_("How and when you answer, e.g. “I answer within two working days.”"),
    )
    practical_note_en = models.TextField(_("practical note (English)"), blank=True)
    host = models.TextField(
        _("website host"),
        blank=True,
        help_text=_("Name, address and phone of the hosting company, for the legal notice."),
    )
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

    def address_on_one_line(self):
        return ", ".join(line.strip() for line in self.address.splitlines() if line.strip())


class LegalPage(models.Model):
    """A page of required information (legal notice, privacy policy) in both languages."""

    class Kind(models.TextChoices):
        LEGAL_NOTICE = "legal-notice", _("Legal notice")
        PRIVACY = "privacy", _("Privacy policy")

    # Written in the body as {name}: replaced by the practice details when the page is shown.
    PLACEHOLDERS = ("name", "title", "adeli", "address", "phone", "email", "host", "retention_days")

    kind = models.CharField(_("page"), max_length=20, choices=Kind.choices, unique=True)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    body_fr = models.TextField(
        _("text (French)"),
        help_text=_(
            "Markdown. {name}, {title}, {adeli}, {address}, {phone}, {email} and {host} are "
            "replaced by the practice details, {retention_days} by how long enquiries are kept."
        ),
    )
    body_en = models.TextField(_("text (English)"))
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
        self.body_html_fr = render_markdown(self.body_fr, "fr")
        self.body_html_en = render_markdown(self.body_en, "en")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(f"practice:{self.kind}")

    @property
    def title(self):
        return in_active_language(self, "title")

    def body_html(self, details):
        """The stored HTML with the placeholders filled in from `details` and the settings."""
        html = in_active_language(self, "body_html")
        values = {
            "name": details.psychologist_name,
            "title": details.title,
            "adeli": details.registration_number,
            "address": details.address_on_one_line(),
            "phone": details.phone,
            "email": details.email,
            "host": details.host,
            "retention_days": settings.ENQUIRY_RETENTION_DAYS,
        }
        for key in self.PLACEHOLDERS:
            # The stored HTML is already escaped; so must the values be.
            html = html.replace(f"{{{key}}}", escape(str(values[key])))
        return html
