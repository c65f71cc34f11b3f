"""Several Django processes on the test database running the same code at the same moment, to
show what happens when two retry jobs or workers meet."""

import json
import os
import subprocess
import sys
import time

from .servers import database_url

# Run in each process: Django set up and connected before the start signal, so that the
# processes run the code under test at the same moment, not one after another.
_TOGETHER = """
import json, sys, time
from pathlib import Path

import django

django.setup()
from django.db import connection

connection.ensure_connection()
folder, number, code = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
(folder / f"ready-{number}").touch()
while not (folder / "go").exists():
    time.sleep(0.001)
started = time.time()
scope = {}
exec(code, scope)
print(json.dumps({"started": started, "ended": time.time(), "result": scope.get("result")}))
"""


def run_together(tmp_path, code, processes, **environment):
    """Run `code` (Python that may set `result`) in `processes` new Django processes, all
    starting it at once. Returns each process's {"started", "ended", "result"}, times from
    time.time()."""
    from django.conf import settings

    folder = tmp_path / f"together-{time.monotonic_ns()}"
    folder.mkdir()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "practice_site.settings",
        "DATABASE_URL": database_url(),
        "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
        **environment,
    }
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _TOGETHER, str(folder), str(number), code],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number in range(processes)
    ]
    try:
        deadline = time.monotonic() + 60
        while len(list(folder.glob("ready-*"))) < processes:
            failed = [child for child in children if child.poll() is not None]
            assert not failed, failed[0].communicate()
            assert time.monotonic() < deadline, "the processes did not start in time"
            time.sleep(0.01)
        (folder / "go").touch()
        outputs = [child.communicate(timeout=60) for child in children]
    finally:
        for child in children:
            child.kill()
    assert [child.returncode for child in children] == [0] * processes, outputs
    return [json.loads(stdout.strip().splitlines()[-1]) for stdout, _stderr in outputs]
