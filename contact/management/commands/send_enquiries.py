from django.core.management.base import BaseCommand

from contact.models import Enquiry


class Command(BaseCommand):
    help = (
        "Email the enquiries the worker left behind: waiting (e.g. enqueued before a crash, or "
        "the worker is down) or failed with their backoff over (a bounded number of attempts "
        "each). Sends directly, so it works without the worker. Safe to run from cron, and on "
        "several machines at once."
    )

    def handle(self, *args, **options):
        due = list(Enquiry.objects.due().order_by("created_at"))
        sent = sum(enquiry.send() for enquiry in due)
        self.stdout.write(f"{sent} sent, {len(due) - sent} not sent, of {len(due)} due.")
