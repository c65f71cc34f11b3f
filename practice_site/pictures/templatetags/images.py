from django import template
from django.core.exceptions import DisallowedHost

from practice_site.pictures.images import (
    FALLBACK_FORMAT,
    SOURCE_FORMATS,
    original_size,
    renditions,
    scaled_height,
    social_image,
)

register = template.Library()

# The rendition an old browser, which reads no srcset, gets: sharp in the reading column.
FALLBACK_WIDTH = 800


@register.inclusion_tag("includes/responsive_image.html")
def responsive_image(image, alt, sizes, priority=False, css_class=""):
    """`image`, the file of any image field, as a <picture> of its renditions.

    `alt` describes it ("" for a decorative image); `sizes` says how wide it is shown (e.g.
    "(min-width: 40rem) 37rem, 100vw"), for the browser to choose a width; `priority` marks the
    image at the top of a page, fetched at once instead of lazily when scrolled to.
    """
    size = original_size(image)
    files = renditions(image, size[0])
    widths = sorted({width for _format, width in files})

    def srcset(image_format):
        return ", ".join(f"{files[image_format, width].url} {width}w" for width in widths)

    fallback_width = min(widths, key=lambda width: abs(width - FALLBACK_WIDTH))
    return {
        "sources": [
            {"type": mime_type, "srcset": srcset(image_format)}
            for image_format, mime_type in SOURCE_FORMATS
        ],
        "src": files[FALLBACK_FORMAT, fallback_width].url,
        "srcset": srcset(FALLBACK_FORMAT),
        "sizes": sizes,
        "width": fallback_width,
        "height": scaled_height(size, fallback_width),
        "alt": alt,
        "priority": priority,
        "css_class": css_class,
    }


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` made absolute with the request's scheme and host, as link previews need; `url` as
    it is on an error page rendered without a request, or for a host the site does not serve."""
    request = context.get("request")
    if request is None:
        return url
    try:
        return request.build_absolute_uri(url)
    except DisallowedHost:
        return url


@register.simple_tag(takes_context=True)
def link_preview(context, image, alt):
    """The link preview of `image` (absolute url, width, height, alt), as pages share it; None
    for a host the site does not serve, whose page then has the site's default image."""
    try:
        return social_image(context["request"], image, alt)
    except DisallowedHost:
        return None
