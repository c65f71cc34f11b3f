from django.core.management.base import BaseCommand

from practice_site.audience.models import RETENTION_MONTHS, ReadCount


class Command(BaseCommand):
    help = (
        f"Delete the read counts of days more than {RETENTION_MONTHS} months ago, as the privacy "
        "policy says. The site also does it once a day as it counts; this job covers a site "
        "that counts nothing (AUDIENCE_COUNTING off, or no reader)."
    )

    def handle(self, *args, **options):
        deleted, _by_model = ReadCount.objects.expired().delete()
        self.stdout.write(
            f"{deleted} read counts of days more than {RETENTION_MONTHS} months ago deleted."
        )
