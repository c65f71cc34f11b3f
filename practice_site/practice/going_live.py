"""What the site still lacks before it may go live: the one list that `check --deploy` reports
as errors and the admin home shows with a link to fix each item."""

from dataclasses import dataclass

from django.db import DatabaseError
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Fee, LegalPage, PracticeDetails, Presentation
from .models.base import format_date

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
DETAIL_CHECKS = dict(REQUIRED_DETAILS)
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


# What the presentation says: while all of it is empty, the home and About pages show only the
# standard welcome.
PRESENTATION_TEXTS = ["heading", "introduction", "summary", "body"]


@dataclass(frozen=True)
class ToDo:
    """An item of the admin home's to-do list: what to do and the admin page where."""

    message: str
    url: str


def admin_to_do(current_app=None):
    """The admin home's to-do list: (what the site lacks before going live, the next steps).

    The practice details' empty fields make one item, linked to the first of them; the next
    step, writing the presentation, comes once they are all filled in."""
    missing = missing_before_going_live()
    details = [item for item in missing if item.id in DETAIL_CHECKS]
    to_do = [ToDo(item.message, item.url(current_app)) for item in missing if item not in details]
    if details:
        names = [
            str(PracticeDetails._meta.get_field(DETAIL_CHECKS[item.id]).verbose_name)
            for item in details
        ]
        message = ngettext(
            "The practice details lack this field: %(fields)s.",
            "The practice details lack these fields: %(fields)s.",
            len(names),
        ) % {"fields": ", ".join(names)}
        to_do.insert(0, ToDo(message, details[0].url(current_app)))
    next_steps = []
    if not details and presentation_is_empty():
        next_steps.append(
            ToDo(
                _(
                    "Introduce yourself: write a few words about you and how you work, for "
                    "the home and About pages."
                ),
                presentation_url(current_app),
            )
        )
    next_steps += scheme_reminders(current_app)
    return to_do, next_steps


def scheme_reminders(current_app=None):
    """What the "What will I pay?" explainer needs from her once she takes part in “Mon soutien
    psy”: the scheme's figures checked within the year, and the fees it covers ticked."""
    details = PracticeDetails.objects.filter(pk=1).first()
    if details is None or not details.mon_soutien_psy:
        return []
    url = reverse("admin:practice_practicedetails_change", args=[1], current_app=current_app)
    reminders = []
    if details.scheme_figures_need_checking():
        reminders.append(ToDo(scheme_figures_message(details), f"{url}#id_scheme_checked_on"))
    if not details.fees.filter(mon_soutien_psy=True).exists():
        reminders.append(
            ToDo(
                _("Tick, among your fees, the sessions that “Mon soutien psy” covers."),
                f"{url}#fees-group",
            )
        )
    return reminders


def scheme_figures_message(details):
    if details.scheme_checked_on is None:
        return _(
            "Check the figures of “Mon soutien psy” (fee, sessions a year, share reimbursed) on "
            "ameli.fr, then enter the date you checked them."
        )
    return format_lazy(
        _(
            "The figures of “Mon soutien psy” were last checked on {date}: check them again "
            "on ameli.fr, then enter today’s date."
        ),
        date=format_date(details.scheme_checked_on),
    )


def presentation_is_empty():
    presentation = Presentation.objects.filter(pk=1).first()
    return presentation is None or not any(
        getattr(presentation, f"{field}_{language}").strip()
        for field in PRESENTATION_TEXTS
        for language in ["fr", "en"]
    )


def presentation_url(current_app=None):
    if Presentation.objects.filter(pk=1).exists():
        return reverse("admin:practice_presentation_change", args=[1], current_app=current_app)
    return reverse("admin:practice_presentation_add", current_app=current_app)
