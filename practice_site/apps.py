from django.contrib.admin.apps import AdminConfig


class PracticeAdminConfig(AdminConfig):
    """Django's admin, with the site's own AdminSite as `admin.site`."""

    default_site = "practice_site.admin.PracticeAdminSite"
