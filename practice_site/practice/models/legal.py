"""The legal pages (legal notice, privacy policy): texts of hers with placeholders that the
practice details and the settings fill in when a page is shown."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from practice_site.richtext.care import languages_with_help_box, render_with_help_box, with_guidance
from practice_site.richtext.fields import RichTextField

from .base import FrenchTypesetMixin, in_active_language, showing


class LegalPage(FrenchTypesetMixin, models.Model):
    """A page of required information (legal notice, privacy policy) in both languages."""

    shown_to_readers = True

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
        help_text=with_guidance(
            format_lazy(
                _(
                    "Use the toolbar for headings, lists and links. These are replaced by the "
                    "practice details: {placeholders}; {{retention_days}} by how long enquiries "
                    "are kept, {{backup_days}} by how long backups are kept."
                ),
                placeholders=", ".join(f"{{{key}}}" for key in PLACEHOLDERS),
            )
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
        self.body_html_fr = render_with_help_box(self.body_fr, "fr")
        self.body_html_en = render_with_help_box(self.body_en, "en")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(f"practice:{self.kind}")

    def help_box_languages(self):
        """The languages whose text got the help box beside suicide."""
        return languages_with_help_box(self, ["body_html"])

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
