"""The picture library: each picture uploaded once, placed from the visual editor in any text,
served there in its responsive sizes."""

from urllib.parse import unquote, urlsplit

from django.apps import apps
from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .images import (
    FALLBACK_FORMAT,
    RENDITION_WIDTHS,
    CleanImageField,
    original_size,
    rendition_widths,
    renditions,
    renditions_folder,
    scaled_height,
)
from .templatetags.images import responsive_image


class PictureQuerySet(models.QuerySet):
    def shown_by(self, images):
        """The pictures that `images` of a text show, in one query: {image: picture}, each
        image an (address, id) pair, its `src` and the editor's `data-file`. An image shows the
        picture at its address or, failing that, the picture of its id: the editor keeps the id
        when the picture's file is replaced, not when the address is changed by hand."""
        names = {image: Picture.name_at(image[0] or "") for image in images}
        ids = {image[1] for image in images if image[1] and image[1].isdigit()}
        found = list(self.filter(models.Q(image__in=names.values()) | models.Q(pk__in=ids)))
        by_name = {picture.image.name: picture for picture in found}
        by_id = {str(picture.pk): picture for picture in found}
        shown = {image: by_name.get(names[image]) or by_id.get(image[1]) for image in images}
        return {image: picture for image, picture in shown.items() if picture}


class Picture(models.Model):
    """A picture of the media library: uploaded once, placed from the visual editor in any text
    (an article, the presentation, a legal page), where it is served in responsive sizes."""

    shown_to_readers = True

    UPLOAD_TO = "pictures/"
    image = CleanImageField(
        _("image"),
        upload_to=UPLOAD_TO,
        width_field="width",
        height_field="height",
        # As wide as the narrowest size served: a phone's screen.
        min_width=RENDITION_WIDTHS[0],
        help_text=_(
            "A photograph or picture: JPEG, PNG or WebP, at least 480 pixels wide. Its "
            "location and camera details are removed before it is stored."
        ),
    )
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("To find it in the library; readers do not see it."),
    )
    description = models.CharField(
        _("description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for readers who cannot see it (alternative text), e.g. "
            "“Two armchairs facing each other by a window”. Offered when you place the picture "
            "in a text, where you can adapt it to the text’s language."
        ),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = PictureQuerySet.as_manager()

    class Meta:
        # The table made when the model lived in the practice app: moving it changed no data.
        db_table = "practice_picture"
        ordering = ["-created_at"]
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.image.url

    @classmethod
    def name_at(cls, address):
        """The stored name of the library picture an image `address` points to, or "".

        Read from the end of the address ("…/pictures/<name>"), whatever comes before it, so
        that a text keeps its pictures when the media move (to a bucket, another domain). Any
        address is safe to read so: what a page shows is made from the stored picture alone.
        """
        path = unquote(urlsplit(address).path)
        _before, found, name = path.rpartition(f"/{cls.UPLOAD_TO}")
        return f"{cls.UPLOAD_TO}{name}" if found and name and "/" not in name else ""

    def thumbnail(self):
        """The smallest JPEG rendition, as the admin shows the picture: {url, width, height}."""
        size = original_size(self.image)
        width = rendition_widths(size[0])[0]
        rendition = renditions(self.image, size[0])[FALLBACK_FORMAT, width]
        return {"url": rendition.url, "width": width, "height": scaled_height(size, width)}

    def responsive_html(self, alt, sizes):
        """This picture as a <picture> of its renditions (see `{% responsive_image %}`),
        described by `alt` and shown `sizes` wide; fetched lazily, as a text's pictures are
        below its start."""
        return render_to_string(
            "includes/responsive_image.html", responsive_image(self.image, alt, sizes)
        ).strip()


def render_texts_again(file_name, **kwargs):
    """Receiver of django-cleanup's cleanup_post_delete for Picture: a picture deleted, or whose
    file was replaced, has just lost its old file and renditions (after the commit), which the
    texts showing it still name in their stored HTML. Render those texts again: they show the
    new file (found by the id the editor keeps) or, the picture deleted, none.

    A model whose texts can show a picture (with the editor's EDITOR_EXTENSIONS) says so by its
    classmethod render_texts_showing(folder), which renders again those of its records whose
    stored HTML shows a file of `folder`: this app knows no app that stands on it."""
    folder = renditions_folder(file_name)
    for model in apps.get_models():
        if hasattr(model, "render_texts_showing"):
            model.render_texts_showing(folder)
