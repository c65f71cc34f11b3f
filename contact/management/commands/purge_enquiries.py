from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from contact.models import Enquiry
from practice_site.core.models import RateLimitCounter


class Command(BaseCommand):
    help = (
        "Delete the enquiries emailed more than ENQUIRY_RETENTION_DAYS ago, with their admin "
        "log entries, as the privacy policy says, and the rate-limit counters whose window "
        "has ended, and the failed sign-ins past their lock-out period. Enquiries never "
        "delivered are kept."
    )

    def handle(self, *args, **options):
        deleted = Enquiry.objects.expired().delete_with_history()
        days = settings.ENQUIRY_RETENTION_DAYS
        self.stdout.write(
            f"{deleted} enquiries sent more than {days} days ago deleted, "
            "with their admin log entries."
        )

        counters, _by_model = RateLimitCounter.objects.window_over().delete()
        self.stdout.write(f"{counters} rate-limit counters of ended windows deleted.")

        # axes deletes a failure past its lock-out only when someone next signs in; the privacy
        # policy says it is gone by the next day.
        failures, _by_model = AccessAttempt.objects.filter(
            attempt_time__lte=timezone.now() - get_cool_off()
        ).delete()
        self.stdout.write(f"{failures} failed sign-ins past their lock-out deleted.")
