"""The admin site, behind two-factor sign-in when settings.ADMIN_TWO_FACTOR is on.

django-two-factor-auth provides the sign-in wizard (password, then a code from an
authenticator app or a recovery code), the enrolment with a QR code (reached only through an
enrolment link, practice_site/enrolment.py) and the recovery codes; this site shows them in
the admin's frame, under the admin's address.
"""

from functools import wraps

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.timesince import timeuntil
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.i18n import JavaScriptCatalog
from two_factor.urls import urlpatterns as two_factor_urlpatterns
from two_factor.utils import default_device
from two_factor.views import LoginView

from . import enrolment, password_reset

# Apps the psychologist never needs: on the home page for the superuser only, under one
# "Technical" heading.
TECHNICAL_APPS = {"auth", "axes", "otp_static", "otp_totp", "django_tasks_database"}
# Names for those whose library has no French, or a name only a developer understands.
TECHNICAL_APP_NAMES = {
    "axes": _("Sign-in lock-outs"),
    "otp_static": _("Two-factor sign-in: recovery codes"),
    "otp_totp": _("Two-factor sign-in: authenticator apps"),
    "django_tasks_database": _("Background tasks"),
}
TECHNICAL_MODEL_NAMES = {
    ("otp_static", "StaticDevice"): _("recovery code lists"),
    ("otp_totp", "TOTPDevice"): _("authenticator apps"),
    ("django_tasks_database", "DBTaskResult"): _("task results"),
}


class PracticeAdminSite(admin.AdminSite):
    def get_urls(self):
        # The French of the visual editor's menus and dialogs (django-prose-editor's catalogue),
        # which its scripts read from window.gettext: EditorMediaMixin loads it. The admin's own
        # catalogue is included, as this script replaces the window.gettext of the admin's.
        catalogue = JavaScriptCatalog.as_view(
            packages=["django.contrib.admin", "django_prose_editor"]
        )
        return [
            path(
                "jsi18n/editor/", self.admin_view(catalogue, cacheable=True), name="editor_jsi18n"
            ),
            *super().get_urls(),
        ]

    def get_app_list(self, request, app_label=None):
        """Her apps first, then, for the superuser only, the technical ones."""
        apps = super().get_app_list(request, app_label)
        for app in apps:
            app["technical"] = app["app_label"] in TECHNICAL_APPS
            app["name"] = TECHNICAL_APP_NAMES.get(app["app_label"], app["name"])
            for model in app["models"]:
                key = (app["app_label"], model["object_name"])
                if key in TECHNICAL_MODEL_NAMES:
                    model["name"] = capfirst(TECHNICAL_MODEL_NAMES[key])
        everyday = [app for app in apps if not app["technical"]]
        if not request.user.is_superuser:
            return everyday
        technical = sorted((app for app in apps if app["technical"]), key=lambda a: a["name"])
        return everyday + technical

    def index(self, request, extra_context=None):
        apps = self.get_app_list(request)
        return super().index(
            request,
            {
                "app_list": [app for app in apps if not app["technical"]],
                "technical_app_list": [app for app in apps if app["technical"]],
                **(extra_context or {}),
            },
        )

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
        if not self.signed_in_without_device(request):
            response = self.in_admin_frame(LoginView.as_view())(request)
            if not self.signed_in_without_device(request):
                return response
        # The password was right and no authenticator is enrolled yet (the library signs such a
        # user in without a second factor): only an enrolment link opened in this session leads
        # on, to the setup; otherwise the password alone must leave nothing signed in.
        if enrolment.allowed(request):
            return redirect(enrolment.setup_url())
        logout(request)
        return self.in_admin_frame(enrolment.ask_for_a_link)(request)

    @staticmethod
    def signed_in_without_device(request):
        user = request.user
        return user.is_authenticated and user.is_staff and not default_device(user)

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
    # Enrolling is for an account without an authenticator, through an enrolment link opened
    # in the session; with one enrolled, a session that has not given its code must not add
    # another (the library checks this on GET only).
    ENROLMENT = {"setup", "qr"}

    @property
    def two_factor_urls(self):
        """django-two-factor-auth's pages (enrolment, QR code, recovery codes, account
        security) and the enrolment link that leads to them, in the admin's frame."""
        patterns, app_name = two_factor_urlpatterns
        return [
            *(
                URLPattern(pattern.pattern, self.two_factor_view(pattern), name=pattern.name)
                for pattern in patterns
                if pattern.name not in self.LEFT_OUT
            ),
            path(
                "account/two_factor/enrol/<str:token>/",
                self.in_admin_frame(enrolment.open_link),
                name="enrol",
            ),
        ], app_name

    @property
    def password_reset_urls(self):
        """django.contrib.auth's password reset by email, in the admin's frame, under the
        names the admin's login page and Django's email look for (so not namespaced)."""
        return [
            path(
                "password_reset/",
                self.in_admin_frame(password_reset.PasswordResetView.as_view()),
                name="admin_password_reset",
            ),
            path(
                "password_reset/done/",
                self.in_admin_frame(auth_views.PasswordResetDoneView.as_view()),
                name="password_reset_done",
            ),
            path(
                "reset/<uidb64>/<token>/",
                self.in_admin_frame(password_reset.PasswordResetConfirmView.as_view()),
                name="password_reset_confirm",
            ),
            path(
                "reset/done/",
                self.in_admin_frame(auth_views.PasswordResetCompleteView.as_view()),
                name="password_reset_complete",
            ),
        ]

    def two_factor_view(self, pattern):
        view = self.in_admin_frame(pattern.callback)
        if pattern.name not in self.ENROLMENT:
            return view

        @wraps(view)
        def enrol_by_link(request, *args, **kwargs):
            user = request.user
            if user.is_authenticated and not user.is_verified():
                if default_device(user):
                    raise PermissionDenied
                if not enrolment.allowed(request):
                    return self.in_admin_frame(enrolment.ask_for_a_link)(request)
            return view(request, *args, **kwargs)

        return enrol_by_link


def lockout(request, original_response=None, credentials=None):
    """django-axes' answer to a sign-in while locked out (AXES_LOCKOUT_CALLABLE): a page in
    the admin's frame and the user's language that says how long the lock lasts and how to
    get back in sooner."""
    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "title": _("Sign-in locked"),
        "duration": duration_text(cool_off) if cool_off else None,
    }
    # Rendered here: a response replaced by a middleware is not rendered by Django.
    return render(request, "admin/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def duration_text(delta):
    """ "1 hour", "30 minutes"; in seconds below a minute, where Django's timeuntil says "0
    minutes"."""
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return ngettext("%(num)d second", "%(num)d seconds", seconds) % {"num": seconds}
    now = timezone.now()
    return timeuntil(now + delta, now)
