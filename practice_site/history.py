"""History and undo of every edit made in the admin, on django-reversion.

Each save in the admin keeps a revision of the record (an article with its language versions
and its references); the record's "History" page lists them and reverts to one, and the list's
"Recover deleted …" page brings back a deleted record. Reverting an article to a revision that
had a reference since deleted brings the reference back.
"""

from django.contrib import admin
from django.core.management import call_command
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from reversion import add_to_revision, is_active, set_comment
from reversion.admin import VersionAdmin


class HistoryAdmin(VersionAdmin):
    """A ModelAdmin whose records keep their history. Put it first among the bases, before
    SaveOnlyChangesMixin and ModelAdmin: a revert must save even a form sent back unchanged."""

    def is_restoring(self, request):
        """Whether `request` is reversion's revert or recover page (the earlier version has
        already been written back when the form is saved)."""
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return request.resolver_match.url_name in {f"{name}_revision", f"{name}_recover"}

    def save_model(self, request, obj, form, change):
        if self.is_restoring(request):
            self.save_restored(obj)
        else:
            super().save_model(request, obj, form, change)

    def save_restored(self, obj):
        """Reversion writes an earlier version back with raw saves, as loaddata does, so the
        model's save() has not run: run it now, to render the stored HTML from the restored
        text and date the change (Last-Modified, the sitemap)."""
        obj.save()

    # Reversion keeps the change message as the request's language wrote it; keep what the
    # admin's log keeps instead, which each reader's History shows in their own language.
    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if is_active():
            set_comment(entry.change_message)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if is_active():
            set_comment(entry.change_message)
        return entry

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The record is in the revision whatever changed, so that an edit of an inline alone
        # (a version's text) shows in its history with the versions and references it follows.
        if is_active() and (form.has_changed() or any(f.has_changed() for f in formsets)):
            add_to_revision(form.instance)


def record_initial_versions(using, verbosity=1, **kwargs):
    """Receiver of post_migrate: give every record without a history its first revision, so
    that the first edit of what a data migration made (the article, the legal pages) can be
    undone too."""
    executor = MigrationExecutor(connections[using])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        # A migrate to an earlier state: the tables are not yet those of the models.
        return
    # The records whose admin pages have a history (an article's revisions hold its language
    # versions and references too: VersionAdmin follows the inlines).
    recorded = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, HistoryAdmin)
    ]
    call_command(
        "createinitialrevisions",
        *recorded,
        # Stored as the admin's log stores a change message: shown in the reader's language.
        comment='[{"added": {}}]',
        using=using,
        model_db=using,
        verbosity=max(0, verbosity - 1),
    )
