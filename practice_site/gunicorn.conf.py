"""gunicorn settings: `gunicorn -c practice_site/gunicorn.conf.py practice_site.wsgi`.

Every value can be overridden from the environment (GUNICORN_CMD_ARGS or the variables below).
https://docs.gunicorn.org/en/stable/settings.html
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The usual rule of thumb for synchronous workers: two per core, plus one.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Sending an enquiry waits on the mail relay (EMAIL_TIMEOUT): keep the worker timeout above it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
# Load the application before forking: a configuration error stops the master at once.
preload_app = True
