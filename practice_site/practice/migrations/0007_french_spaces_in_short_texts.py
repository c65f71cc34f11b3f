"""Typeset the French short texts stored before the models did it on save (PracticeDetails
and LegalPage.save): no-break spaces before : ; ? ! and inside « », in numbers and units."""

from django.db import migrations

from ._frozen_french_spaces import french_spaces

FIELDS = {"PracticeDetails": ["title_fr", "practical_note_fr"], "LegalPage": ["title_fr"]}


def typeset(apps, schema_editor):
    for model_name, fields in FIELDS.items():
        model = apps.get_model("practice", model_name)
        for record in model.objects.all():
            # An UPDATE: the stored rendering stays, and updated_at is no edit's date.
            model.objects.filter(pk=record.pk).update(
                **{field: french_spaces(getattr(record, field)) for field in fields}
            )


class Migration(migrations.Migration):
    dependencies = [("practice", "0006_verbose_names")]

    operations = [migrations.RunPython(typeset, migrations.RunPython.noop)]
