"""What the practice's models share: a record of one (SingletonModel), French typography on
save, the active language's value of a bilingual field, and small formatting helpers."""

import operator
import re
from functools import reduce

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.template.defaultfilters import floatformat
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from practice_site.caching import content_version
from practice_site.richtext.rendering import french_spaces


def in_active_language(instance, field):
    """The value of `<field>_<language>` for the active language (`title_en` on an English
    page). An empty English value stays empty: French must never show on an English page."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return getattr(instance, f"{field}_{language}", getattr(instance, f"{field}_fr"))


class FrenchTypesetMixin:
    """For a model with short French texts written in the admin: they get French typography
    (practice_site.richtext.rendering.french_spaces) when saved, as the article bodies do."""

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


def format_date(day):
    """`day` as the page's language writes a date in a sentence: "1er janvier 2025" in French
    (the first of the month is an ordinal), the format of Django's locale otherwise."""
    text = date_format(day)
    if translation.get_language() == "fr" and day.day == 1:
        text = "1er" + text.removeprefix("1")
    return text


def format_price(amount):
    """`amount` in euros as the page's language writes prices ("€60", "60 €"); cents only
    when there are some."""
    return gettext("€%(amount)s") % {"amount": floatformat(amount, "-2")}
