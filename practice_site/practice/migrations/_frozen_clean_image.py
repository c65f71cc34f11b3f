"""A frozen copy of practice_site.images.clean_image of 2026-11-26, for the data migration that
cleans the portraits stored before the portrait went through the image pipeline: a migration
must give the same result whatever the live code has become. Do not edit it. (Not a migration:
Django skips modules whose name starts with an underscore.)
"""

import contextlib
import hashlib
import io

from django.core.files.base import ContentFile
from PIL import Image, ImageCms, ImageOps

EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
OPTIONS = {"JPEG": {"quality": 90}, "PNG": {}, "WEBP": {"quality": 90}}


def to_srgb(image):
    mode = "RGBA" if image.has_transparency_data else "RGB"
    profile = image.info.get("icc_profile")
    if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        image = image.convert(mode)
    if profile:
        with contextlib.suppress(ImageCms.PyCMSError, OSError):
            image = ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                ImageCms.createProfile("sRGB"),
                outputMode=mode,
            )
    return image.convert(mode) if image.mode != mode else image


def clean_image(file):
    """The image in `file` turned upright, in sRGB, without any metadata, in its own format
    (JPEG, PNG or WebP), named after its content; its (width, height)."""
    with Image.open(file, formats=list(EXTENSIONS)) as opened:
        image_format = opened.format
        image = to_srgb(ImageOps.exif_transpose(opened))
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, image_format, **OPTIONS[image_format])
    content = buffer.getvalue()
    name = f"{hashlib.sha256(content).hexdigest()[:24]}.{EXTENSIONS[image_format]}"
    return ContentFile(content, name=name), image.size
