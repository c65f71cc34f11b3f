"""RateLimitCounter moves from the contact app to core, which the password reset, the sign-in
lock and /health/ import as the contact form does: its table (contact_ratelimitcounter) stays,
its content type is relabelled. The contact app forgets it in its migration 0009."""

from django.db import migrations, models

from ._model_moves import move_content_type


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0008_enquiry_sent_to_and_handled"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="RateLimitCounter",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "key",
                            models.CharField(max_length=64, unique=True, verbose_name="client"),
                        ),
                        ("window_start", models.DateTimeField(verbose_name="window start")),
                        (
                            "count",
                            models.PositiveIntegerField(
                                default=0, verbose_name="enquiries in the window"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "rate-limit counter",
                        "verbose_name_plural": "rate-limit counters",
                        "db_table": "contact_ratelimitcounter",
                        "ordering": ["window_start"],
                    },
                ),
            ],
        ),
        move_content_type("ratelimitcounter", "contact", "core"),
    ]
