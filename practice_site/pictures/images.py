"""Uploaded images: checked, cleaned of their metadata, served in responsive sizes.

The pipeline, for any model's image field:

- `CleanImageField` (a model ImageField) refuses, with a clear message, a file that is not a
  JPEG, PNG or WebP image by its content, is too heavy, has too many pixels to decode safely
  (an "image bomb") or is too small for its use (`ImageUploadValidator`); it stores a cleaned
  copy (`clean_image`): turned upright, converted to sRGB, without any metadata (EXIF with its
  GPS position, XMP, ICC profile, comments), named after its content.
- The sizes served are renditions made by django-imagekit from that cleaned original
  (`Rendition`, `SocialCard`): generated in the background once the upload is committed, or on
  first use if the worker has not got to them yet; `manage.py generate_renditions` makes them
  again. Each field names the link preview crop that suits its images (`social_card`).
- `{% responsive_image %}` (templatetags/images.py) renders any image
  field file as a <picture>: AVIF and WebP sources and a JPEG fallback, each in several widths.
- An original replaced or deleted leaves the storage once the change is committed
  (django-cleanup), and its renditions with it (`delete_renditions_with_original`);
  `manage.py delete_orphan_media` deletes the files no record uses (`orphan_media`).
"""

import contextlib
import hashlib
import io
import posixpath
import warnings
from types import SimpleNamespace

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models.fields.files import FieldFile, ImageFieldFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from imagekit import register
from imagekit.cachefiles import ImageCacheFile
from imagekit.cachefiles.backends import get_default_cachefile_backend
from imagekit.processors import ResizeToFill, ResizeToFit
from imagekit.registry import generator_registry
from imagekit.specs import ImageSpec
from PIL import ExifTags, Image, ImageCms, ImageOps, UnidentifiedImageError

# What an upload may be, told by Pillow from the content, and the extension its stored copy gets.
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# The cleaned original is the source of every rendition: kept at a high quality.
ORIGINAL_OPTIONS = {"JPEG": {"quality": 90}, "PNG": {}, "WEBP": {"quality": 90}}

# Widths offered to the browser, which picks one by the `sizes` of the page and the screen's
# pixel density: a phone (480), a phone at 2x or a tablet (800), the reading column at 2x (1200).
RENDITION_WIDTHS = (480, 800, 1200)
# Modern formats first: a browser takes the first <source> whose type it reads, JPEG otherwise.
SOURCE_FORMATS = (("AVIF", "image/avif"), ("WEBP", "image/webp"))
FALLBACK_FORMAT = "JPEG"
# AVIF at encoder speed 8 rather than libavif's 6: three times faster on the small server that
# makes the renditions as she saves, for files about 3 % larger.
RENDITION_OPTIONS = {
    "AVIF": {"quality": 60, "speed": 8},
    "WEBP": {"quality": 80},
    "JPEG": {"quality": 82, "progressive": True, "optimize": True},
}
# The size of a link preview (Open Graph, https://ogp.me/): what social networks crop to.
SOCIAL_CARD_SIZE = (1200, 630)

SRGB = ImageCms.createProfile("sRGB")


def _too_many_pixels():
    return ValidationError(
        _(
            "This image has too many pixels to be processed safely: %(limit)s million at most. "
            "Export it at a smaller size."
        ),
        code="too_many_pixels",
        params={"limit": settings.IMAGE_MAX_PIXELS // 1_000_000},
    )


def open_upload(file):
    """The image in `file`, opened by Pillow from its content (its header only, not decoded
    yet); a ValidationError with a clear message for what must not be decoded."""
    if file.size > settings.IMAGE_MAX_UPLOAD_SIZE:
        raise ValidationError(
            _("This file is %(size)s; an image can be %(limit)s at most."),
            code="file_too_large",
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.IMAGE_MAX_UPLOAD_SIZE),
            },
        )
    file.seek(0)
    # Pillow warns of a possible decompression bomb, and refuses one twice as large: either
    # way, a refusal the psychologist can read, never a 500.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(file, formats=list(ACCEPTED_FORMATS))
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise _too_many_pixels() from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
            raise ValidationError(
                _("This file is not a JPEG, PNG or WebP image."), code="invalid_image_type"
            ) from error
    if image.width * image.height > settings.IMAGE_MAX_PIXELS:
        raise _too_many_pixels()
    return image


def upright_size(image):
    """The (width, height) of `image` once turned as its EXIF orientation says."""
    orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
    # Orientations 5 to 8 are quarter turns: width and height swap.
    return (image.height, image.width) if orientation in (5, 6, 7, 8) else image.size


@deconstructible
class ImageUploadValidator:
    """A newly uploaded image is a JPEG, PNG or WebP (by content), within the size and pixel
    limits of the settings, and at least `min_width` × `min_height` pixels once upright."""

    def __init__(self, min_width=0, min_height=0):
        self.min_width = min_width
        self.min_height = min_height

    def __call__(self, value):
        # A file already stored was checked, and cleaned, when it was uploaded: opening it
        # again on every save of its model would read it from storage for nothing.
        if isinstance(value, FieldFile) and value._committed:
            return
        with open_upload(value) as image:
            width, height = upright_size(image)
        if width < self.min_width or height < self.min_height:
            raise ValidationError(
                _(
                    "This image is %(width)s × %(height)s pixels; it must be at least "
                    "%(min_width)s × %(min_height)s pixels."
                ),
                code="image_too_small",
                params={
                    "width": width,
                    "height": height,
                    "min_width": self.min_width,
                    "min_height": self.min_height,
                },
            )

    def __eq__(self, other):
        return isinstance(other, ImageUploadValidator) and (
            (self.min_width, self.min_height) == (other.min_width, other.min_height)
        )


def to_srgb(image):
    """`image` in RGB (RGBA if it has transparency), its colours converted from its ICC
    profile to sRGB: browsers show an image without a profile as sRGB, so the colours stay
    as the photographer saw them once the profile is dropped."""
    mode = "RGBA" if image.has_transparency_data else "RGB"
    profile = image.info.get("icc_profile")
    # Palette, bilevel, 16-bit or grey with alpha: ImageCms transforms RGB, CMYK and grey only.
    if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        image = image.convert(mode)
    if profile:
        # A damaged profile, or one for other colours: the values are kept as they are.
        with contextlib.suppress(ImageCms.PyCMSError, OSError):
            image = ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(io.BytesIO(profile)), SRGB, outputMode=mode
            )
    return image.convert(mode) if image.mode != mode else image


def clean_image(file):
    """A copy of the uploaded image `file` as it will be stored: turned upright by its EXIF
    orientation (which goes with the rest of the metadata), in sRGB, with no metadata at all,
    in its own format, named after its content (the uploader's file name may say too much)."""
    with open_upload(file) as opened:
        image_format = opened.format
        image = to_srgb(ImageOps.exif_transpose(opened))
    # Everything Pillow read besides the pixels (EXIF, XMP, ICC, comments, DPI): none of it is
    # written with the copy.
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, image_format, **ORIGINAL_OPTIONS[image_format])
    content = buffer.getvalue()
    name = f"{hashlib.sha256(content).hexdigest()[:24]}.{ACCEPTED_FORMATS[image_format]}"
    return ContentFile(content, name=name)


class CleanImageFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        # Named after its content: the name the file was uploaded under is dropped too.
        cleaned = clean_image(content)
        super().save(cleaned.name, cleaned, save)
        name, card = self.name, self.field.social_card
        # Made in the background once the upload is there for the worker to read.
        transaction.on_commit(lambda: generate_renditions.enqueue(name, card))


class ImageUploadFormField(forms.ImageField):
    """Django's image form field, after the checks that a decoder must not meet (size, type,
    pixel count) with their own messages: Django's would call an image bomb "not an image or
    a corrupted image"."""

    def to_python(self, data):
        if data not in self.empty_values:
            with open_upload(data):
                data.seek(0)  # where Django's check reads it from
        return super().to_python(data)


class CleanImageField(models.ImageField):
    """An image field whose uploads are checked (ImageUploadValidator, with `min_width` and
    `min_height`) and stored cleaned (clean_image). Declare `width_field` and `height_field`:
    the page then knows the sizes of the renditions without reading the file. `social_card`
    is the id of the link preview spec its images are cropped with (SocialCard by default)."""

    attr_class = CleanImageFieldFile

    def __init__(self, *args, min_width=0, min_height=0, social_card=None, **kwargs):
        self.min_width = min_width
        self.min_height = min_height
        self.social_card = social_card or SocialCard.id
        kwargs.setdefault("validators", [ImageUploadValidator(min_width, min_height)])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.min_width:
            kwargs["min_width"] = self.min_width
        if self.min_height:
            kwargs["min_height"] = self.min_height
        if self.social_card != SocialCard.id:
            kwargs["social_card"] = self.social_card
        if kwargs.get("validators") == [ImageUploadValidator(self.min_width, self.min_height)]:
            del kwargs["validators"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadFormField, **kwargs})


# Registered, as the social cards below are: imagekit applies its cache file strategy (made on
# first use) to registered generators only.
@register.generator("practice:rendition")
class Rendition(ImageSpec):
    """One width of an image in one format. Made from the cleaned original, it has no metadata
    either (Pillow writes none unless asked)."""

    def __init__(self, source, width, image_format):
        self.processors = [ResizeToFit(width=width)]
        self.format = image_format
        self.options = RENDITION_OPTIONS[image_format]
        super().__init__(source=source)


class SocialCard(ImageSpec):
    """The link preview of an image: cropped to fill SOCIAL_CARD_SIZE, in JPEG, which every
    social network reads."""

    id = "practice:social-card"
    processors = [ResizeToFill(*SOCIAL_CARD_SIZE)]
    format = "JPEG"
    options = RENDITION_OPTIONS["JPEG"]


class PortraitSocialCard(SocialCard):
    """The link preview of a portrait. A face sits in the upper part of a head-and-shoulders
    photo, which the wide card cuts through: the crop keeps the band a quarter of the way down
    the excess height (from the top of the head to the chest) rather than the middle (the chin
    to the waist). The library finds no face by itself; its anchors are fractions."""

    id = "practice:portrait-social-card"
    processors = [ResizeToFill(*SOCIAL_CARD_SIZE, anchor=(0.5, 0.25))]


register.generator(SocialCard.id, SocialCard)
register.generator(PortraitSocialCard.id, PortraitSocialCard)


def original_size(image):
    """The (width, height) of a stored image, from its model's width and height fields when
    the field declares them (no read from storage), else from the file."""
    field = image.field
    if field.width_field and field.height_field:
        instance = image.instance
        size = getattr(instance, field.width_field), getattr(instance, field.height_field)
        if all(size):
            return size
    return image.width, image.height


def rendition_widths(original_width):
    """The widths offered for an image `original_width` pixels wide: the standard ones it is
    wider than, and itself up to the largest (never enlarged)."""
    widths = [width for width in RENDITION_WIDTHS if width < original_width]
    return [*widths, min(original_width, RENDITION_WIDTHS[-1])]


def scaled_height(original_size, width):
    """The height of a rendition `width` wide, rounded as imagekit's ResizeToFit does."""
    original_width, original_height = original_size
    return round(original_height * width / original_width)


def renditions(image, original_width):
    """Every rendition of the stored `image` a page may ask for: {(format, width): file}."""
    return {
        (image_format, width): ImageCacheFile(Rendition(image, width, image_format))
        for image_format in (*(f for f, _type in SOURCE_FORMATS), FALLBACK_FORMAT)
        for width in rendition_widths(original_width)
    }


def social_card(image, card=None):
    """The link preview of `image`, the file of a CleanImageField (or any image file, with the
    id of its `card` spec), cropped as its field says."""
    card = card or getattr(getattr(image, "field", None), "social_card", SocialCard.id)
    return ImageCacheFile(generator_registry.get(card, source=image))


def social_image(request, image, alt):
    """The link preview of `image` as pages share it and describe it (Open Graph, JSON-LD):
    its absolute url, width, height and `alt`."""
    width, height = SOCIAL_CARD_SIZE
    return {
        "url": request.build_absolute_uri(social_card(image).url),
        "width": width,
        "height": height,
        "alt": alt,
    }


@task()
def generate_renditions(name, card=SocialCard.id, force=False):
    """Make every rendition of the stored image `name` not made yet (all of them if `force`),
    its link preview with the spec `card`."""
    with default_storage.open(name) as stored:
        # Under its storage name, as the page names it: the renditions' names derive from it.
        image = File(stored, name=name)
        with Image.open(image) as opened:
            width = opened.width
        for rendition in [*renditions(image, width).values(), social_card(image, card)]:
            rendition.generate(force=force)


def stored_images():
    """The name of every image stored by a CleanImageField of any model, with the id of its
    field's link preview spec."""
    from django.apps import apps

    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, CleanImageField):
                names = model._default_manager.exclude(**{field.name: ""}).values_list(
                    field.name, flat=True
                )
                for name in names.iterator():
                    yield name, field.social_card


def renditions_folder(name):
    """The folder of the renditions of the stored image `name`: imagekit's default namer
    (source_name_as_path) puts them under the source's name without its extension."""
    return f"{settings.IMAGEKIT_CACHEFILE_DIR}/{posixpath.splitext(name)[0]}/"


def delete_renditions(name):
    """Delete every rendition of the stored image `name`, and forget that they were made: the
    same content uploaded again gets the same name, whose renditions must then be made anew."""
    folder = renditions_folder(name)
    try:
        _folders, files = default_storage.listdir(folder)
    except FileNotFoundError:  # never made (a folder on disk; a bucket lists nothing)
        return
    for file_name in files:
        delete_media(f"{folder}{file_name}")


def delete_media(name):
    """Delete the stored file `name`, and what imagekit remembers of it if it is a rendition."""
    default_storage.delete(name)
    backend = get_default_cachefile_backend()
    # The backend keys what it remembers by the file's name alone.
    backend.cache.delete(backend.get_key(SimpleNamespace(name=name)))


def delete_renditions_with_original(file_name, **kwargs):
    """Receiver of django-cleanup's cleanup_post_delete: an original replaced or deleted has
    just left the storage (after the commit); its renditions, which pages served, follow it.
    Any other file has no folder of renditions, and nothing is deleted."""
    delete_renditions(file_name)


def walk_storage(folder):
    """The name of every file under `folder` of the media storage."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}{name}"
    for sub in folders:
        yield from walk_storage(f"{folder}{sub}/")


def orphan_media(min_age):
    """The uploaded images and renditions that no record uses any more: those left behind
    before replaced and deleted images left the storage with their record. Only the folders
    of the image fields and of their renditions are searched; a file younger than `min_age`
    (a timedelta) is spared, as its record may not be committed yet."""
    from django.apps import apps

    used = {name for name, _card in stored_images()}
    used_renditions = {renditions_folder(name) for name in used}
    upload_folders = {
        field.upload_to
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, CleanImageField)
    }
    cutoff = timezone.now() - min_age
    for folder in sorted(upload_folders):
        originals = (name for name in walk_storage(folder) if name not in used)
        renditions = (
            name
            for name in walk_storage(f"{settings.IMAGEKIT_CACHEFILE_DIR}/{folder}")
            if f"{posixpath.dirname(name)}/" not in used_renditions
        )
        for name in [*originals, *renditions]:
            if default_storage.get_modified_time(name) <= cutoff:
                yield name
