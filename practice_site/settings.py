"""Settings for the practice website, read from the environment.

Every variable is listed in README.md § Configuration. The defaults suit development on a
fresh machine (SQLite, console email); production sets at least DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS, DATABASE_URL and the EMAIL_* variables.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value in production, "
            "or set DJANGO_DEBUG=true for local development."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-used-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    # The admin site behind two-factor sign-in (practice_site/admin.py).
    "practice_site.apps.PracticeAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles, so runserver serves static files the way production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_prose_editor",
    # Responsive sizes of uploaded images (practice_site/pictures/images.py).
    "imagekit",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
    # Django 6: "django.tasks" replaces the backport; the database backend stays an app.
    "django_tasks",
    "django_tasks_db",
    # History and undo in the admin (practice_site/history.py).
    "reversion",
    "practice_site.core",
    "practice_site.audience",
    "practice_site.pictures",
    "practice_site.practice",
    "articles",
    "contact",
    # Last, as its documentation asks: an image replaced or deleted leaves the storage once the
    # change is committed; its renditions go with it (practice_site/pictures/images.py).
    "django_cleanup.apps.CleanupConfig",
]

MIDDLEWARE = [
    # First in, last out: it answers 304 Not Modified from the final ETag and Last-Modified.
    "django.middleware.http.ConditionalGetMiddleware",
    # Early, so that its process_view refuses a body too large before any other can read it.
    "practice_site.request_size.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Straight after SecurityMiddleware so static files skip the rest of the stack.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so that it counts the reads the cache answers too.
    "practice_site.audience.middleware.ReadCountMiddleware",
    # Cached reading pages are answered here, without the session, CSRF and auth layers.
    "practice_site.caching.ReadingPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions (it may read the language from them), before CommonMiddleware
    # (which needs the language to resolve i18n URLs for APPEND_SLASH).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: it tells whether this session passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Last, as django-axes asks: it sees the outcome of the login views.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "practice_site.urls"
WSGI_APPLICATION = "practice_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "practice_site.context_processors.language_links",
                "practice_site.practice.context_processors.practice",
            ],
        },
    },
]

# https://github.com/jazzband/dj-database-url: postgres://user:pass@host:5432/name
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers write at once: WAL lets readers go on during a write, IMMEDIATE
    # takes the write lock when a transaction starts (no deadlock on upgrade), and a writer
    # waits up to 5 s for the lock instead of failing ("database is locked").
    # https://docs.djangoproject.com/en/5.2/ref/databases/#sqlite-notes
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 5,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # The same backend, creating the file 0600: it holds every enquiry.
    DATABASES["default"]["ENGINE"] = "practice_site.private_sqlite3"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache for every gunicorn worker: files on this machine by default (nothing to set up),
# Redis through REDIS_URL when several machines serve the site.
# https://docs.djangoproject.com/en/5.2/topics/cache/
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", BASE_DIR / "var" / "cache"),
        }
    }
# Per process, for what depends on the code alone (the blank contact form): a deployment
# restarts the processes, so it can never be stale.
CACHES["local"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Then the lock per account, whatever the addresses (practice_site/signin.py).
    "practice_site.signin.AccountLockBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin brute-force lockout (https://django-axes.readthedocs.io/en/latest/4_configuration.html):
# five failures for one username from one address lock it for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Failures for one account from any addresses within an hour before it is locked too; above
# AXES_FAILURE_LIMIT, so that one stranger cannot lock her out. `0` turns it off.
SIGN_IN_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("SIGN_IN_ACCOUNT_FAILURE_LIMIT", "20"))
AXES_RESET_ON_SUCCESS = True
# Failed attempts are kept for the lockout period only; successful sign-ins are not logged at all
# (no address kept without a purpose, as the privacy policy says).
AXES_DISABLE_ACCESS_LOG = True
# A failed sign-in is kept with the username, its time and a keyed fingerprint of the client's
# address (the contact form's: X-Forwarded-For only when trusted); never what was typed, nor the
# browser (practice_site/signin.py).
AXES_CLIENT_IP_CALLABLE = "practice_site.signin.client_fingerprint"
AXES_HANDLER = "practice_site.signin.MinimalAttemptHandler"
# Never masked but left out: what was typed is not stored at all (signin.forget_form_data).
AXES_PASSWORD_FORM_FIELD = "auth-password"
# The lock-out page in the admin's frame, saying how long the lock lasts and how to get back in.
AXES_LOCKOUT_CALLABLE = "practice_site.admin.lockout"
# "Forgotten your password?" requests a client address, or an email address, may make per
# period (practice_site/password_reset.py); `0` turns the limit off.
PASSWORD_RESET_RATE_LIMIT = os.environ.get("PASSWORD_RESET_RATE_LIMIT", "3/h")
# A reset link opens the account: an hour to use it, not Django's three days in a mailbox.
# https://docs.djangoproject.com/en/5.2/ref/settings/#password-reset-timeout
PASSWORD_RESET_TIMEOUT = 3600
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"

# Two-factor sign-in for the admin (https://django-two-factor-auth.readthedocs.io/): a code from
# an authenticator app (TOTP) after the password, one-time recovery codes. Off, a password
# alone opens the admin: for development and automated checks only.
ADMIN_TWO_FACTOR = env_bool("ADMIN_TWO_FACTOR", default=not DEBUG)
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"
# The admin's own login view chooses between the two-factor wizard and the password form
# (practice_site/admin.py), instead of the library's patch of every AdminSite.
TWO_FACTOR_PATCH_ADMIN = False
# Sessions serve the admin alone: they end when the browser closes, and after an hour without
# a request (every request pushes the expiry back).
# https://docs.djangoproject.com/en/5.2/topics/http/sessions/#browser-length-sessions-vs-persistent-sessions
SESSION_COOKIE_AGE = 3600
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: French is the original language of the site, English a translation.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# Static files: hashed names and pre-compressed copies, served by whitenoise with far-future
# cache headers (https://whitenoise.readthedocs.io/en/stable/django.html).
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads (images) on this machine's disk by default, served by Django (practice_site.views.media)
# unless DJANGO_SERVE_MEDIA is off because the proxy serves the folder (README § Media). Every
# worker must see the same files: on several machines, an S3-compatible bucket instead
# (django-storages, the `s3` extra), reached with the AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY that boto3 reads from the environment.
# https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
# Uploads readable by the site's user and its group (the proxy's, when it serves /media/), not by
# the machine's other users. Django's default chmods them 0644; with None they would be 0600 or
# as the umask says, depending on their size. Static files stay public (whitenoise, a CDN).
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
STORAGES["staticfiles"]["OPTIONS"] = {
    "file_permissions_mode": 0o644,
    "directory_permissions_mode": 0o755,
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", default=True)
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
MEDIA_ORIGINS = []  # where images come from, besides the site itself (the CSP's img-src)
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL", "")
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN or None,
            # Images are public: plain URLs, the same for every reader, which pages can cache.
            "querystring_auth": False,
            # Every stored name is new (originals are named after their content, renditions
            # after their original and their settings): a file never changes under its URL.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGINS = [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
    elif AWS_S3_ENDPOINT_URL:
        # Path-style (endpoint/bucket/…) or virtual-hosted (bucket.endpoint/…) addresses.
        scheme, _sep, host = AWS_S3_ENDPOINT_URL.rstrip("/").partition("://")
        MEDIA_ORIGINS = [f"{scheme}://{host}", f"{scheme}://{AWS_STORAGE_BUCKET_NAME}.{host}"]
    else:
        MEDIA_ORIGINS = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
# Uploaded images (practice_site/pictures/images.py): the heaviest file accepted, and the most
# pixels one may have once decoded (an image bomb of a few kilobytes can declare billions):
# 50 million, some 200 MB of memory, above what a camera or phone takes by default (12 to 48
# million).
IMAGE_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_SIZE", str(10 * 1024 * 1024)))
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", "50000000"))
# The largest request body (its Content-Length) a page takes, refused with a 413 before it is
# read (practice_site/request_size.py): DATA_UPLOAD_MAX_MEMORY_SIZE leaves out a multipart
# body's files. The public pages take the contact form alone, some 30 kB at its longest (each
# character percent-encoded as up to 12 bytes); the admin one image and an article's texts.
PUBLIC_REQUEST_MAX_SIZE = int(os.environ.get("PUBLIC_REQUEST_MAX_SIZE", str(64 * 1024)))
ADMIN_REQUEST_MAX_SIZE = int(os.environ.get("ADMIN_REQUEST_MAX_SIZE", str(25 * 1024 * 1024)))
# Renditions are made from the cleaned originals by django-imagekit, into CACHE/images/ beside
# them; whether each exists is remembered in the shared cache, so a page asks the storage
# nothing. https://django-imagekit.readthedocs.io/en/latest/configuration.html
IMAGEKIT_CACHEFILE_DIR = "CACHE/images"
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.JustInTime"
# Backups (`manage.py backup`, README § Backups): outside the web root, readable by their owner
# only. They hold enquiries, so they are kept no longer than ENQUIRY_RETENTION_DAYS.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "var" / "backups"))

# Email: the console backend unless a relay is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
# STARTTLS (usually port 587) or implicit TLS (usually 465), never both: Django's SMTP backend
# refuses the pair, and `check` says so (contact/checks.py). An enquiry is health data: a relay
# other than the machine itself must be reached through one of them (`check --deploy`).
# https://docs.djangoproject.com/en/5.2/ref/settings/#email-use-tls
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_PORT = int(
    os.environ.get("EMAIL_PORT", "465" if EMAIL_USE_SSL else "587" if EMAIL_USE_TLS else "25")
)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
# A slow relay must not hold a gunicorn worker for long.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Seconds a reading page (home, article list, article) stays in the cache; an edit in the admin
# or a deployment (`migrate`) replaces it at once (practice_site/caching.py). 0 turns page
# caching off, the default with DEBUG on, so that a template being edited shows at once.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "0" if DEBUG else "3600"))

# Reads of each reading page per language and day, counted without any identifier of the reader
# in each process's memory and added to the database every AUDIENCE_FLUSH_SECONDS
# (practice_site/audience/): a first-party audience measurement within the limits of the CNIL's
# exemption from consent ("Cookies : solutions pour les outils de mesure d'audience",
# https://www.cnil.fr/fr/node/167364). Off, nothing is counted.
AUDIENCE_COUNTING = env_bool("AUDIENCE_COUNTING", default=True)
AUDIENCE_FLUSH_SECONDS = float(os.environ.get("AUDIENCE_FLUSH_SECONDS", "60"))

# Contact form: where enquiries go, how many a client address may send, how long they are kept.
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "psychologist@localhost")
CONTACT_RATE_LIMIT = os.environ.get("CONTACT_RATE_LIMIT", "5/h")
# Set when a reverse proxy in front of gunicorn appends the client's address to
# X-Forwarded-For; without a proxy, that header comes from the client and is not trusted.
TRUSTED_PROXY = env_bool("DJANGO_TRUSTED_PROXY")
# Days an enquiry stays on the site once emailed; one not yet delivered stays until it is
# (contact/models.py EnquiryQuerySet.expired, deleted by `purge_enquiries`).
ENQUIRY_RETENTION_DAYS = int(os.environ.get("ENQUIRY_RETENTION_DAYS", "30"))
ENQUIRY_MAX_ATTEMPTS = int(os.environ.get("ENQUIRY_MAX_ATTEMPTS", "10"))
# Seconds before the first retry of a failed sending, doubled at each further attempt: 1, 2,
# 4 … 256 minutes, some 8.5 hours in all with the 10 attempts above.
ENQUIRY_RETRY_DELAY = int(os.environ.get("ENQUIRY_RETRY_DELAY", "60"))

# Enquiries are emailed by a task (contact/tasks.py), never in the web request: the database
# backend keeps the queue in the site's database and the `worker` process of the Procfile
# (`manage.py db_worker`) runs it. Redis or Celery backends are a TASKS_BACKEND away; the
# immediate backend sends in the web request again (tests only: a hanging relay holds it).
# https://github.com/RealOrangeOne/django-tasks-db
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
# A form posted without a valid token gets a translated page, not Django's technical one.
CSRF_FAILURE_VIEW = "contact.views.csrf_failure"

# Behind a TLS-terminating proxy (https://docs.djangoproject.com/en/5.2/ref/settings/#secure-proxy-ssl-header).
# It needs DJANGO_TRUSTED_PROXY too, or every visitor shares the proxy's address (check --deploy).
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY")
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# A strict Content-Security-Policy: no inline script or style anywhere, nothing from elsewhere.
# One exception, in the admin's editing pages only: the visual editor's import map is an inline
# script, let in by the request's nonce (practice_site/richtext/admin.py). django-csp adds the nonce
# to a response's header only when its page used it, so the public pages never carry one.
# https://django-csp.readthedocs.io/en/latest/configuration.html
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# The visual editor’s extensions of this site (richtext/rendering.py: EDITOR_EXTENSIONS),
# as django-prose-editor takes them: their script, and the HTML each lets through (none of its
# own). https://django-prose-editor.readthedocs.io/en/latest/custom_extensions.html
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        # A lazy static(): the script's hashed name is known once the manifest is read.
        "js": [static_lazy("js/editor-extensions.js")],
        "extensions": {
            name: html_tags([])
            for name in ["WordPaste", "NoInjectedStyle", "ExplicitLinksOnly", "TranslatedToolbar"]
        },
    }
]

# The site uses no device feature: deny them all to the page and anything it could embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone",
        "payment", "usb", "browsing-topics",
    ]
}  # fmt: skip
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True
# The contact page's security cookie is needed when the form is posted, from the same site.
CSRF_COOKIE_SAMESITE = "Lax"
# Gone when the browser closes, as the privacy policy says: it only has to outlive the visit.
CSRF_COOKIE_AGE = None
# The admin's messages ("saved") ride in the session: no cookie beyond the two the privacy policy
# names (csrftoken, sessionid).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_SAMESITE = "Lax"
# Where reports of security problems go (/.well-known/security.txt).
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", CONTACT_EMAIL)
# Days a backup archive is kept (`backup --keep-days`): it holds enquiries, so no longer than
# the privacy policy keeps them.
BACKUP_KEEP_DAYS = int(os.environ.get("BACKUP_KEEP_DAYS", str(ENQUIRY_RETENTION_DAYS)))

if not DEBUG:
    # https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # A monitor on the machine asks gunicorn itself, over plain HTTP (README § Health).
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
