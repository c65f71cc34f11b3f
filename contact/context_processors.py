from .models import PracticeDetails


def practice(request):
    """The practice's details, for the footer of every page (cached: no query per page)."""
    return {"practice": PracticeDetails.load()}
