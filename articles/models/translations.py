"""Translations in step: each version that is not its article's original records the state of
the original it translates, so that a later revision of the original shows, dated and as a word
diff, until the translator marks the translation up to date."""

from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from ..textdiff import word_diff, words_of_html, words_of_text
from .works import Article

# What a translation translates: the original's texts, which the diff compares word by word.
TRANSLATED_FIELDS = ["title", "summary", "body"]

OUT_OF_DATE = {
    "en": _("The English translation has been out of date since %(date)s."),
    "fr": _("The French translation has been out of date since %(date)s."),
}


def words_of(texts):
    """The words of a version's `texts` ({field: text}) field by field, as a reader reads them:
    the body's markup left out, so that bolding a word is no revision to translate."""
    return {
        name: (words_of_html if name == "body" else words_of_text)(texts.get(name, ""))
        for name in TRANSLATED_FIELDS
    }


@dataclass
class StaleTranslation:
    """A translation whose original changed since it was last marked up to date."""

    translation: models.Model
    original: models.Model
    since: datetime

    def message(self):
        """ "The English translation has been out of date since 3 May 2025.", in the active
        language."""
        template = OUT_OF_DATE.get(self.translation.language, OUT_OF_DATE["en"])
        return template % {"date": formats.date_format(timezone.localtime(self.since))}

    def changes(self):
        """What changed in the original since: [(field's name, word diff as safe HTML)], for
        the fields that changed."""
        before = words_of(self.translation.translated_from)
        now = words_of(self.original.translated_texts())
        return [
            (self.original._meta.get_field(name).verbose_name, word_diff(before[name], now[name]))
            for name in TRANSLATED_FIELDS
            if before[name] != now[name]
        ]


class TranslationState(models.Model):
    """The state of its original that a translation translates, on ArticleVersion.

    The original's texts are kept as they stood when the translation was last marked up to date
    (`translated_from`), as written rather than as plain text: what is compared and shown is
    worked out from them each time, so it may improve without the record going wrong. Comparing
    them with the original's current texts tells whether it is out of date and what changed;
    `original_revised_at` dates the first revision since, which a snapshot cannot tell. A
    version is marked up to date when it becomes a translation (she translated the current
    original), and when she says so in the admin; the original's own record goes unused.
    """

    translated_from = models.JSONField(_("original as translated"), null=True, editable=False)
    translation_checked_at = models.DateTimeField(
        _("translation marked up to date"), null=True, editable=False
    )
    original_revised_at = models.DateTimeField(_("original revised"), null=True, editable=False)

    class Meta:
        abstract = True

    def translated_texts(self):
        return {name: getattr(self, name) for name in TRANSLATED_FIELDS}

    def stale_translation(self, versions=None):
        """A StaleTranslation if this version translates an original that changed since it was
        last marked up to date, else None. `versions`: the article's versions, if loaded."""
        if self.translated_from is None:
            return None
        original = Article.original_among(
            self.article.versions.all() if versions is None else versions
        )
        if original is None or original.pk == self.pk:
            return None
        if words_of(self.translated_from) == words_of(original.translated_texts()):
            return None
        return StaleTranslation(
            self, original, self.original_revised_at or self.translation_checked_at
        )

    def mark_up_to_date(self):
        """She has brought this translation in step with its original as it stands now."""
        original = Article.original_among(type(self).objects.filter(article_id=self.article_id))
        self.translated_from = original.translated_texts()
        self.translation_checked_at = timezone.now()
        self.original_revised_at = None
        self.save(
            update_fields=["translated_from", "translation_checked_at", "original_revised_at"]
        )

    def keep_translations_in_step(self):
        """After this version's texts were saved: a version that has just become a translation
        (a new one, or the article's original changed) is up to date with the original as it
        stands; one whose original has just been revised since its mark is dated so."""
        versions = list(type(self).objects.filter(article_id=self.article_id))
        original = Article.original_among(versions)
        now = timezone.now()
        texts = original.translated_texts()
        for version in versions:
            if version.pk == original.pk:
                continue
            if version.translated_from is None:
                changes = {"translated_from": texts, "translation_checked_at": now}
            else:
                in_step = words_of(version.translated_from) == words_of(texts)
                if in_step == (version.original_revised_at is None):
                    continue
                changes = {"original_revised_at": None if in_step else now}
            # An update, not a save: no other version's save runs again, nor its rendering.
            type(self).objects.filter(pk=version.pk).update(**changes)
            if version.pk == self.pk:
                for name, value in changes.items():
                    setattr(self, name, value)
