"""RateLimitCounter now belongs to the core app (its migration 0001 took over the table and the
content type): the contact app forgets it without touching the database."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0008_enquiry_sent_to_and_handled"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="RateLimitCounter")],
        ),
    ]
