"""What the site still lacks before it may go live: the one list that `check --deploy` reports
as errors and the admin home shows with a link to fix each item."""

from dataclasses import dataclass

from django.db import DatabaseError
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import Fee, LegalPage, PracticeDetails

# The details a legal notice needs, each with the id of its check. practice.E010 is the mail
# relay's (contact.checks): these skip it.
REQUIRED_DETAILS = [
    ("practice.E001", "psychologist_name"),
    ("practice.E002", "title_fr"),
    ("practice.E003", "title_en"),
    ("practice.E004", "rpps"),
    ("practice.E005", "address"),
    ("practice.E006", "phone"),
    ("practice.E007", "email"),
    ("practice.E008", "host_name"),
    ("practice.E009", "host_address"),
    ("practice.E011", "host_phone"),
]
PAGE_LACKS_PLACEHOLDERS = "practice.E012"
PAGE_MISSING = "practice.E013"
DATABASE_UNREADABLE = "practice.E014"
NO_FEES = "practice.E016"


@dataclass(frozen=True)
class Missing:
    id: str
    message: str
    hint: str
    obj: object = None
    # Where the admin fixes it: a URL name, its arguments and the field to jump to.
    admin_url: str = ""
    admin_args: tuple = ()
    anchor: str = ""

    def url(self, current_app=None):
        if not self.admin_url:
            return ""
        url = reverse(self.admin_url, args=self.admin_args, current_app=current_app)
        return f"{url}#{self.anchor}" if self.anchor else url


def missing_before_going_live():
    """Everything a legal notice or privacy policy needs that is not there yet, read from the
    database (not the cache: this must see what is stored)."""
    try:
        details = PracticeDetails.objects.filter(pk=1).first()
        pages = {page.kind: page for page in LegalPage.objects.all()}
        has_fees = Fee.objects.exists()
    except DatabaseError as error:
        return [
            Missing(
                DATABASE_UNREADABLE,
                format_lazy(_("The practice details could not be read: {error}"), error=error),
                _("Run “python manage.py migrate”, then check again."),
            )
        ]
    if details is None:
        admin_url, admin_args = "admin:practice_practicedetails_add", ()
        details = PracticeDetails()
    else:
        admin_url, admin_args = "admin:practice_practicedetails_change", (details.pk,)
    missing = [
        Missing(
            check_id,
            format_lazy(
                _("The practice details lack: {field}."),
                field=PracticeDetails._meta.get_field(field).verbose_name,
            ),
            _("Fill it in in the admin, under “Practice details”."),
            obj=PracticeDetails,
            admin_url=admin_url,
            admin_args=admin_args,
            anchor=f"id_{field}",
        )
        for check_id, field in REQUIRED_DETAILS
        if not str(getattr(details, field)).strip()
    ]
    if not has_fees:
        missing.append(
            Missing(
                NO_FEES,
                _(
                    "No fee is listed: the law requires your fees to be shown "
                    "(arrêté du 30 mai 2018)."
                ),
                _("Add each kind of session and its fee in the admin, under “Practice details”."),
                obj=PracticeDetails,
                admin_url=admin_url,
                admin_args=admin_args,
                anchor="fees-group",
            )
        )
    for kind, label in LegalPage.Kind.choices:
        page = pages.get(kind)
        if page is None:
            missing.append(
                Missing(
                    PAGE_MISSING,
                    format_lazy(_("The page “{page}” does not exist."), page=label),
                    _("Run “python manage.py migrate”: it creates the legal pages."),
                    obj=LegalPage,
                )
            )
        elif lacking := page.missing_placeholders():
            missing.append(
                Missing(
                    PAGE_LACKS_PLACEHOLDERS,
                    format_lazy(
                        _("The page “{page}” lacks, in French or in English: {placeholders}."),
                        page=label,
                        placeholders=", ".join(f"{{{key}}}" for key in lacking),
                    ),
                    _("Write each of them back in the text, in both languages."),
                    obj=LegalPage,
                    admin_url="admin:practice_legalpage_change",
                    admin_args=(page.pk,),
                )
            )
    return missing
