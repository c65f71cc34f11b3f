"""gunicorn settings: `gunicorn -c practice_site/gunicorn.conf.py practice_site.wsgi`.

Every value can be overridden from the environment (GUNICORN_CMD_ARGS or the variables below).
https://docs.gunicorn.org/en/stable/settings.html
"""

import multiprocessing
import os
from urllib.parse import unquote

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Threaded workers: a connection that sends nothing waits in the worker's poller, not in a
# thread, and keep-alive connections are reused. Measured on 2 cores (README, "Speed"): with 50
# idle or slow clients, five sync workers answered no reader within 10 s; two gthread workers of
# eight threads answered most at once. A slow client still holds a thread while it trickles
# its headers in: behind nginx, which reads the whole request first, none reaches gunicorn.
# gevent failed here with preload_app (Django's database connection made before its
# monkey-patching, shared by greenlets), and SQLite or a rendering blocks all its greenlets.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
# One process per core (at least two: one may be restarting), each with a pool of threads.
workers = int(os.environ.get("GUNICORN_WORKERS", max(2, multiprocessing.cpu_count())))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# Sending an enquiry waits on the mail relay (EMAIL_TIMEOUT): keep the worker timeout above it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
# The path only: a query string holds what was searched (a name in the admin, a symptom on the
# site), a Referer a search made elsewhere, a user agent a near-unique browser. None of them is
# needed to run the site, and the privacy policy says the logs keep none of them.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
# Load the application before forking: a configuration error stops the master at once.
preload_app = True


def pre_request(worker, req):
    """Close the connection after the 413 of a body too large (practice_site/request_size.py)
    instead of reading the rest of it to keep the connection alive."""
    from practice_site.request_size import is_too_large

    content_length = next((value for name, value in req.headers if name == "CONTENT-LENGTH"), None)
    # Who signs the request is unknown here: close only what not even her uploads may send.
    if is_too_large(unquote(req.path), content_length, staff=True):
        req.force_close()


def worker_exit(server, worker):
    """Add the reads this worker counted since its last flush before it ends (a restart, a
    deployment, a recycle after max_requests): none is lost on a clean stop."""
    from practice_site.audience.counting import reads

    reads.close()
