from django.core.management.base import BaseCommand

from articles.models import Article


class Command(BaseCommand):
    help = (
        "Render every article body again with the current code and references: after a "
        "deployment that changes how bodies are rendered or citations linked, or after "
        "references were changed outside the admin."
    )

    def handle(self, **options):
        changed = 0
        for article in Article.objects.all():
            if rendered := article.render_versions():
                # A page that reads differently is a change for readers and search engines.
                article.save(update_fields=["updated_at"])
                changed += rendered
        self.stdout.write(f"Language versions rendered anew: {changed}.")
