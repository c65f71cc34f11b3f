from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_reference_unique_doi_per_article"),
    ]

    operations = [
        migrations.AddField(
            model_name="articleversion",
            name="original_revised_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="original revised"),
        ),
        migrations.AddField(
            model_name="articleversion",
            name="translated_from",
            field=models.JSONField(
                editable=False, null=True, verbose_name="original as translated"
            ),
        ),
        migrations.AddField(
            model_name="articleversion",
            name="translation_checked_at",
            field=models.DateTimeField(
                editable=False, null=True, verbose_name="translation marked up to date"
            ),
        ),
    ]
