from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.forms.formsets import all_valid
from django.forms.models import BaseInlineFormSet
from django.http import Http404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from reversion import add_to_revision, is_active

from practice_site.history import HistoryAdmin
from practice_site.practice.models import PracticeDetails
from practice_site.richtext.admin import (
    TEXT_FIELD_OVERRIDES,
    EditedTextAdmin,
    SaveOnlyChangesMixin,
    TranslatedHistoryMixin,
)

from . import search
from .forms import ArticleForm, ReferenceFormSet, describe_citations
from .models import Article, ArticleVersion, Reference, Theme
from .previews import ArticlePreviewView, error_messages, number_new_references, posted_objects

# Inlines list the versions in the order of settings.LANGUAGES: French, then English.
LANGUAGE_ORDER = Case(
    *(When(language=code, then=Value(i)) for i, (code, _name) in enumerate(settings.LANGUAGES)),
    output_field=IntegerField(),
)


class ArticleVersionFormSet(BaseInlineFormSet):
    def get_form_kwargs(self, index):
        """A blank version starts on a language the article lacks, in the order of
        settings.LANGUAGES; the one "Add another" copies (index None) on the last of them, as
        it follows the blank ones already shown."""
        kwargs = super().get_form_kwargs(index)
        present = {version.language for version in self.get_queryset()}
        missing = [code for code, _name in settings.LANGUAGES if code not in present]
        position = len(missing) - 1 if index is None else index - self.initial_form_count()
        if missing and 0 <= position < len(missing):
            kwargs["initial"] = {"language": missing[position]}
        return kwargs


class ArticleVersionInline(admin.StackedInline):
    model = ArticleVersion
    formset = ArticleVersionFormSet
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
        "translation_status",
    ]
    readonly_fields = [
        "updated_at",
        "reading_time",
        "unmatched_citations_display",
        "translation_status",
    ]
    formfield_overrides = {
        **TEXT_FIELD_OVERRIDES,
        models.CharField: {"widget": forms.TextInput(attrs={"size": 80})},
    }

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).order_by(LANGUAGE_ORDER)

    @admin.display(description=_("citations without a reference"))
    def unmatched_citations_display(self, version):
        return "; ".join(version.unmatched_citations) or "—"

    @admin.display(description=_("translation"))
    def translation_status(self, version):
        """Whether this translation is in step with its original; if not, since when, what
        changed in the original, and the button that marks it up to date."""
        if version.pk is None:
            return "—"
        if version.pk == version.article.original_version().pk:
            return _("The original: the other versions translate it.")
        return render_to_string(
            "admin/articles/article/translation_status.html",
            {
                "version": version,
                "stale": version.stale_translation(),
                "button_name": ArticleAdmin.MARK_UP_TO_DATE,
            },
        )

    def get_extra(self, request, obj=None, **kwargs):
        """Offer a blank form for each language the article is not yet written in."""
        present = obj.versions.count() if obj else 0
        return max(0, len(settings.LANGUAGES) - max(present, 1))


class ReferenceInline(admin.StackedInline):
    model = Reference
    formset = ReferenceFormSet
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = [
        "year",
        "authors",
        "title",
        ("journal", "volume", "issue", "pages"),
        ("doi", "url"),
    ]


@admin.register(Article)
class ArticleAdmin(EditedTextAdmin):
    list_display = ["title", "languages", "translations", "author", "updated_at"]
    list_filter = ["versions__status", "versions__language"]
    search_fields = ["versions__title"]  # shows the search box; the search is get_search_results
    search_help_text = _(
        "Searches the titles, summaries, texts and references (authors and titles), with or "
        "without accents."
    )
    inlines = [ArticleVersionInline, ReferenceInline]
    form = ArticleForm
    fields = ["author", "illustration", "themes"]
    # Two lists side by side, a click moving a theme from one to the other; "+" adds a theme.
    filter_horizontal = ["themes"]
    # The page is long: the save bar, with its preview buttons, is at its top too.
    save_on_top = True

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("versions")

    def get_changeform_initial_data(self, request):
        """A new article is signed by the psychologist unless she writes another name."""
        return {
            "author": PracticeDetails.load().psychologist_name,
            **super().get_changeform_initial_data(request),
        }

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, ReferenceInline) and request.method == "POST":
            kwargs["deletion_confirmed"] = ArticleForm.confirms_deletion(request.POST)
        return kwargs

    def get_search_results(self, request, queryset, search_term):
        return search.admin_search(queryset, search_term), False

    def save_restored(self, article):
        super().save_restored(article)
        # The versions came back raw too: render them against the references that came back.
        article.render_versions()

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("add/preview/", preview, name="articles_article_add_preview"),
            path("<path:object_id>/preview/", preview, name="articles_article_preview"),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        # Ask for the confirmation of deleting cited references where the page starts, once
        # the references' formset has asked for it.
        for inline in context.get("inline_admin_formsets", []):
            citations = getattr(inline.formset, "citations_to_confirm", None)
            if citations:
                context["adminform"].fieldsets.append(
                    (
                        _("Delete cited references?"),
                        {
                            "fields": ["delete_cited_references"],
                            "description": _(
                                "These citations will turn into plain text: %(citations)s."
                            )
                            # Django shows a fieldset's description as HTML.
                            % {"citations": escape(describe_citations(citations))},
                        },
                    )
                )
        # The form's "Preview" buttons post it to preview_view, one button per language.
        context["preview_url"] = (
            reverse("admin:articles_article_preview", args=[obj.pk])
            if obj
            else reverse("admin:articles_article_add_preview")
        )
        context["preview_languages"] = settings.LANGUAGES
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    @method_decorator(require_POST)
    def preview_view(self, request, object_id=None):
        """The article as its change (or add) form was posted, unsaved, as a reader would see
        the version in the language of the button pressed (`_preview`)."""
        article = self.get_object(request, unquote(object_id)) if object_id else None
        if object_id and article is None:
            raise Http404
        allowed = (
            self.has_change_permission(request, article)
            if article
            else self.has_add_permission(request)
        )
        if not allowed:
            raise PermissionDenied
        form = self.get_form(request, article, change=bool(article))(
            # Without the files: an image chosen but not yet saved has not been checked and
            # cleaned of its metadata, and its sizes would be made and published from it.
            request.POST,
            {},
            instance=article,
        )
        formsets = {
            inline.model: FormSet(
                **self.get_formset_kwargs(
                    request, form.instance, inline, FormSet.get_default_prefix()
                )
            )
            for FormSet, inline in self.get_formsets_with_inlines(request, article)
        }
        form_validated = form.is_valid()
        if not (all_valid(formsets.values()) and form_validated):
            return self.preview_errors(request, [form, *formsets.values()])
        versions = posted_objects(formsets[ArticleVersion], form.instance)
        language = request.POST.get("_preview")
        version = next((v for v in versions if v.language == language), None)
        if version is None:
            return self.preview_errors(request, language=language)
        references = number_new_references(posted_objects(formsets[Reference], form.instance))
        view = ArticlePreviewView.as_view(
            version=version,
            versions=versions,
            references=references,
            themes=list(form.cleaned_data.get("themes", [])),
        )
        return view(request)

    def preview_errors(self, request, invalid=(), language=None):
        """Why the preview cannot be shown: the errors of the `invalid` form and formsets, or
        no version in `language`."""
        response = TemplateResponse(
            request,
            "admin/articles/article/preview_errors.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("The preview cannot be shown"),
                "errors": list(error_messages(invalid)),
                "language": dict(settings.LANGUAGES).get(language, language),
            },
            status=400,
        )
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        return response

    # The name of the button of a version's inline that marks it up to date (its value: the
    # version's id); it saves the page as "Save and continue editing" does.
    MARK_UP_TO_DATE = "_mark_up_to_date"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        request.marked_up_to_date = self.mark_up_to_date(request, form.instance)
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

    def mark_up_to_date(self, request, article):
        """The version whose "Mark up to date" button was pressed, marked so, once the page's
        edits are saved (it translates the original as just saved); None if none was."""
        pk = request.POST.get(self.MARK_UP_TO_DATE, "")
        versions = ArticleVersion.objects.filter(article=article)
        version = versions.filter(pk=pk).first() if pk.isdigit() else None
        if version is None or version.pk == Article.original_among(versions).pk:
            return None
        version.mark_up_to_date()
        if is_active():
            add_to_revision(article)
        self.message_user(
            request,
            _("%(language)s version: marked up to date with its original.")
            % {"language": version.get_language_display()},
            messages.SUCCESS,
        )
        return version

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        version = getattr(request, "marked_up_to_date", None)
        if version is not None:
            # Stored untranslated, as the admin stores its own: the history translates it.
            with translation.override(None):
                message.append(
                    {
                        "changed": {
                            "name": str(ArticleVersion._meta.verbose_name),
                            "object": str(version),
                            "fields": [
                                str(
                                    ArticleVersion._meta.get_field(
                                        "translation_checked_at"
                                    ).verbose_name
                                )
                            ],
                        }
                    }
                )
        return message

    def response_change(self, request, obj):
        if self.MARK_UP_TO_DATE in request.POST:
            # Back to the page she marked it on, as "Save and continue editing" does.
            request.POST = request.POST.copy()
            request.POST["_continue"] = "1"
        return super().response_change(request, obj)

    @admin.display(description=_("title"))
    def title(self, article):
        return str(article)

    @admin.display(description=_("languages and status"))
    def languages(self, article):
        order = [code for code, _name in settings.LANGUAGES]
        versions = sorted(article.versions.all(), key=lambda v: order.index(v.language))
        return ", ".join(f"{v.language.upper()}: {v.get_status_display()}" for v in versions)

    @admin.display(description=_("translations"))
    def translations(self, article):
        """Which translations are out of date, since when and what changed in their original;
        "Up to date" when none is."""
        versions = article.versions.all()
        if len(versions) < 2:
            return "—"
        stale = [s for s in (v.stale_translation(versions) for v in versions) if s]
        if not stale:
            return _("Up to date")
        return render_to_string(
            "admin/articles/article/translations_out_of_date.html", {"stale_translations": stale}
        )


@admin.register(Theme)
class ThemeAdmin(HistoryAdmin, SaveOnlyChangesMixin, TranslatedHistoryMixin, admin.ModelAdmin):
    list_display = ["name_fr", "name_en", "article_count"]
    search_fields = ["name_fr", "name_en"]
    prepopulated_fields = {"slug_fr": ["name_fr"], "slug_en": ["name_en"]}
    fields = [("name_fr", "slug_fr"), ("name_en", "slug_en")]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(models.Count("articles"))

    @admin.display(description=_("articles"), ordering="articles__count")
    def article_count(self, theme):
        return theme.articles__count
