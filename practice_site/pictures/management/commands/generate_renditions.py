from django.core.management.base import BaseCommand

from practice_site.pictures.images import generate_renditions, stored_images


class Command(BaseCommand):
    help = (
        "Make again every size and format served of every uploaded image (article "
        "illustrations…): after a restore without them, a move to another storage, or a "
        "change of their settings. The originals are left as they are."
    )

    def handle(self, **options):
        count = 0
        for name, card in stored_images():
            # Forced: the shared cache may still remember as made a file that is gone.
            generate_renditions.call(name, card, force=True)
            count += 1
        self.stdout.write(f"Images whose renditions were made anew: {count}.")
