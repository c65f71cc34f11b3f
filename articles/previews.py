"""The preview of an article as its admin form was posted: shown as its public page would be,
never saved. The admin's "Preview" buttons post the whole form here (ArticleAdmin)."""

from django.db.models import Max
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from .models import Reference
from .views import ArticleDetailView


def posted_objects(formset, parent):
    """The objects a valid inline `formset` would save, unsaved and attached to `parent`: its
    forms' instances, less those marked for deletion and the extra forms left blank."""
    objects = [
        form.instance
        for form in formset.forms
        if form not in formset.deleted_forms and (form.instance.pk or form.has_changed())
    ]
    for obj in objects:
        setattr(obj, formset.fk.name, parent)
    return objects


def error_messages(forms):
    """The errors of `forms` (forms and formsets) as lines to read: "Field: error"."""
    for form_or_formset in forms:
        if hasattr(form_or_formset, "non_form_errors"):
            yield from form_or_formset.non_form_errors()
        for form in getattr(form_or_formset, "forms", [form_or_formset]):
            for name, errors in form.errors.items():
                field = form.fields.get(name)
                for error in errors:
                    yield f"{field.label}: {error}" if field else error


def number_new_references(references):
    """Give the references the form adds a number no saved one has, as their anchors and links
    need one. They are never saved: the database numbers them when they are."""
    next_pk = (Reference.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
    for reference in references:
        if reference.pk is None:
            reference.pk, next_pk = next_pk, next_pk + 1
    return references


class ArticlePreviewView(ArticleDetailView):
    """One version of a posted article, as a reader would see it, with the references as
    posted, under a banner saying it is a preview. The response is not stored anywhere."""

    template_name = "articles/article_preview.html"
    http_method_names = ["post"]
    # Given by the admin (as_view's arguments): the versions, references and themes as posted.
    version = None
    versions = ()
    references = ()
    themes = ()

    def post(self, request, *args, **kwargs):
        self.version.prepare_preview(self.references)
        # The page in the version's language, whatever the admin's is.
        with translation.override(self.version.language):
            response = self.get(request, *args, **kwargs).render()
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_object(self, queryset=None):
        self.published_versions = [v for v in self.versions if v.is_published]
        # Its note as readers would read it once saved, against the original as posted.
        self.stale_translation = self.version.stale_translation(self.versions)
        return self.version

    def get_references(self):
        return self.references

    def get_themes(self):
        return list(self.themes)
