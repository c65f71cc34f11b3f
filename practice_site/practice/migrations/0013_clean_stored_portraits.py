from django.core.files.storage import default_storage
from django.db import migrations, transaction
from PIL import Image, UnidentifiedImageError

from ._frozen_clean_image import clean_image


def clean_stored_portraits(apps, schema_editor):
    """A portrait uploaded before 0012 was stored as sent, with its metadata (the GPS position
    of a phone photo) and under its file name: store a cleaned copy named after its content in
    its place, and delete the original. Renditions are made from the new copy on first use."""
    Presentation = apps.get_model("practice", "Presentation")
    for presentation in Presentation.objects.exclude(portrait=""):
        old_name = presentation.portrait.name
        try:
            with default_storage.open(old_name) as file:
                cleaned, (width, height) = clean_image(file)
        except (OSError, UnidentifiedImageError, Image.DecompressionBombError, ValueError):
            continue  # gone from the storage, or not an image it can clean: left as it is
        # Saved through the storage, not the field: the field's save is the live pipeline's.
        new_name = default_storage.save(f"portraits/{cleaned.name}", cleaned)
        Presentation.objects.filter(pk=presentation.pk).update(
            portrait=new_name, portrait_width=width, portrait_height=height
        )
        # Once the new name is committed: rolled back, the record would name a deleted file.
        transaction.on_commit(lambda name=old_name: default_storage.delete(name))


class Migration(migrations.Migration):
    dependencies = [("practice", "0012_portrait_through_the_image_pipeline")]

    operations = [migrations.RunPython(clean_stored_portraits, migrations.RunPython.noop)]
