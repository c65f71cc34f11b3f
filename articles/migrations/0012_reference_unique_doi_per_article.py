from django.db import migrations, models
from django.db.models.functions import Lower


def drop_duplicate_references(apps, schema_editor):
    """Before the constraint: of the references of an article that share a DOI (the admin let
    her paste one twice), keep the first entered. The versions' stored HTML may still link a
    citation to the dropped one: `manage.py render_articles` renders them again (the live
    rendering code is not for a migration)."""
    Reference = apps.get_model("articles", "Reference")
    kept = set()
    for reference in Reference.objects.exclude(doi="").order_by("pk"):
        key = (reference.article_id, reference.doi.casefold())
        if key in kept:
            reference.delete()
        else:
            kept.add(key)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_article_illustration"),
    ]

    operations = [
        migrations.RunPython(drop_duplicate_references, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="reference",
            constraint=models.UniqueConstraint(
                models.F("article"),
                Lower("doi"),
                condition=models.Q(("doi", ""), _negated=True),
                name="unique_doi_per_article",
                violation_error_code="duplicate_doi",
                violation_error_message=(
                    "Another reference of this article has this DOI: the work would be listed "
                    "twice."
                ),
            ),
        ),
    ]
