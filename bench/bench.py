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
from themes import BENCH_THEME

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
DURATION = os.environ.get("BENCH_DURATION", "5s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "16")
ARTICLE = "/fr/articles/alliance-therapeutique/"
# The library the site has after years (bench/library.py, bench/themes.py), in each language.
LIBRARY = int(os.environ.get("BENCH_LIBRARY", "200"))
# Each cached page against a static file of its own size, served by the same server.
CACHED_PAGES = {
    "cached article": ARTICLE,
    "cached article list, page 2": "/fr/articles/?page=2",
    "cached theme page": f"/fr/articles/themes/{BENCH_THEME['fr']}/",
}
TARGETS = {
    "cached article": 0.9,
    "cached article list, page 2": 0.9,
    "cached theme page": 0.9,
    "uncached article": 0.3,
    "contact GET": 0.25,
}
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
# A browser's: the site counts a cached page's read (practice_site/audience/) for a reader, not
# for a client that names no browser, as wrk does unless told.
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


def wrk_run(url, duration=DURATION):
    """One run of wrk against `url`: requests/s, p50 and p99 (ms)."""
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}", "--latency",
         "-H", "X-Forwarded-Proto: https", "-H", f"User-Agent: {USER_AGENT}", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    if re.search(r"Non-2xx or 3xx responses", output):
        raise SystemExit(f"{url} answered errors under load:\n{output}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return rate, latency(output, "50%"), latency(output, "99%")


def medians(runs):
    return tuple(statistics.median(column) for column in zip(*runs, strict=True))


def wrk(url):
    """Median requests/s, p50 and p99 (ms) over RUNS runs of wrk against `url`."""
    return medians([wrk_run(url) for _ in range(RUNS)])


def wrk_against(static_url, url):
    """The medians of `static_url` and of `url` over RUNS runs taken in turn, and the median
    of the runs' ratios: on a shared machine the load changes between runs, and a page
    compared with the static file of the same moment cancels most of it."""
    # A run of each first, not counted: the first seconds after the server starts (workers
    # forking, pages entering the cache) would weigh on whichever page comes first.
    wrk_run(static_url, "2s")
    wrk_run(url, "2s")
    static_runs, page_runs = [], []
    for _ in range(RUNS):
        static_runs.append(wrk_run(static_url))
        page_runs.append(wrk_run(url))
    ratio = statistics.median(
        page[0] / static[0] for page, static in zip(page_runs, static_runs, strict=True)
    )
    return medians(static_runs), medians(page_runs), ratio


def latency(output, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * UNITS[unit]


def fetch(url):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request) as response:
        return response.read()


def static_copy(environment, workdir, path):
    """A static file of the page at `path`, as the site serves it: its name and content."""
    content = manage(environment, "shell", "-c", (
        "from django.test import Client; import sys; "
        f"sys.stdout.write(Client(headers={{'x-forwarded-proto': 'https'}}).get('{path}')"
        ".content.decode())"
    ), capture=True).stdout  # fmt: skip
    name = "bench-" + "".join(c if c.isalnum() else "-" for c in path.strip("/")) + ".html"
    (workdir / "static" / name).write_text(content)
    return name, content


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make bench` installs it (apt-get install wrk).")
    with workspace() as workdir:
        environment = production_environment(workdir)
        prepare(environment)
        # The library (bench/library.py) and the search's median in-process on it, then the
        # library's themes (bench/themes.py).
        searches = {"SQLite": search.fill_and_measure(environment, LIBRARY)}
        manage(environment, "shell", "-c", (
            "from bench.themes import theme_library; theme_library()"
        ))  # fmt: skip
        pages = {name: static_copy(environment, workdir, url) for name, url in CACHED_PAGES.items()}
        page = pages["cached article"][1]

        results, statics, ratios = {}, {}, {}
        with gunicorn(environment) as url:
            for name, (copy, content) in pages.items():
                assert fetch(f"{url}/static/{copy}") == content.encode()
                statics[name], results[name], ratios[name] = wrk_against(
                    f"{url}/static/{copy}", url + CACHED_PAGES[name]
                )
            results["contact GET"] = wrk(url + "/fr/contact/")
            results["search"] = wrk(url + search.WRK_QUERY)
        with gunicorn({**environment, "DJANGO_PAGE_CACHE_SECONDS": "0"}) as url:
            results["uncached article"] = wrk(url + ARTICLE)
        results["static file, same size"] = statics["cached article"]

    print(f"\nBenchmark: {RUNS} runs × {DURATION}, {CONNECTIONS} connections, "
          f"{os.cpu_count()} cores; medians. {LIBRARY} articles a language; article page: "
          f"{len(page):,} bytes. Each cached page against a static file of its size, run for "
          "run in turn (× static: the median of the runs' ratios); the uncached article and "
          "the contact page against the article's.\n")  # fmt: skip
    print("| page | requests/s | p50 ms | p99 ms | × static | target |")
    print("|---|---:|---:|---:|---:|---:|")
    missed = []
    rows = ["static file, same size", *CACHED_PAGES, "uncached article", "contact GET", "search"]
    for name in rows:
        rate, p50, p99 = results[name]
        ratio = ratios.get(name, rate / statics.get(name, statics["cached article"])[0])
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
