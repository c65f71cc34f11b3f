"""How often each published article was read lately, per language version: the audience app
counts pages by their path alone, and each version knows its path."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from practice_site.audience.models import ReadCount

from .models import ArticleVersion

# The admin home shows the last 30 days, today included.
DAYS = 30
# The chart of a row: one bar a day, in pixels.
BAR_WIDTH, BAR_GAP, CHART_HEIGHT = 4, 1, 24


class Bar(NamedTuple):
    x: int
    y: int
    height: int
    day: date
    reads: int


@dataclass
class VersionReads:
    """One version's reads per day, the oldest day first."""

    version: ArticleVersion
    first_day: date
    daily: list

    @property
    def total(self):
        return sum(self.daily)

    @property
    def bars(self):
        """Bars as high as their day's reads against the row's busiest day; a day with reads
        is one pixel high at least."""
        peak = max(self.daily)
        bars = []
        for index, reads in enumerate(self.daily):
            height = max(1, round(reads * CHART_HEIGHT / peak)) if reads else 0
            x = index * (BAR_WIDTH + BAR_GAP)
            day = self.first_day + timedelta(days=index)
            bars.append(Bar(x, CHART_HEIGHT - height, height, day, reads))
        return bars

    @property
    def description(self):
        """The chart's figures, for whoever cannot see it."""
        last_day = self.first_day + timedelta(days=len(self.daily) - 1)
        return _("Reads per day from %(first)s to %(last)s: %(figures)s") % {
            "first": formats.date_format(self.first_day, "j F"),
            "last": formats.date_format(last_day, "j F"),
            "figures": ", ".join(str(reads) for reads in self.daily),
        }


@dataclass
class RecentReads:
    days: int
    rows: list

    chart_width = DAYS * (BAR_WIDTH + BAR_GAP) - BAR_GAP
    chart_height = CHART_HEIGHT
    baseline_y = CHART_HEIGHT - 1
    bar_width = BAR_WIDTH


def recent_reads(today=None):
    """The published versions read in the last DAYS days, the most read first. Counts of a path
    that no published version has now (one unpublished since, or whose address changed) are
    left out."""
    today = today or timezone.localdate()
    first_day = today - timedelta(days=DAYS - 1)
    versions = {
        version.get_absolute_url(): version
        for version in ArticleVersion.objects.published().only(
            "article_id", "language", "slug", "title"
        )
    }
    daily = {}
    counts = ReadCount.objects.filter(day__range=(first_day, today))
    for path, day, reads in counts.values_list("path", "day", "reads"):
        if path in versions:
            daily.setdefault(path, [0] * DAYS)[(day - first_day).days] += reads
    rows = [VersionReads(versions[path], first_day, figures) for path, figures in daily.items()]
    rows.sort(key=lambda row: (-row.total, row.version.title))
    return RecentReads(DAYS, rows)
