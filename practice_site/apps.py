from django.contrib.admin.apps import AdminConfig
from django.contrib.auth.signals import user_login_failed
from django.db.models.signals import pre_save


class PracticeAdminConfig(AdminConfig):
    """Django's admin, with the site's own AdminSite as `admin.site`."""

    default_site = "practice_site.admin.PracticeAdminSite"

    def ready(self):
        super().ready()
        from axes.models import AccessAttempt

        from .signin import count_failure_for_account, forget_form_data

        pre_save.connect(forget_form_data, sender=AccessAttempt)
        user_login_failed.connect(count_failure_for_account)
