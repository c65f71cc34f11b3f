"""`manage.py check --deploy`, the host's last step before going live, run in the test's own
process: the settings module is read anew under the environment the test gives, and the
command runs with those settings on the test's database, in the test's transaction.

Starting `manage.py` for each case cost a second apiece and made each test commit its data.
What a new process adds (that the command starts from the environment alone) is proved once,
by the real command: tests/test_security.py."""

import io
import os
import re
import runpy
from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

# The test process's own: where the test's data is, the apps already loaded, the static files
# collected for the suite, and the URLs' prefixes, which Django completes when it loads them.
KEPT = frozenset({"DATABASES", "INSTALLED_APPS", "STORAGES", "STATIC_URL", "MEDIA_URL", "LOGGING"})


def production_settings(environment):
    """The settings practice_site/settings.py makes of `environment` (and nothing else)."""
    with mock.patch.dict(os.environ, environment, clear=True):
        values = runpy.run_path(str(settings.BASE_DIR / "practice_site" / "settings.py"))
    return {name: value for name, value in values.items() if name.isupper()}


def check_deploy(environment):
    """`check --deploy --fail-level DEBUG` under the settings of `environment`:
    (exit code, output, ids of the issues reported)."""
    values = production_settings(environment)
    output = io.StringIO()
    code = 0
    with override_settings(**{name: value for name, value in values.items() if name not in KEPT}):
        try:
            call_command("check", "--deploy", "--fail-level", "DEBUG", stdout=output, stderr=output)
        except SystemCheckError as error:
            code = 1
            output.write(str(error))
    text = output.getvalue()
    return code, text, issue_ids(text)


def issue_ids(output):
    return set(re.findall(r"\((\w+\.[CEWID]\d+)\)", output))
