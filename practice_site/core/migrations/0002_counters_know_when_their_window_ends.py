"""Each counter keeps when its window ends, so that purge_enquiries deletes only ended windows
without knowing every limit that counts (the contact form, the password reset, the sign-in
lock of an account, /health/). A counter already there is given a day, longer than any
default limit's period, so that none in use is cut short; labels that spoke of enquiries only say what
any limit counts."""

import datetime

from django.db import migrations, models
from django.db.models import F


def give_existing_counters_a_day(apps, schema_editor):
    RateLimitCounter = apps.get_model("core", "RateLimitCounter")
    RateLimitCounter.objects.update(window_end=F("window_start") + datetime.timedelta(days=1))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="ratelimitcounter",
            name="window_end",
            field=models.DateTimeField(null=True, verbose_name="window end"),
        ),
        migrations.RunPython(give_existing_counters_a_day, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="ratelimitcounter",
            name="window_end",
            field=models.DateTimeField(verbose_name="window end"),
        ),
        migrations.AlterField(
            model_name="ratelimitcounter",
            name="count",
            field=models.PositiveIntegerField(default=0, verbose_name="count in the window"),
        ),
        migrations.AlterField(
            model_name="ratelimitcounter",
            name="key",
            field=models.CharField(max_length=64, unique=True, verbose_name="counted key"),
        ),
    ]
