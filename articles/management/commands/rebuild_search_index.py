from django.core.management.base import BaseCommand

from articles.search import rebuild_index


class Command(BaseCommand):
    help = (
        "Build the search index of the articles again (SQLite; on PostgreSQL the search reads "
        "the articles themselves): after versions or references were changed outside the admin."
    )

    def handle(self, **options):
        self.stdout.write(f"Language versions read: {rebuild_index()}.")
