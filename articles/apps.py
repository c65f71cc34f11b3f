from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save

        from practice_site.caching import content_changed

        for model in self.get_models():
            post_save.connect(content_changed, sender=model)
            post_delete.connect(content_changed, sender=model)
        # Every deployment runs migrate: pages cached by the previous code are not served again.
        post_migrate.connect(content_changed, sender=self)
        # Citations in the bodies link to the references: render them again when those change.
        from .models import Reference, references_changed

        post_save.connect(references_changed, sender=Reference)
        post_delete.connect(references_changed, sender=Reference)
