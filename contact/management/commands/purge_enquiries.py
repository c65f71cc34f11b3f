from django.conf import settings
from django.core.management.base import BaseCommand

from contact.models import Enquiry, RateLimitCounter
from contact.ratelimit import RateLimit


class Command(BaseCommand):
    help = (
        "Delete the enquiries older than ENQUIRY_RETENTION_DAYS, as the privacy policy says, "
        "and the rate-limit counters whose window has ended."
    )

    def handle(self, *args, **options):
        deleted, _by_model = Enquiry.objects.expired().delete()
        days = settings.ENQUIRY_RETENTION_DAYS
        self.stdout.write(f"{deleted} enquiries older than {days} days deleted.")

        # With the limit off, every counter is over.
        limit = RateLimit.parse(settings.CONTACT_RATE_LIMIT)
        counters, _by_model = RateLimitCounter.objects.window_over(
            limit.seconds if limit else 0
        ).delete()
        self.stdout.write(f"{counters} rate-limit counters of ended windows deleted.")
