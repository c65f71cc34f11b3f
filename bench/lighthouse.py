"""`make lighthouse`: Lighthouse's four scores for the main pages, in Debian's chromium.

Serves the site under gunicorn with production settings on 127.0.0.1 (plain HTTP on
localhost, which browsers treat as secure, so no redirect to HTTPS) and prints one table.
The site is measured as it will be live (sample_content.py): practice details, a portrait, an
illustrated article, their renditions made, as the worker makes them after an upload.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from production import (
    PYTHON,
    ROOT,
    gunicorn,
    manage,
    prepare,
    production_environment,
    workspace,
)

LIGHTHOUSE = Path(os.environ.get("LIGHTHOUSE", ROOT / ".lighthouse/node_modules/.bin/lighthouse"))
PAGES = {
    "home (fr)": "/fr/",
    "About (fr)": "/fr/a-propos/",
    "About (en)": "/en/about/",
    "article (fr)": "/fr/articles/alliance-therapeutique/",
    "article (en)": "/en/articles/therapeutic-alliance/",
    "contact (fr)": "/fr/contact/",
    "contact (en)": "/en/contact/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def scores(url, attempts=2):
    """The four scores of `url`, and what cost it points: ["audit id: its title (value)", …].
    One more attempt if chromium fails to start (it sometimes does on a loaded machine)."""
    output = subprocess.run(
        [
            str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
            "--disable-background-networking --disable-component-update --no-first-run",
        ],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        capture_output=True, text=True,
    )  # fmt: skip
    if output.returncode != 0 and attempts > 1:
        return scores(url, attempts - 1)
    if output.returncode != 0:
        raise SystemExit(f"Lighthouse failed on {url}:\n{output.stderr[-2000:]}")
    report = json.loads(output.stdout)
    categories = [report["categories"][name] for name in CATEGORIES]
    failed = []
    for category in categories:
        for reference in category["auditRefs"]:
            audit = report["audits"][reference["id"]]
            if reference["weight"] and audit["score"] is not None and audit["score"] < 1:
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                failed.append(f"{audit['id']}: {audit['title']}{value}")
    return [round(category["score"] * 100) for category in categories], failed


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"Lighthouse is missing at {LIGHTHOUSE}: run `make lighthouse`.")
    with workspace() as workdir:
        environment = production_environment(
            workdir,
            DJANGO_BEHIND_PROXY="false",
            DJANGO_SECURE_SSL_REDIRECT="false",
            DJANGO_MEDIA_ROOT=str(workdir / "media"),
        )
        prepare(environment)
        subprocess.run(
            [PYTHON, Path(__file__).with_name("sample_content.py")],
            cwd=ROOT, env=environment, check=True,
        )  # fmt: skip
        manage(environment, "generate_renditions", capture=True)
        with gunicorn(environment) as url:
            base = url.replace("127.0.0.1", "localhost")
            results = {name: scores(base + path) for name, path in PAGES.items()}
    print("\n| page | performance | accessibility | best practices | SEO |")
    print("|---|---:|---:|---:|---:|")
    for name, (values, _failed) in results.items():
        print(f"| {name} | " + " | ".join(str(v) for v in values) + " |")
    for name, (values, failed) in results.items():
        if min(values) < 100:
            print(f"\nBelow 100 on {name}:", *failed, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
