"""`make bench`: requests per second and latency of the main pages, against a static file.

Starts the site twice under gunicorn with production settings on 127.0.0.1 (page cache on,
then off), loads each page with wrk, and prints one table. Each figure is the median of
RUNS runs of DURATION seconds; p50 and p99 come from wrk's latency distribution. The search
runs on a library of 200 articles per language (bench/search.py), which also gives its median
in-process on SQLite and, when a server answers, on PostgreSQL.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import urllib.request

import search
from production import gunicorn, manage, prepare, production_environment, workspace

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
DURATION = os.environ.get("BENCH_DURATION", "5s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "16")
ARTICLE = "/fr/articles/alliance-therapeutique/"
TARGETS = {"cached article": 0.9, "uncached article": 0.3, "contact GET": 0.25}
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url):
    """Median requests/s, p50 and p99 (ms) over RUNS runs of wrk against `url`."""
    rates, p50s, p99s = [], [], []
    for _ in range(RUNS):
        output = subprocess.run(
            ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--latency",
             "-H", "X-Forwarded-Proto: https", url],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        if re.search(r"Non-2xx or 3xx responses", output):
            raise SystemExit(f"{url} answered errors under load:\n{output}")
        rates.append(float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)))
        p50s.append(latency(output, "50%"))
        p99s.append(latency(output, "99%"))
    return statistics.median(rates), statistics.median(p50s), statistics.median(p99s)


def latency(output, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * UNITS[unit]


def fetch(url):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request) as response:
        return response.read()


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make bench` installs it (apt-get install wrk).")
    with workspace() as workdir:
        environment = production_environment(workdir)
        prepare(environment)
        # A static file of the article page's size, served by the same server (whitenoise).
        page = manage(environment, "shell", "-c", (
            "from django.test import Client; import sys; "
            f"sys.stdout.write(Client(headers={{'x-forwarded-proto': 'https'}}).get('{ARTICLE}')"
            ".content.decode())"
        ), capture=True).stdout  # fmt: skip
        static_copy = workdir / "static" / "bench-article.html"
        static_copy.write_text(page)
        # The library of bench/library.py, and the search's median in-process on it.
        searches = {"SQLite": search.fill_and_measure(environment)}

        results = {}
        with gunicorn(environment) as url:
            assert fetch(url + "/static/bench-article.html") == page.encode()
            results["static file, same size"] = wrk(url + "/static/bench-article.html")
            results["cached article"] = wrk(url + ARTICLE)
            results["contact GET"] = wrk(url + "/fr/contact/")
            results["search"] = wrk(url + search.WRK_QUERY)
        with gunicorn({**environment, "DJANGO_PAGE_CACHE_SECONDS": "0"}) as url:
            results["uncached article"] = wrk(url + ARTICLE)

    static_rate = results["static file, same size"][0]
    print(f"\nBenchmark: {RUNS} runs × {DURATION}, {CONNECTIONS} connections, "
          f"{os.cpu_count()} cores; medians. Article page: {len(page):,} bytes.\n")  # fmt: skip
    print("| page | requests/s | p50 ms | p99 ms | × static | target |")
    print("|---|---:|---:|---:|---:|---:|")
    missed = []
    rows = ["static file, same size", "cached article", "uncached article", "contact GET", "search"]
    for name in rows:
        rate, p50, p99 = results[name]
        ratio = rate / static_rate
        target = TARGETS.get(name)
        mark = "" if target is None else (f"≥ {target}" + ("" if ratio >= target else " ✗"))
        if target is not None and ratio < target:
            missed.append(name)
        print(f"| {name} | {rate:,.0f} | {p50:.2f} | {p99:.2f} | {ratio:.2f} | {mark} |")
    if postgresql := search.in_process_postgresql():
        searches["PostgreSQL"] = postgresql
    missed += [f"search on {database}" for database in search.report(searches)]
    if missed:
        print(f"\nMissed targets: {', '.join(missed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
