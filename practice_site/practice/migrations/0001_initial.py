"""The practice details and the legal pages move from the contact app, which now keeps only
the enquiries, to this one: the same tables and rows, untouched (the models name their table), so
the code being replaced keeps working while this runs; their content types (and so their
permissions and admin history) follow them.
"""

from django.db import migrations, models

MOVED = ["practicedetails", "legalpage"]


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="contact", model__in=MOVED).update(app_label="practice")


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="practice", model__in=MOVED).update(app_label="contact")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contact", "0002_practice_details_and_legal_pages"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        # The tables exist (contact 0001): only Django's view of them changes here.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="LegalPage",
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
                            "kind",
                            models.CharField(
                                choices=[
                                    ("legal-notice", "Legal notice"),
                                    ("privacy", "Privacy policy"),
                                ],
                                max_length=20,
                                unique=True,
                                verbose_name="page",
                            ),
                        ),
                        (
                            "title_fr",
                            models.CharField(max_length=200, verbose_name="title (French)"),
                        ),
                        (
                            "title_en",
                            models.CharField(max_length=200, verbose_name="title (English)"),
                        ),
                        (
                            "body_fr",
                            models.TextField(
                                help_text="Markdown. {name}, {title}, {adeli}, {address}, {phone}, {email} and {host} are replaced by the practice details, {retention_days} by how long enquiries are kept.",
                                verbose_name="text (French)",
                            ),
                        ),
                        ("body_en", models.TextField(verbose_name="text (English)")),
                        ("body_html_fr", models.TextField(editable=False)),
                        ("body_html_en", models.TextField(editable=False)),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                    ],
                    options={
                        "verbose_name": "legal page",
                        "verbose_name_plural": "legal pages",
                        "ordering": ["kind"],
                        "db_table": "contact_legalpage",
                    },
                ),
                migrations.CreateModel(
                    name="PracticeDetails",
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
                            "psychologist_name",
                            models.CharField(max_length=120, verbose_name="psychologist's name"),
                        ),
                        (
                            "title_fr",
                            models.CharField(
                                max_length=120, verbose_name="professional title (French)"
                            ),
                        ),
                        (
                            "title_en",
                            models.CharField(
                                max_length=120, verbose_name="professional title (English)"
                            ),
                        ),
                        (
                            "registration_number",
                            models.CharField(
                                help_text="Shown on the legal notice.",
                                max_length=20,
                                verbose_name="ADELI or RPPS number",
                            ),
                        ),
                        (
                            "address",
                            models.TextField(
                                help_text="One line per line of the address.",
                                verbose_name="postal address",
                            ),
                        ),
                        (
                            "phone",
                            models.CharField(
                                max_length=30, verbose_name="phone (calls and text messages)"
                            ),
                        ),
                        (
                            "email",
                            models.EmailField(max_length=254, verbose_name="public email address"),
                        ),
                        (
                            "practical_note_fr",
                            models.TextField(
                                blank=True,
                                help_text="How and when you answer, e.g. “I answer within two working days.”",
                                verbose_name="practical note (French)",
                            ),
                        ),
                        (
                            "practical_note_en",
                            models.TextField(blank=True, verbose_name="practical note (English)"),
                        ),
                        (
                            "host",
                            models.TextField(
                                blank=True,
                                help_text="Name, address and phone of the hosting company, for the legal notice.",
                                verbose_name="website host",
                            ),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                    ],
                    options={
                        "verbose_name": "practice details",
                        "verbose_name_plural": "practice details",
                        "db_table": "contact_practicedetails",
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
