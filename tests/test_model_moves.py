"""The library's Picture and the rate limit's counter moved to apps of their own (pictures,
core) without touching their tables: upgrading keeps their rows, content types, permissions,
admin log entries and history; migrating back finds them where they were."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

# Today's main: the practice app held Picture, the contact app RateLimitCounter.
BEFORE = [
    ("practice", "0020_forget_what_failed_sign_ins_typed"),
    ("contact", "0008_enquiry_sent_to_and_handled"),
    ("pictures", None),
    ("core", None),
]
KEY = "a" * 64


def migrate(targets):
    """Migrate to `targets` alone: no post_migrate, which would make the content types of the
    new apps afresh and hide one that did not move."""
    state = MigrationExecutor(connection).migrate(targets)
    ContentType.objects.clear_cache()
    return state.apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def before_the_moves():
    """The database as today's main leaves it, with a picture placed in the history and the
    admin's log, and a client's counter; migrated to the latest state afterwards."""
    old = migrate(BEFORE)
    picture_type = old.get_model("contenttypes", "ContentType").objects.get(
        app_label="practice", model="picture"
    )
    picture = old.get_model("practice", "Picture").objects.create(
        image="pictures/fauteuils.jpg", width=800, height=600, title="Fauteuils"
    )
    user = old.get_model("auth", "User").objects.create(username="camille", is_staff=True)
    user.user_permissions.add(
        old.get_model("auth", "Permission").objects.get(
            content_type=picture_type, codename="change_picture"
        )
    )
    old.get_model("admin", "LogEntry").objects.create(
        user=user,
        content_type=picture_type,
        object_id=str(picture.pk),
        object_repr="Fauteuils",
        action_flag=2,
        action_time=timezone.now(),
    )
    revision = old.get_model("reversion", "Revision").objects.create(date_created=timezone.now())
    fields = {"image": "pictures/fauteuils.jpg", "width": 800, "height": 600}
    fields |= {"title": "Fauteuils", "description": "", "created_at": "2026-11-26T10:00:00Z"}
    old.get_model("reversion", "Version").objects.create(
        revision=revision,
        object_id=str(picture.pk),
        content_type=picture_type,
        db="default",
        format="json",
        serialized_data=json.dumps(
            [{"model": "practice.picture", "pk": picture.pk, "fields": fields}]
        ),
        object_repr="Fauteuils",
    )
    old.get_model("contact", "RateLimitCounter").objects.create(
        key=KEY, window_start=timezone.now(), count=3
    )
    yield {
        "picture": picture.pk,
        "picture_type": picture_type.pk,
        "counter_type": old.get_model("contenttypes", "ContentType")
        .objects.get(app_label="contact", model="ratelimitcounter")
        .pk,
    }
    call_command("migrate", verbosity=0)


def test_a_fresh_database_has_the_content_types_in_the_new_apps_only():
    labels = ContentType.objects.filter(model__in=["picture", "ratelimitcounter"])
    assert sorted(labels.values_list("app_label", "model")) == [
        ("core", "ratelimitcounter"),
        ("pictures", "picture"),
    ]


def test_upgrading_finds_them_in_the_new_apps_and_migrating_back_in_the_old(before_the_moves):
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth.models import User
    from reversion.models import Version

    from practice_site.core.models import RateLimitCounter
    from practice_site.pictures.models import Picture

    migrate(latest())

    picture = Picture.objects.get(pk=before_the_moves["picture"])
    assert (picture.title, picture.width, picture.image.name) == (
        "Fauteuils",
        800,
        "pictures/fauteuils.jpg",
    )
    assert ContentType.objects.get_for_model(Picture).pk == before_the_moves["picture_type"]
    assert not ContentType.objects.filter(app_label="practice", model="picture").exists()
    assert User.objects.get(username="camille").has_perm("pictures.change_picture")
    assert LogEntry.objects.get().get_edited_object() == picture
    # What a revert reads: the version's copy, as the pictures app's model.
    picture_type = ContentType.objects.get_for_model(Picture)
    version = Version.objects.get(content_type=picture_type, object_id=str(picture.pk))
    [restored] = serializers.deserialize("json", version.serialized_data)
    assert (type(restored.object), restored.object.title) == (Picture, "Fauteuils")
    assert RateLimitCounter.objects.get(key=KEY).count == 3
    assert (
        ContentType.objects.get_for_model(RateLimitCounter).pk == before_the_moves["counter_type"]
    )

    old = migrate(BEFORE)

    old_types = old.get_model("contenttypes", "ContentType").objects
    assert old_types.get(pk=before_the_moves["picture_type"]).app_label == "practice"
    assert old_types.get(pk=before_the_moves["counter_type"]).app_label == "contact"
    assert old.get_model("practice", "Picture").objects.get().title == "Fauteuils"
    assert old.get_model("contact", "RateLimitCounter").objects.get().count == 3
    [version] = old.get_model("reversion", "Version").objects.all()
    assert json.loads(version.serialized_data)[0]["model"] == "practice.picture"
    assert old.get_model("admin", "LogEntry").objects.get().content_type.app_label == "practice"
