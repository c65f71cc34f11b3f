"""Picture moves from the practice app to the pictures app, beside the image pipeline it is
made of: its table (practice_picture) stays, its content type is relabelled, so permissions,
admin log entries and history follow. The practice app forgets it in its migration 0022."""

from django.db import migrations, models

import practice_site.pictures.images
from practice_site.core.migrations._model_moves import move_content_type


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0020_forget_what_failed_sign_ins_typed"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Picture",
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
                            "image",
                            practice_site.pictures.images.CleanImageField(
                                height_field="height",
                                help_text="A photograph or picture: JPEG, PNG or WebP, at least 480 pixels wide. Its location and camera details are removed before it is stored.",
                                min_width=480,
                                upload_to="pictures/",
                                verbose_name="image",
                                width_field="width",
                            ),
                        ),
                        (
                            "width",
                            models.PositiveIntegerField(
                                editable=False, null=True, verbose_name="width"
                            ),
                        ),
                        (
                            "height",
                            models.PositiveIntegerField(
                                editable=False, null=True, verbose_name="height"
                            ),
                        ),
                        (
                            "title",
                            models.CharField(
                                help_text="To find it in the library; readers do not see it.",
                                max_length=200,
                                verbose_name="title",
                            ),
                        ),
                        (
                            "description",
                            models.CharField(
                                blank=True,
                                help_text="What the picture shows, for readers who cannot see it (alternative text), e.g. “Two armchairs facing each other by a window”. Offered when you place the picture in a text, where you can adapt it to the text’s language.",
                                max_length=250,
                                verbose_name="description",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="added"),
                        ),
                    ],
                    options={
                        "verbose_name": "picture",
                        "verbose_name_plural": "pictures",
                        "db_table": "practice_picture",
                        "ordering": ["-created_at"],
                    },
                ),
            ],
        ),
        move_content_type("picture", "practice", "pictures"),
    ]
