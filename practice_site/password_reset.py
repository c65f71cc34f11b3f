""" "Forgotten your password?" for the admin's accounts: django.contrib.auth's reset by email,
in the admin's frame (PracticeAdminSite.password_reset_urls), with two additions.

- Rate-limited per client address and per email address (PASSWORD_RESET_RATE_LIMIT), on the
  contact form's atomic counter, so the form cannot be used to flood a mailbox; over the limit
  the page answers as always and nothing is sent.
- Emailed by a task (the `worker`), never in the web request: the page answers in the same
  time whether an account has that address or not (no email to send), so neither its
  wording, which is Django's, nor its timing tells who has an account. The queue holds the
  account's id, never an address or a reset link.

A new password does not skip the second factor: the reset signs no one in, and the next sign-in
asks for the code as always. It does lift a django-axes lock-out on the account, as the
lock-out page promises.
"""

from axes.utils import reset as reset_lockouts
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from practice_site.core.ratelimit import RateLimit, client_network

from .signin import forget_account_failures


class RateLimitedPasswordResetForm(PasswordResetForm):
    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def within_limit(self, email):
        """Both counted every time: one address cannot be aimed at from many clients, nor
        many addresses tried from one client."""
        limit = RateLimit.parse(settings.PASSWORD_RESET_RATE_LIMIT, "PASSWORD_RESET_RATE_LIMIT")
        if limit is None:
            return True
        from_client = limit.allows(f"password-reset:{client_network(self.request)}")
        for_address = limit.allows(f"password-reset:{email.lower()}")
        return from_client and for_address

    def save(self, *, request, use_https=False, **kwargs):
        """Enqueue one email per account with this address; the rest of Django's options
        (templates, token generator) are its defaults, which the task uses. Over the limit,
        nothing is sent and the page says what it always says: an error would tell a stranger
        the limit, and requests aimed at her address would block her own."""
        email = self.cleaned_data["email"]
        if not self.within_limit(email):
            return
        language = translation.get_language()
        for user in self.get_users(email):
            send_password_reset.enqueue(
                user.pk, domain=request.get_host(), use_https=use_https, language=language
            )


@task()
def send_password_reset(user_id, domain, use_https, language):
    """Email the account its reset link, as PasswordResetForm.save() does, in `language`."""
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return
    email = getattr(user, user.get_email_field_name())
    context = {
        "email": email,
        "domain": domain,
        "site_name": domain,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": "https" if use_https else "http",
    }
    with translation.override(language):
        PasswordResetForm().send_mail(
            "registration/password_reset_subject.txt",
            "registration/password_reset_email.html",
            context,
            None,
            email,
        )


class PasswordResetView(auth_views.PasswordResetView):
    form_class = RateLimitedPasswordResetForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        reset_lockouts(username=self.user.get_username())
        forget_account_failures(self.user.get_username())
        return response
