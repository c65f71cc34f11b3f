from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from articles.sitemaps import ArticleSitemap, ThemeSitemap

from . import views
from .sitemaps import SitePageSitemap

admin.site.site_header = _("Practice website administration")
admin.site.site_title = _("Practice website")
admin.site.index_title = _("Content and enquiries")

urlpatterns = [
    # Two-factor enrolment and recovery codes, under the admin's address (practice_site/admin.py).
    path(settings.ADMIN_URL, include(admin.site.two_factor_urls)),
    # "Forgotten your password?", before the admin's own URLs, which answer any path under it.
    path(settings.ADMIN_URL, include(admin.site.password_reset_urls)),
    path(settings.ADMIN_URL, admin.site.urls),
    path(".well-known/security.txt", views.security_txt, name="security-txt"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path(
        "sitemap.xml",
        sitemap,
        {
            "sitemaps": {
                "pages": SitePageSitemap,
                "articles": ArticleSitemap,
                "themes": ThemeSitemap,
            }
        },
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("favicon.ico", views.favicon),
    # For a monitor: no language prefix, no page cache (README § Health).
    path("health/", views.health, name="health"),
    # Uploaded images, when no proxy serves them (README § Media).
    path(f"{settings.MEDIA_URL.removeprefix('/')}<path:path>", views.media, name="media"),
]

# Every reader-facing page lives under /fr/ or /en/; LocaleMiddleware redirects "/" and any
# unprefixed path by the browser's Accept-Language, French by default.
urlpatterns += i18n_patterns(
    path("", include("articles.urls")),
    path("", include("contact.urls")),
    path("", include("practice_site.practice.urls")),
)
