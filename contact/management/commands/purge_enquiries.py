from django.conf import settings
from django.core.management.base import BaseCommand

from contact.models import Enquiry


class Command(BaseCommand):
    help = "Delete the enquiries older than ENQUIRY_RETENTION_DAYS, as the privacy policy says."

    def handle(self, *args, **options):
        deleted, _by_model = Enquiry.objects.expired().delete()
        days = settings.ENQUIRY_RETENTION_DAYS
        self.stdout.write(f"{deleted} enquiries older than {days} days deleted.")
