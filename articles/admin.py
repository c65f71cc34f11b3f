from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from practice_site.editing import MultilineTextField, SaveOnlyChangesMixin

from .models import Article, ArticleVersion, Reference

# Inlines list the versions in the order of settings.LANGUAGES: French, then English.
LANGUAGE_ORDER = Case(
    *(When(language=code, then=Value(i)) for i, (code, _name) in enumerate(settings.LANGUAGES)),
    output_field=IntegerField(),
)


class ArticleVersionInline(admin.StackedInline):
    model = ArticleVersion
    extra = 0
    min_num = 1
    max_num = len(settings.LANGUAGES)
    prepopulated_fields = {"slug": ["title"]}
    fields = [
        ("language", "status"),
        "title",
        "slug",
        "summary",
        ("illustration_alt", "illustration_caption"),
        "body",
        ("published_at", "updated_at", "reading_time"),
        "unmatched_citations_display",
    ]
    readonly_fields = ["updated_at", "reading_time", "unmatched_citations_display"]
    formfield_overrides = {
        models.CharField: {"widget": forms.TextInput(attrs={"size": 80})},
        models.TextField: {"form_class": MultilineTextField},
    }

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).order_by(LANGUAGE_ORDER)

    @admin.display(description=_("citations without a reference"))
    def unmatched_citations_display(self, version):
        return "; ".join(version.unmatched_citations) or "—"

    def get_extra(self, request, obj=None, **kwargs):
        """Offer a blank form for each language the article is not yet written in."""
        present = obj.versions.count() if obj else 0
        return max(0, len(settings.LANGUAGES) - max(present, 1))


class ReferenceInline(admin.StackedInline):
    model = Reference
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = [
        ("position", "year"),
        "authors",
        "title",
        ("journal", "volume", "issue", "pages"),
        ("doi", "url"),
    ]


@admin.register(Article)
class ArticleAdmin(SaveOnlyChangesMixin, admin.ModelAdmin):
    list_display = ["title", "languages", "author", "updated_at"]
    list_filter = ["versions__status", "versions__language"]
    search_fields = ["versions__title", "versions__summary", "author", "references__title"]
    inlines = [ArticleVersionInline, ReferenceInline]
    fields = ["author", "illustration"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("versions")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Read afresh: the form's article carries the versions as they were before the save.
        for version in ArticleVersion.objects.filter(article=form.instance):
            if version.unmatched_citations:
                self.message_user(
                    request,
                    _(
                        "%(language)s version: these citations match no reference and are "
                        "left as plain text: %(citations)s. Add the reference, or correct the "
                        "author or year."
                    )
                    % {
                        "language": version.get_language_display(),
                        "citations": "; ".join(version.unmatched_citations),
                    },
                    messages.WARNING,
                )

    @admin.display(description=_("title"))
    def title(self, article):
        return str(article)

    @admin.display(description=_("languages and status"))
    def languages(self, article):
        order = [code for code, _name in settings.LANGUAGES]
        versions = sorted(article.versions.all(), key=lambda v: order.index(v.language))
        return ", ".join(f"{v.language.upper()}: {v.get_status_display()}" for v in versions)
