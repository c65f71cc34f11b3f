from django.utils.functional import SimpleLazyObject

from .models import PracticeDetails, Presentation


def practice(request):
    """The practice's details, for the header and footer of every page, and its presentation,
    whose portrait is the link preview of a page without an image of its own (both cached: no
    query per page view). The presentation is lazy: read only if the page shows it and its
    view did not give it already."""
    return {"practice": PracticeDetails.load(), "presentation": SimpleLazyObject(Presentation.load)}
