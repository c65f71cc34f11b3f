"""The background work of the contact app, on Django's tasks framework.

The one import of the backport: on Django 6, `from django.tasks import task` instead, with
"django.tasks" in INSTALLED_APPS.
"""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import Enquiry


@task()
def send_enquiry(enquiry_id, force=False):
    """Email one enquiry; True if this task sent it.

    Takes the enquiry's id only: the queue (a database table, Redis) never holds what the
    enquirer wrote. The claim on the row makes a duplicated or late task harmless. After a
    failure it enqueues itself again for when the backoff is over, if the backend can defer a
    task; otherwise (the immediate backend) `send_enquiries` retries it on the same backoff.
    """
    enquiry = Enquiry.objects.filter(pk=enquiry_id).first()
    if enquiry is None or not enquiry.claim(force=force):
        return False
    if enquiry.deliver():
        return True
    if not enquiry.given_up and send_enquiry.get_backend().supports_defer:
        run_after = timezone.now() + Enquiry.retry_delay(enquiry.attempts)
        send_enquiry.using(run_after=run_after).enqueue(enquiry_id)
    return False


def enqueue_sending(enquiry, *, force=False):
    """Send the enquiry in the background once the current transaction is committed."""
    transaction.on_commit(lambda: send_enquiry.enqueue(enquiry.pk, force=force))
