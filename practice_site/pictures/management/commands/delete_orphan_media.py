from datetime import timedelta

from django.core.management.base import BaseCommand

from practice_site.pictures.images import delete_media, orphan_media


class Command(BaseCommand):
    help = (
        "Delete the uploaded images and their renditions that no record uses any more: those "
        "left behind by images replaced or deleted before the site deleted them itself. A text "
        "not saved since its picture was deleted may still show it: save it again first "
        "(render_articles for the articles)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the files that would be deleted; delete nothing.",
        )
        parser.add_argument(
            "--min-age",
            type=int,
            default=3600,
            help=(
                "Spare files younger than this many seconds (default: an hour): an upload "
                "being saved is stored before its record."
            ),
        )

    def handle(self, *, dry_run, min_age, **options):
        orphans = list(orphan_media(timedelta(seconds=min_age)))
        for name in orphans:
            self.stdout.write(name)
            if not dry_run:
                delete_media(name)
        verb = "would be deleted" if dry_run else "deleted"
        self.stdout.write(f"Files no record uses, {verb}: {len(orphans)}.")
