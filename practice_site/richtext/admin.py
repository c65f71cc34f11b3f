"""What the admin pages the psychologist edits share: the visual editor for the texts readers
see; a page sent back unchanged is no edit, so it neither dates the content anew
(Last-Modified, sitemap) nor empties the page cache; the history of an edit reads in her
language."""

from django.contrib import admin, messages
from django.db import models
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext, gettext_noop
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media

from practice_site.history import HistoryAdmin

from .fields import MultilineTextField, RichTextField

# Django's own French for these phrases puts a model's or a field's name after "de" ("Ajout de
# article", "Modification de adresse postale") or an agreement before it ("les demandes de
# contact sélectionnés"): wrong for half the names. The project's catalogue, searched before
# Django's (LOCALE_PATHS), words them so that any name fits; listed here, makemessages keeps them.
ADMIN_PHRASES = [
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Added {name} “{object}”."),
    gettext_noop("Changed {fields}."),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("Deleted {name} “{object}”."),
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop(" By %(filter_title)s "),
    gettext_noop("None available"),
    # Under an inline's rows: Django's French reads "Ajouter un objet Tarif supplémentaire".
    gettext_noop("Add another %(verbose_name)s"),
]


# For a ModelAdmin's formfield_overrides. The admin looks a model field's classes up in order,
# so RichTextField's entry comes before TextField's, whose form class would replace the editor.
TEXT_FIELD_OVERRIDES = {
    models.TextField: {"form_class": MultilineTextField},
    RichTextField: {"widget": AdminProseEditorWidget},
    # A link pasted without its scheme gets https, as Django 6 will do.
    models.URLField: {"assume_scheme": "https"},
}


class SaveOnlyChangesMixin:
    """For a ModelAdmin: the record is written only when its form changed."""

    formfield_overrides = TEXT_FIELD_OVERRIDES

    def save_model(self, request, obj, form, change):
        if not change or form.has_changed():
            super().save_model(request, obj, form, change)


class TranslatedHistoryMixin:
    """For a ModelAdmin: the history names the changed fields in the reader's language.

    Django stores the changed fields' labels untranslated and translates them when the history
    is read; but a label is the capitalised verbose name ("Body"), which no catalogue holds, so
    the French history read "Modification de Body". The verbose name itself ("body") is in the
    catalogue: store that instead.
    """

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        with translation.override(None):
            models_by_name = {
                str(model._meta.verbose_name): model
                for model in [form._meta.model, *(formset.model for formset in formsets)]
            }
            for change in message:
                changed = change.get("changed")
                if changed:
                    # An inline's change names its model; the page's own does not.
                    model = models_by_name.get(changed.get("name"), form._meta.model)
                    names = {
                        str(capfirst(field.verbose_name)): str(field.verbose_name)
                        for field in model._meta.fields
                    }
                    changed["fields"] = [names.get(label, label) for label in changed["fields"]]
        return message


class EditorMediaMixin:
    """For a ModelAdmin whose form has a RichTextField: the editor's scripts load through an
    import map, an inline <script> the Content-Security-Policy refuses unless it carries the
    request's nonce (django-csp then adds that nonce to this response's header only)."""

    class Media:
        css = {"all": ["css/admin.css"]}  # Tiptap's base rules among them
        # A classic script: it runs before the editor's modules, which read its translations.
        js = [reverse_lazy("admin:editor_jsi18n")]

    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)


class HelpBoxNoticeMixin:
    """For a ModelAdmin: after a save, she reads which of the texts got the help box beside
    suicide (practice_site.richtext.care), from the records that say `help_box_languages()`."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        saved = [form.instance]
        for formset in formsets:
            deleted = getattr(formset, "deleted_forms", [])
            saved += [each.instance for each in formset.forms if each not in deleted]
        languages = {
            language
            for record in saved
            if record.pk and hasattr(record, "help_box_languages")
            for language in record.help_box_languages()
        }
        if languages:
            names = [str(get_language_info(code)["name_translated"]) for code in sorted(languages)]
            if translation.get_language() == "fr":
                names = [name.lower() for name in names]  # « (français) »; "(French)"
            message = gettext(
                "The text mentions suicide: readers see a box with 3114, 15 and 112 right after "
                "the first paragraph that mentions it (%(languages)s)."
            ) % {"languages": ", ".join(names)}
            self.message_user(request, message, messages.INFO)


class EditedTextAdmin(
    HistoryAdmin,
    EditorMediaMixin,
    SaveOnlyChangesMixin,
    TranslatedHistoryMixin,
    HelpBoxNoticeMixin,
    admin.ModelAdmin,
):
    """The admin of what readers see and she writes: its history kept, its texts in the visual
    editor, a form sent back unchanged no edit, the history in her language."""
