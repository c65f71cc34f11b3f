"""The practice details and the legal pages now belong to the practice app (its migration 0001
took over their tables): the contact app forgets them without touching the database."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0002_practice_details_and_legal_pages"),
        ("practice", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="LegalPage"),
                migrations.DeleteModel(name="PracticeDetails"),
            ],
        ),
    ]
