import uuid

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from practice_site.core.ratelimit import RateLimit, client_network
from practice_site.practice.views import PresentsPracticeMixin

from .forms import EnquiryForm


# The form and its replies show what the reader typed (or, thanked, that she wrote): kept by no
# browser or proxy (no-store, private), and never by the page cache either.
@method_decorator(never_cache, name="dispatch")
class EnquiryView(PresentsPracticeMixin, FormView):
    form_class = EnquiryForm
    template_name = "contact/enquiry_form.html"
    success_url = reverse_lazy("contact:thanks")
    # PUT would otherwise be handled as POST.
    http_method_names = ["get", "post", "head", "options"]
    # What a post over PUBLIC_REQUEST_MAX_SIZE gets (practice_site/request_size.py): no other
    # field can make the form that long.
    request_too_large_template = "contact/message_too_long.html"

    def get_initial(self):
        return {"submission_id": uuid.uuid4()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(retention_days=settings.ENQUIRY_RETENTION_DAYS, **kwargs)

    def form_valid(self, form):
        if form.is_spam():
            return self.thanks()
        rate_limit = RateLimit.parse(settings.CONTACT_RATE_LIMIT)
        if rate_limit and not rate_limit.allows(client_network(self.request)):
            form.add_error(
                None,
                _(
                    "You have sent several messages in a short time. Please try again later, "
                    "or call or email the practice."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        form.save(language=translation.get_language())
        return self.thanks()

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def thanks(self):
        # 303: the browser fetches the thank-you page with GET; a reload does not post again.
        return HttpResponseRedirect(self.get_success_url(), status=303)


@method_decorator(never_cache, name="dispatch")
class ThanksView(TemplateView):
    template_name = "contact/thanks.html"


@never_cache
def csrf_failure(request, reason=""):
    """A form posted without a valid security token (an old tab, blocked cookies): explain in
    the reader's language instead of Django's English technical page."""
    return TemplateResponse(request, "403_csrf.html", status=403)
