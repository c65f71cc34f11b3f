"""gunicorn's access log, as practice_site/gunicorn.conf.py writes it, keeps no search, no
Referer and no browser: a reader's search for a symptom or a sender's name must not land in
a file kept for days."""

import datetime
import runpy
from types import SimpleNamespace

from django.conf import settings
from gunicorn.config import Config
from gunicorn.glogging import Logger

QUERY = "q=Jane+Doe"
REFERER = "https://www.example-search.fr/search?q=psychologue+burn-out"
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Unmistakable-Browser/1.0"


def access_log_line(tmp_path):
    """One request, written by gunicorn's own logger with the site's configuration."""
    config = Config()
    for key, value in runpy.run_path(settings.BASE_DIR / "practice_site/gunicorn.conf.py").items():
        if key in config.settings:
            config.set(key, value)
    log_file = tmp_path / "access.log"
    config.set("accesslog", str(log_file))
    environ = {
        "REMOTE_ADDR": "127.0.0.1",
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/admin/contact/enquiry/?{QUERY}",
        "PATH_INFO": "/admin/contact/enquiry/",
        "QUERY_STRING": QUERY,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": REFERER,
        "HTTP_USER_AGENT": USER_AGENT,
    }
    request = SimpleNamespace(headers=[("REFERER", REFERER), ("USER-AGENT", USER_AGENT)])
    response = SimpleNamespace(status="200 OK", headers=[("Content-Type", "text/html")], sent=512)
    logger = Logger(config)
    logger.access(response, request, environ, datetime.timedelta(milliseconds=12))
    for handler in logger.access_log.handlers:
        handler.flush()
    return log_file.read_text()


def test_the_access_log_keeps_the_path_but_no_query_referer_or_browser(tmp_path):
    line = access_log_line(tmp_path)

    assert '"GET /admin/contact/enquiry/ HTTP/1.1" 200 512' in line
    for kept_nowhere in ["Jane", "Doe", "burn-out", "example-search", "Unmistakable", "Mozilla"]:
        assert kept_nowhere not in line
