"""The search page with a library of 200 articles per language (bench/library.py): its median
in-process (Django's test client, no server), on SQLite and, when a server answers on
127.0.0.1:5432, on PostgreSQL. `make bench` runs it beside requests/s, p50 and p99 of the
search under gunicorn.

Run alone: `cd bench && ../.venv/bin/python search.py`.
"""

import contextlib
import json
import socket
import sys

from production import manage, prepare, production_environment, workspace

ARTICLES = 200
TARGET_MS = 50
POSTGRES = "postgres://postgres@127.0.0.1:5432"
# Queries a reader types: one word, two, a form to stem, accents left out, nothing found.
QUERIES = {
    "fr": ["alliance thérapeutique", "anxiete", "deuils", "séparation enfant", "zzzyxxq"],
    "en": ["therapeutic alliance", "anxieties", "grief", "separation child", "zzzyxxq"],
}
SEARCH_PATHS = {"fr": "/fr/recherche/", "en": "/en/search/"}
WRK_QUERY = "/fr/recherche/?q=alliance+th%C3%A9rapeutique"

# Inside Django: the library, then each query REPEAT times after a first, warming, one.
MEASURE = """
import json, statistics, sys, time
from urllib.parse import urlencode
from django.test import Client
from bench.library import generate_library
generate_library({articles})
client = Client(headers={{"x-forwarded-proto": "https"}})
times = []
for language, queries in {queries}.items():
    for query in queries:
        url = {paths}[language] + "?" + urlencode({{"q": query}})
        assert client.get(url).status_code == 200
        for _ in range(20):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
times.sort()
sys.stdout.write(json.dumps({{"median": statistics.median(times),
                             "p99": times[int(len(times) * 0.99) - 1]}}))
"""


def fill_and_measure(environment, articles=ARTICLES):
    """Fill the database of `environment` with the library; the search's median and p99 (ms)."""
    code = MEASURE.format(articles=articles, queries=QUERIES, paths=SEARCH_PATHS)
    output = manage(environment, "shell", "-v", "0", "-c", code, capture=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def postgres_reachable():
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", 5432), timeout=2):
        return True
    return False


@contextlib.contextmanager
def postgres_database(name="practice_search_bench"):
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def in_process_postgresql():
    """The search's figures on PostgreSQL, in a throwaway database, or None without a server."""
    if not postgres_reachable():
        return None
    with postgres_database() as url, workspace() as workdir:
        environment = production_environment(workdir, database_url=url)
        prepare(environment)
        return fill_and_measure(environment)


def in_process():
    """{database: {"median": ms, "p99": ms}} of the search page, in-process."""
    with workspace() as workdir:
        environment = production_environment(workdir)
        prepare(environment)
        results = {"SQLite": fill_and_measure(environment)}
    if postgresql := in_process_postgresql():
        results["PostgreSQL"] = postgresql
    return results


def report(results):
    print(f"\nSearch, {ARTICLES} articles per language, in-process (test client), "
          f"{sum(map(len, QUERIES.values()))} queries × 20:\n")  # fmt: skip
    print("| database | median ms | p99 ms | target |")
    print("|---|---:|---:|---:|")
    missed = []
    for database, figures in results.items():
        ok = figures["median"] <= TARGET_MS
        missed += [] if ok else [database]
        mark = f"≤ {TARGET_MS}" + ("" if ok else " ✗")
        print(f"| {database} | {figures['median']:.1f} | {figures['p99']:.1f} | {mark} |")
    return missed


def main():
    return 1 if report(in_process()) else 0


if __name__ == "__main__":
    sys.exit(main())
