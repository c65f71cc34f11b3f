from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from .models import DUPLICATE_DOI, Article, clean_doi

CONFIRM_DELETION = _("Yes, delete these references and turn their citations into plain text")


class ConfirmationField(forms.BooleanField):
    """A box that confirms what the rest of the page does: ticking it is no edit of the record
    (nothing to save, nothing in the change message of the history)."""

    def has_changed(self, initial, data):
        return False


class ArticleForm(forms.ModelForm):
    """The article as a work, and the confirmation ReferenceFormSet asks for before it deletes
    references the text cites (the admin shows that box only then)."""

    delete_cited_references = ConfirmationField(label=CONFIRM_DELETION, required=False)

    class Meta:
        model = Article
        fields = ["author", "illustration", "themes"]

    @classmethod
    def confirms_deletion(cls, data):
        """Whether `data`, the article page as posted, ticks the confirmation: read before the
        forms are validated, as the references' formset needs it to validate."""
        return cls(data)["delete_cited_references"].data


def describe_citations(citations):
    """'“Bordin (1979)” (French, English)' for each citation text of Article.citations_of()."""
    return "; ".join(
        _("“%(citation)s” (%(languages)s)")
        % {
            "citation": text,
            "languages": ", ".join(str(v.get_language_display()) for v in versions),
        }
        for text, versions in citations.items()
    )


class ReferenceFormSet(BaseInlineFormSet):
    """The article's references. Deleting one that a version cites turns its citations into
    plain text: that waits for a confirmation (`deletion_confirmed`), and until then the
    formset names the citations (`citations_to_confirm`)."""

    def __init__(self, *args, deletion_confirmed=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.deletion_confirmed = deletion_confirmed
        self.citations_to_confirm = {}

    def clean(self):
        super().clean()
        self.refuse_duplicate_dois()
        deleted = [form.instance for form in self.deleted_forms if form.instance.pk]
        if not deleted or self.deletion_confirmed:
            return
        self.citations_to_confirm = self.instance.citations_of(deleted)
        if self.citations_to_confirm:
            raise ValidationError(
                _(
                    "The text cites the references you are deleting; their citations will "
                    "turn into plain text: %(citations)s. To delete them, tick “%(confirm)s” "
                    "at the top of the page and save again."
                ),
                code="deletes_cited_references",
                params={
                    "citations": describe_citations(self.citations_to_confirm),
                    "confirm": CONFIRM_DELETION,
                },
            )

    def refuse_duplicate_dois(self):
        """A DOI given to two references, refused on the later one. The database's constraint
        is not checked by the forms (they leave the article out of their validation) and
        cannot see two rows not yet saved; the formset holds all of the article's references."""
        seen = set()
        for form in self.forms:
            if self._should_delete_form(form) or not hasattr(form, "cleaned_data"):
                continue
            # As the reference will store it: pasted as a link or labelled "doi:", it is the same.
            doi = clean_doi(form.cleaned_data.get("doi", "")).casefold()
            if doi in seen:
                form.add_error("doi", ValidationError(DUPLICATE_DOI, code="duplicate_doi"))
            if doi:
                seen.add(doi)


class SearchForm(forms.Form):
    """The words a reader searches for. Long enough for a sentence; anything typed is a word to
    the engines (articles/search.py), but a query of signs alone finds nothing: say so."""

    q = forms.CharField(label=_("Search the articles"), max_length=200, required=True)

    def clean_q(self):
        text = self.cleaned_data["q"]
        if not any(character.isalnum() for character in text):
            raise ValidationError(_("Type one or more words to search for."), code="no_words")
        return text

    def typed(self):
        """What was typed, to show again in the field, without the control characters (a NUL)
        that no HTML page may hold."""
        value = self["q"].value() or ""
        return "".join(c for c in value if c.isprintable() or c == " ")
