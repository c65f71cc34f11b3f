"""`enrolment_link <username>`: the one way an account enrols its authenticator app, made
on the server by the operator (practice_site/enrolment.py)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from two_factor.utils import default_device

from practice_site import enrolment


def site_base_url():
    """The site's address from its settings: the first host name that is not a pattern."""
    for host in settings.ALLOWED_HOSTS:
        if host != "*" and not host.startswith("."):
            return f"{'http' if settings.DEBUG else 'https'}://{host}"
    raise CommandError("DJANGO_ALLOWED_HOSTS names no host: give the site's address, --base-url.")


class Command(BaseCommand):
    help = (
        "Print a link with which a staff account enrols its authenticator app: valid for 24 "
        "hours, until an app is confirmed. Whoever opens it signs in with the account's "
        "password on the way, then scans the QR code."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--base-url",
            help=(
                "The site's address, e.g. https://www.example.fr (default: the first of "
                "DJANGO_ALLOWED_HOSTS, over HTTPS unless DJANGO_DEBUG is on)."
            ),
        )

    def handle(self, *, username, base_url, **options):
        user = get_user_model()._default_manager.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        if not (user.is_active and user.is_staff):
            raise CommandError(f"{username!r} is not an active staff account: it has no admin.")
        if default_device(user):
            raise CommandError(
                f"{username!r} already has an authenticator app. To enrol another (a lost "
                f"phone), remove it first: python manage.py two_factor_disable {username}"
            )
        self.stdout.write(enrolment.make_link(user, base_url or site_base_url()))
