"""The task queue keeps what it ran (which enquiry, when) only a day: the README's cron line
prunes it."""

import datetime
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .servers import site_environment


def readme_cron_command(name):
    """The command of the README's cron line that runs `name`, as the shell after `cd` runs it."""
    for line in (settings.BASE_DIR / "README.md").read_text().splitlines():
        match = re.search(rf"&& (\.venv/bin/python manage\.py {name}\b.*)$", line)
        if match:
            return match[1].replace(".venv/bin/python", sys.executable, 1)
    raise LookupError(name)


def task_result(queue_name, status, finished_ago):
    now = timezone.now()
    return DBTaskResult.objects.create(
        status=status,
        finished_at=now - finished_ago if status != "READY" else None,
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="contact.tasks.send_enquiry",
        queue_name=queue_name,
        backend_name="default",
        run_after=now,
    )


@pytest.mark.django_db(transaction=True)
def test_the_readme_cron_line_prunes_task_results_older_than_a_day(tmp_path):
    day = datetime.timedelta(days=1)
    old = [
        task_result("default", "SUCCESSFUL", day + datetime.timedelta(hours=1)),
        task_result("other", "FAILED", 3 * day),
    ]
    kept = [
        task_result("default", "SUCCESSFUL", datetime.timedelta(hours=2)),
        task_result("default", "READY", 3 * day),  # a retry still to run
    ]

    subprocess.run(
        ["bash", "-c", readme_cron_command("prune_db_task_results")],
        cwd=settings.BASE_DIR,
        env=site_environment(tmp_path),
        check=True,
        capture_output=True,
    )

    remaining = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert remaining == {result.pk for result in kept}
    assert not {result.pk for result in old} & remaining
