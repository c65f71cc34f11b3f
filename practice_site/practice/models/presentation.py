"""Who the psychologist is and how she works, in her words, with her portrait: the home and
About pages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from practice_site.pictures.images import CleanImageField, PortraitSocialCard, social_image
from practice_site.richtext.care import languages_with_help_box, render_with_help_box, with_guidance
from practice_site.richtext.fields import RichTextField

from .base import FrenchTypesetMixin, SingletonModel, in_active_language, showing


class Presentation(FrenchTypesetMixin, SingletonModel):
    """Who the psychologist is and how she works, in her words: the home and About pages."""

    shown_to_readers = True

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
        help_text=with_guidance(
            _(
                "On the home page: your training, your approach, whom you see (adults, couples, "
                "adolescents…) and the languages you consult in."
            )
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
        help_text=with_guidance(
            _("The About page; while it is empty, that page shows the short presentation.")
        ),
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
                setattr(self, f"{field}_html_{language}", render_with_help_box(text, language))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("practice:about")

    def help_box_languages(self):
        """The languages whose text got the help box beside suicide."""
        return languages_with_help_box(self, ["summary_html", "body_html"])

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
