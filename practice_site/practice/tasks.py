"""The background work of the practice app, on Django's tasks framework (see contact/tasks.py)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.dateparse import parse_datetime
from django_tasks import task


@task()
def announce_enquiry_address_change(old, new, changed_at, changed_by, language):
    """Tell the address enquiries went to and the one they now go to that it changed, when
    (`changed_at`, ISO 8601) and by whom: an account that could divert the enquiries (health
    data) cannot do it unseen. Says nothing of any enquiry."""
    context = {"old": old, "new": new, "changed_at": parse_datetime(changed_at), "user": changed_by}
    with translation.override(language):
        subject = render_to_string("practice/email/enquiry_address_changed_subject.txt", context)
        body = render_to_string("practice/email/enquiry_address_changed_body.txt", context)
    # One message to both: the relay delivers it to whichever of them accepts it.
    recipients = list(dict.fromkeys([old, new]))
    EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, recipients).send()
