"""Picture now belongs to the pictures app (its migration 0001 took over the table and the
content type): the practice app forgets it without touching the database."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0021_privacy_policy_on_sign_ins_and_logs"),
        ("pictures", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Picture")],
        ),
    ]
