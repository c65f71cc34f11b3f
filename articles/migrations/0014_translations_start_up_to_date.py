"""The translations written before their state was recorded (the alliance article's English)
translate their original as it stands: each starts up to date, with no note to its readers."""

from django.db import migrations
from django.utils import timezone

# An article's original is its version written first (Article.original_version()).
TRANSLATED_FIELDS = ["title", "summary", "body"]


def mark_translations_up_to_date(apps, schema_editor):
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    now = timezone.now()
    by_article = {}
    for version in ArticleVersion.objects.order_by("pk"):
        by_article.setdefault(version.article_id, []).append(version)
    for versions in by_article.values():
        original = min(versions, key=lambda v: v.pk)
        texts = {name: getattr(original, name) for name in TRANSLATED_FIELDS}
        for version in versions:
            if version.pk != original.pk and version.translated_from is None:
                ArticleVersion.objects.filter(pk=version.pk).update(
                    translated_from=texts, translation_checked_at=now, original_revised_at=None
                )


def forget_translation_state(apps, schema_editor):
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    ArticleVersion.objects.update(
        translated_from=None, translation_checked_at=None, original_revised_at=None
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_translation_state"),
    ]

    operations = [
        migrations.RunPython(mark_translations_up_to_date, forget_translation_state),
    ]
