"""Typeset the French titles and summaries stored before ArticleVersion.save did it: no-break
spaces before : ; ? ! and inside « », in numbers and units. They show as stored in <title>, the
meta description, the feed, the structured data and "cite this"."""

from django.db import migrations

from practice_site.practice.migrations._frozen_french_spaces import french_spaces


def typeset(apps, schema_editor):
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    for version in ArticleVersion.objects.filter(language="fr"):
        # An UPDATE: the stored rendering stays, and updated_at is no edit's date.
        ArticleVersion.objects.filter(pk=version.pk).update(
            title=french_spaces(version.title), summary=french_spaces(version.summary)
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_verbose_names")]

    operations = [migrations.RunPython(typeset, migrations.RunPython.noop)]
