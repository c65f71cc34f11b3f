"""Enquiries are health data: reading them takes a permission of its own, which the superuser
has and the "practice" group gives, with what the psychologist needs to edit the site.

A permission is normally created after `migrate` (post_migrate); this migration creates the
ones it grants, with the names Django would give them, so that the group is whole on a fresh
database. Its own copy of the lists, so that it gives the same group next year.
"""

from django.db import migrations

GROUP = "practice"

# (app label, model, verbose name, actions)
GRANTS = [
    ("articles", "article", "article", ["add", "change", "delete", "view"]),
    ("articles", "articleversion", "language version", ["add", "change", "delete", "view"]),
    ("articles", "reference", "reference", ["add", "change", "delete", "view"]),
    ("practice", "practicedetails", "practice details", ["add", "change", "view"]),
    ("practice", "legalpage", "legal page", ["change", "view"]),
    ("contact", "enquiry", "enquiry", ["delete", "view"]),
]
READ_ENQUIRY = ("read_enquiry", "Can read enquiries")


def create_practice_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    def permission(app_label, model, codename, name):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        return Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]

    permissions = [
        permission(app_label, model, f"{action}_{model}", f"Can {action} {verbose_name}")
        for app_label, model, verbose_name, actions in GRANTS
        for action in actions
    ]
    permissions.append(permission("contact", "enquiry", *READ_ENQUIRY))
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*permissions)


def remove_practice_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0004_alliance_citations"),
        ("practice", "0001_initial"),
        ("contact", "0006_log_entries_without_names"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="enquiry",
            options={
                "ordering": ["-created_at"],
                "permissions": [READ_ENQUIRY],
                "verbose_name": "enquiry",
                "verbose_name_plural": "enquiries",
            },
        ),
        migrations.RunPython(create_practice_group, remove_practice_group),
    ]
