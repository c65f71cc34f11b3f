"""WSGI entry point: `gunicorn practice_site.wsgi` (settings in gunicorn.conf.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "practice_site.settings")

application = get_wsgi_application()
