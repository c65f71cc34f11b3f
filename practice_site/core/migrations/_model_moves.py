"""For the migrations that move a model to another app without touching its table: its content
type is relabelled, so that what points to it follows. Imports no live code, so that those
migrations give the same result whatever the code becomes."""

import json

from django.db import migrations


def move_content_type(model, old_app, new_app):
    """A RunPython that relabels the content type of `model` (its lowercase name) from
    `old_app` to `new_app`, and back when the migration is unapplied."""

    def forward(apps, schema_editor):
        relabel(apps, schema_editor.connection.alias, model, old_app, new_app)

    def backward(apps, schema_editor):
        relabel(apps, schema_editor.connection.alias, model, new_app, old_app)

    return migrations.RunPython(forward, backward)


def relabel(apps, using, model, source, target):
    """Permissions, admin log entries and django-reversion's versions point to the content
    type's row, and so follow it; a version's serialised copy names the model too, which is
    renamed with it. A row already at `target` makes the unique constraint fail loudly rather
    than two rows split what points to the model."""
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(using)
    moved = content_types.filter(app_label=source, model=model).first()
    if moved is None:
        # A fresh database: migrate makes the content types once it has run the migrations.
        return
    moved.app_label = target
    moved.save(update_fields=["app_label"])
    versions = apps.get_model("reversion", "Version").objects.using(using)
    for version in versions.filter(content_type=moved, format="json"):
        objects = json.loads(version.serialized_data)
        for serialised in objects:
            if serialised.get("model") == f"{source}.{model}":
                serialised["model"] = f"{target}.{model}"
        version.serialized_data = json.dumps(objects)
        version.save(update_fields=["serialized_data"])
