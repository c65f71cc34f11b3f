"""The article as a work: what its language versions share."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from practice_site.pictures.images import CleanImageField

from ..citations import linked_citations


class Article(models.Model):
    """An article as a work: what its language versions share (author, references)."""

    shown_to_readers = True

    author = models.CharField(
        _("author"),
        max_length=200,
        blank=True,
        help_text=_("The name shown under the article; if empty, it is signed by the practice."),
    )
    illustration = CleanImageField(
        _("illustration"),
        upload_to="articles/",
        blank=True,
        width_field="illustration_width",
        height_field="illustration_height",
        # As wide as the widest size served, and as tall as a link preview (1200 × 630).
        min_width=1200,
        min_height=630,
        help_text=_(
            "A photograph or picture shown at the top of the article and when it is shared: "
            "JPEG, PNG or WebP, at least 1200 × 630 pixels. Its location and camera details "
            "are removed before it is stored. Describe it in each language version below."
        ),
    )
    themes = models.ManyToManyField(
        "Theme",
        blank=True,
        related_name="articles",
        verbose_name=_("themes"),
        help_text=_("The themes this article belongs to; readers find it on their pages."),
    )
    illustration_width = models.PositiveIntegerField(null=True, editable=False)
    illustration_height = models.PositiveIntegerField(null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        version = self.original_version()
        return version.title if version else _("Article #%(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        version = self.original_version()
        return version.get_absolute_url() if version else ""

    def references_changed(self):
        """A reference was added, edited or deleted: render every version again, as its
        citations link to the references, and date the change, which Last-Modified, the
        sitemap's lastmod and the structured data's dateModified follow.

        Called by Reference.save() and delete(); a bulk update or delete of references
        (a queryset, the shell) skips it: run `manage.py render_articles` after one."""
        self.render_versions()
        self.save(update_fields=["updated_at"])

    def render_versions(self):
        """Render every version's body again; write back those whose rendering changed and
        return how many did."""
        changed = 0
        # Read afresh, not from a prefetched (maybe stale) list; only rendered fields written.
        # (The versions' model through the relation: versions.py stands on this module.)
        version_model = self.versions.model
        for version in version_model.objects.filter(article=self):
            before = [getattr(version, name) for name in version_model.RENDERED_FIELDS]
            version.render()
            if [getattr(version, name) for name in version_model.RENDERED_FIELDS] != before:
                version.save(update_fields=version_model.RENDERED_FIELDS)
                changed += 1
        return changed

    def citations_of(self, references):
        """Where the versions cite `references`: {citation text: the versions citing it}, as
        the versions were last saved, e.g. {"Bordin, 1979": [French, English]}."""
        ids = {reference.pk for reference in references}
        order = [code for code, _name in settings.LANGUAGES]
        found = {}
        for version in sorted(self.versions.all(), key=lambda v: order.index(v.language)):
            if ids.isdisjoint(version.cited_references):
                continue
            for pk, texts in linked_citations(version.body_html).items():
                for text in texts if pk in ids else ():
                    found.setdefault(text, []).append(version)
        return found

    def original_version(self):
        """The version written first, which the others translate."""
        return self.original_among(self.versions.all())

    @staticmethod
    def original_among(versions):
        """The original of an article's `versions` (all of them, as loaded by the caller): the
        one written first, whichever its language, as an article she writes in English and
        then translates into French has the English for its original."""
        return min(versions, key=lambda v: v.pk, default=None)
