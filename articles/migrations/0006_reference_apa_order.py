"""References are listed in APA order, worked out from their authors, year and title
(Reference.reference_list): the position typed in the admin has no purpose left."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_alliance_language_fixes"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="reference",
            options={
                "ordering": ["authors", "year", "title"],
                "verbose_name": "reference",
                "verbose_name_plural": "references",
            },
        ),
        migrations.RemoveField(
            model_name="reference",
            name="position",
        ),
    ]
