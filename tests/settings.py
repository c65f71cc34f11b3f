"""The site's settings for the test suite: fast, and apart from any server running here."""

from practice_site.settings import *  # noqa: F403

# Passwords are hashed for every admin login of the suite: the slow, safe hasher is not tested.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# A cache of the suite's own, whatever REDIS_URL or DJANGO_CACHE_DIR say: clearing it between
# tests must never empty a server's cache. Processes a test starts (manage.py, gunicorn) use the
# site's settings with the environment the test gives them.
CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
    for alias in ["default", "local"]
}
# Email: pytest-django gives every test a locmem outbox.
# Tasks run at once, in the test's process, so that a post is emailed to the `mailoutbox` or the
# `smtp_server` of the test. Processes a test starts (gunicorn, the worker) use the site's
# database backend (tests/test_enquiry_worker.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Hashed names and a manifest, as in production, without compressing every file of the admin
# twice (Brotli and gzip) at each run: that is whitenoise's work, and took most of the setup.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

# Reads are counted only by the tests of counting (tests/test_audience.py), each with a counter of
# its own: the suite's other requests would otherwise fill the process's counter, and its thread
# would write into the test database between tests. gunicorn counts, as in production.
AUDIENCE_COUNTING = False

# WhiteNoise reads the whole static folder each time its middleware is built, which Django's
# test client does once per test: a quarter of the suite's time. Looking a file up when it is
# asked for serves the same files with the same headers; gunicorn's tests serve them as
# production does, from the folder read once.
WHITENOISE_AUTOREFRESH = True
