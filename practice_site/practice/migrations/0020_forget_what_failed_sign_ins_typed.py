"""Failed sign-ins recorded before practice_site/signin.py kept, in django-axes' table, the
form as posted: django-axes masks a field named `password`, and the two-factor sign-in form
posts `auth-password`, so the passwords typed were stored in clear. Blank them, and the
browser's Accept header. (The user agent stays until the row expires, at the latest an hour
after the lock-out: it is part of the row's unique key.) Nothing to restore going back."""

from django.db import migrations


def forget_what_was_typed(apps, schema_editor):
    AccessAttempt = apps.get_model("axes", "AccessAttempt")
    AccessAttempt.objects.update(get_data="", post_data="", http_accept="")


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0019_legal_page_help_text_backup_days"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(forget_what_was_typed, migrations.RunPython.noop)]
