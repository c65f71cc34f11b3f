from .models import PracticeDetails


def practice(request):
    """The practice's details, for the header and footer of every page (cached: no query per
    page view)."""
    return {"practice": PracticeDetails.load()}
