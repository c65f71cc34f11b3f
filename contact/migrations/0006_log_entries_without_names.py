from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Concat


def forget_names(apps, schema_editor):
    """The admin's log named enquiries after their sender ("Élise Dupré, 2025-03-01 10:00"):
    name them by number, as Enquiry.__str__ now does, in the admin's language (French)."""
    LogEntry = apps.get_model("admin", "LogEntry")
    LogEntry.objects.filter(
        content_type__app_label="contact", content_type__model="enquiry"
    ).update(object_repr=Concat(Value("Message n° "), "object_id"))


class Migration(migrations.Migration):
    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contact", "0005_alter_enquiry_message"),
    ]

    operations = [migrations.RunPython(forget_names, migrations.RunPython.noop)]
