"""The admin site, behind two-factor sign-in when settings.ADMIN_TWO_FACTOR is on.

django-two-factor-auth provides the sign-in wizard (password, then a code from an
authenticator app or a recovery code), the enrolment with a QR code and the recovery codes;
this site shows them in the admin's frame, under the admin's address.
"""

from functools import wraps

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, reverse
from django.utils.http import urlencode
from two_factor.urls import urlpatterns as two_factor_urlpatterns
from two_factor.utils import default_device
from two_factor.views import LoginView


class PracticeAdminSite(admin.AdminSite):
    def has_permission(self, request):
        """Staff, and with ADMIN_TWO_FACTOR on, signed in with a second factor in this
        session: a password alone opens nothing."""
        return super().has_permission(request) and (
            not settings.ADMIN_TWO_FACTOR or request.user.is_verified()
        )

    def login(self, request, extra_context=None):
        if not settings.ADMIN_TWO_FACTOR:
            return super().login(request, extra_context)
        if request.method == "GET" and self.has_permission(request):
            return redirect("admin:index", current_app=self.name)
        user = request.user
        if user.is_active and user.is_staff and not default_device(user):
            # The password was right and no authenticator is enrolled yet (the library signs
            # such a user in without a second factor): enrol one, which verifies this session,
            # then print the recovery codes.
            query = urlencode({"next": reverse("two_factor:backup_tokens")})
            return redirect(f"{reverse('two_factor:setup')}?{query}")
        return self.in_admin_frame(LoginView.as_view())(request)

    def in_admin_frame(self, view):
        """`view`, with the admin's header, title and user links around its page."""

        @wraps(view)
        def framed(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if isinstance(response, TemplateResponse):
                context = response.context_data or {}
                response.context_data = {**self.each_context(request), **context}
            return response

        return framed

    # Its own login page: the admin's login is the one sign-in page. Its "disable" page: a
    # session could drop the second factor and sign in on a password alone again; the operator
    # resets a lost device with `manage.py two_factor_disable` instead.
    LEFT_OUT = {"login", "disable"}
    # Enrolling is for an account without an authenticator: with one enrolled, a session that
    # has not given its code must not add another (the library checks this on GET only).
    ENROLMENT = {"setup", "qr"}

    @property
    def two_factor_urls(self):
        """django-two-factor-auth's pages (enrolment, QR code, recovery codes, account
        security), in the admin's frame."""
        patterns, app_name = two_factor_urlpatterns
        return [
            URLPattern(pattern.pattern, self.two_factor_view(pattern), name=pattern.name)
            for pattern in patterns
            if pattern.name not in self.LEFT_OUT
        ], app_name

    def two_factor_view(self, pattern):
        view = self.in_admin_frame(pattern.callback)
        if pattern.name not in self.ENROLMENT:
            return view

        @wraps(view)
        def enrol_once(request, *args, **kwargs):
            user = request.user
            if user.is_authenticated and default_device(user) and not user.is_verified():
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return enrol_once
