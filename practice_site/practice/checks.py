"""Deployment checks of the practice site: what `manage.py check --deploy` must find set (or
safe) before going live, each as an error or warning of its own."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError

from .going_live import missing_before_going_live
from .models import PracticeDetails


@register(Tags.database, deploy=True)
def practice_ready_to_go_live(app_configs, databases=None, **kwargs):
    """The details and legal pages the law asks for, before going live.

    Unlike Django's own database checks, this one reads the database without `--database`:
    the contract is that `manage.py check --deploy` alone reports what must be set. It is a
    deployment check, so it never runs when the site starts, migrates or is tested; on a
    database that cannot be read (not migrated, unreachable) it reports that as an error
    instead of failing.
    """
    return [
        Error(str(item.message), hint=str(item.hint), obj=item.obj, id=item.id)
        for item in missing_before_going_live()
    ]


@register(Tags.database, deploy=True)
def scheme_figures_checked(app_configs, databases=None, **kwargs):
    """The "What will I pay?" explainer tells readers what the Assurance Maladie refunds: from
    the figures she checked within the year, or it may promise what the scheme no longer pays."""
    try:
        details = PracticeDetails.objects.filter(pk=1).first()
    except DatabaseError:
        return []  # practice_ready_to_go_live reports it
    if details is None or not details.scheme_figures_need_checking():
        return []
    return [
        Warning(
            "The figures of “Mon soutien psy” (fee, sessions a year, share reimbursed) have not "
            "been checked for a year.",
            hint="Check them on ameli.fr and enter the date in the admin's practice details.",
            obj=PracticeDetails,
            id="practice.W006",
        )
    ]


@register(deploy=True)
def proxy_address_trusted(app_configs, **kwargs):
    """Behind a proxy, the connection's address is the proxy's: the contact form's limit and the
    sign-in lock-outs would count every visitor as one, and a stranger could lock her out."""
    if not settings.BEHIND_PROXY or settings.TRUSTED_PROXY:
        return []
    return [
        Error(
            "DJANGO_BEHIND_PROXY is on but DJANGO_TRUSTED_PROXY is off: every visitor shares "
            "the proxy's address, so the contact limit is the whole site's and anyone's wrong "
            "sign-ins lock the psychologist out.",
            hint="Set DJANGO_TRUSTED_PROXY=true when the proxy appends the client's address to "
            "X-Forwarded-For (nginx: proxy_add_x_forwarded_for).",
            id="practice.E017",
        )
    ]


@register(deploy=True)
def two_factor_on(app_configs, **kwargs):
    """The privacy policy says the admin asks for a second factor. A warning, not an error:
    automated checks of a production-like site turn it off on purpose; going live fails on
    warnings too (`check --deploy --fail-level WARNING`)."""
    if settings.DEBUG or settings.ADMIN_TWO_FACTOR:
        return []
    return [
        Warning(
            "ADMIN_TWO_FACTOR is off: a password alone opens the enquiries.",
            hint="Unset ADMIN_TWO_FACTOR (it is on when DJANGO_DEBUG is off).",
            id="practice.W002",
        )
    ]


@register(Tags.database, deploy=True)
def staff_enrolled(app_configs, databases=None, **kwargs):
    """An account without an authenticator cannot open the admin: every staff account should
    have enrolled one, through its enrolment link, before real enquiries arrive."""
    if not settings.ADMIN_TWO_FACTOR:
        return []
    try:
        names = list(
            get_user_model()
            .objects.filter(is_staff=True, is_active=True)
            .exclude(totpdevice__confirmed=True)
            .values_list("username", flat=True)
        )
    except DatabaseError:
        return []  # practice.E014 already says the database cannot be read
    if not names:
        return []
    return [
        Warning(
            f"Staff accounts without a second factor: {', '.join(sorted(names))}.",
            hint="Run `python manage.py enrolment_link <username>` for each and have its owner "
            "open the link to enrol an authenticator app, or deactivate the account.",
            id="practice.W003",
        )
    ]


@register(deploy=True)
def backups_kept_no_longer_than_enquiries(app_configs, **kwargs):
    """The privacy policy says backups, which hold enquiries, are kept as long as enquiries
    are, at most."""
    keep = settings.BACKUP_KEEP_DAYS
    if 0 < keep <= settings.ENQUIRY_RETENTION_DAYS:
        return []
    return [
        Warning(
            f"BACKUP_KEEP_DAYS={keep} keeps backups, and the enquiries in them, longer than the "
            f"{settings.ENQUIRY_RETENTION_DAYS} days the privacy policy states.",
            hint="Set BACKUP_KEEP_DAYS to ENQUIRY_RETENTION_DAYS or less (0 keeps them forever).",
            id="practice.W004",
        )
    ]


@register
def admin_request_limit_fits_an_image(app_configs, **kwargs):
    """An admin page posts the image with the rest of its form: a limit below the heaviest
    image accepted would refuse, with a 413, uploads the admin says it takes."""
    if settings.ADMIN_REQUEST_MAX_SIZE > settings.IMAGE_MAX_UPLOAD_SIZE:
        return []
    return [
        Warning(
            f"ADMIN_REQUEST_MAX_SIZE={settings.ADMIN_REQUEST_MAX_SIZE} leaves no room for an "
            f"image of IMAGE_MAX_UPLOAD_SIZE={settings.IMAGE_MAX_UPLOAD_SIZE} bytes.",
            hint="Set ADMIN_REQUEST_MAX_SIZE a few megabytes above IMAGE_MAX_UPLOAD_SIZE.",
            id="practice.W005",
        )
    ]
