"""Benchmark the history store on SQLite and PostgreSQL: writer processes, and paging through 10,000 attempts.

Prints throughput and p95 latency, with ratios against baselines from the same run (these
machines are noisy): several writers against one writer, and a page of the history against
reading one attempt (and against loading every attempt, as the page did before paging).
PostgreSQL is started for the run on 127.0.0.1 in a temporary folder and stopped at the end.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# Run as a script: the checkout (for tests/store/postgres_server.py) comes before any installed copy.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coach.history import History
from coach.history.model import now

FORK = multiprocessing.get_context("fork")
SCORES = {"overall": 71.0, "relevance": 80.0, "succinctness": 64.0, "smart": 70.0, "structure": 75.0, "company_fit": 60.0}
FINDINGS = [{"dimension": "smart", "message": "Name a date for the first step.", "start": 10, "end": 24}]
ANSWER = "In five years I want to lead a small platform team, and over the next year I will ship ... " * 3


def p95(samples: list[float]) -> float:
    """Return the 95th percentile of samples (milliseconds in, milliseconds out)."""
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


def _writer(place: dict[str, Any], user: str, writes: int, deadline: float, start: Any, results: Any) -> None:
    """Open the store as its own process would, wait for the start, then time each acknowledged save."""
    store = History(place.get("path"), user, url=place.get("url"))
    start.wait(60)
    times = []
    for i in range(writes):
        if time.monotonic() > deadline:
            break
        t0 = time.perf_counter()
        store.save_scores("score", f"{ANSWER} {i}", SCORES, FINDINGS, 60, 24.0)
        times.append((time.perf_counter() - t0) * 1000)
    results.put(times)


def run_writers(place: dict[str, Any], writers: int, writes: int, seconds: float) -> tuple[float, float, int]:
    """Return writes a second, p95 ms per write, and the count, for writer processes started together."""
    start, results = FORK.Event(), FORK.Queue()
    deadline = time.monotonic() + seconds
    users = [f"bench-{writers}-{n}" for n in range(writers)]
    children = [FORK.Process(target=_writer, args=(place, u, writes, deadline, start, results)) for u in users]
    for child in children:
        child.start()
    time.sleep(0.5)  # let every child open its store before the clock starts
    t0 = time.perf_counter()
    start.set()
    times = [t for _ in children for t in results.get(timeout=seconds + 120)]
    elapsed = time.perf_counter() - t0
    for child in children:
        child.join(timeout=60)
    stored = sum(History(place.get("path"), u, url=place.get("url")).count() for u in users)
    if stored != len(times):
        raise SystemExit(f"lost writes: {len(times)} acknowledged, {stored} stored")
    return len(times) / elapsed, p95(times), len(times)


def seed(store: History, count: int) -> None:
    """Insert count attempts for the store's user in one transaction (setting up, not measured)."""
    row = (store.user, now(), "score", ANSWER, json.dumps(SCORES), json.dumps(FINDINGS), 60, 24.0, SCORES["overall"])
    with store.engine.transaction(write=True) as db:
        for _ in range(count):
            db.execute(
                "INSERT INTO attempts (user_id, created_at, kind, answer, scores, findings, word_count, speaking_seconds, "
                "overall) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
        if db.dialect == "postgresql":
            db.execute("ANALYZE attempts")  # what autovacuum does within a minute of a bulk load


def run_listing(place: dict[str, Any], attempts: int, loops: int, page: int) -> dict[str, float]:
    """Return p95 ms of one history page (list + count + best + latest), of one get, and of loading everything."""
    store = History(place.get("path"), "bench-reader", url=place.get("url"))
    seed(store, attempts)
    ids = [a.id for a in store.list_attempts(limit=attempts)]
    pages, gets = [], []
    rng = random.Random(7)
    for _ in range(loops):
        t0 = time.perf_counter()
        store.list_attempts(limit=page, offset=rng.randrange(0, max(1, attempts - page)))
        store.count()
        store.best()
        store.latest()
        pages.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        store.get(rng.choice(ids))
        gets.append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    everything = store.attempts()
    load_all = (time.perf_counter() - t0) * 1000
    assert len(everything) == attempts
    return {"page_p95": p95(pages), "page_median": statistics.median(pages), "get_p95": p95(gets), "load_all": load_all}


def bench(name: str, place: dict[str, Any], args: argparse.Namespace) -> None:
    """Run every measurement on one engine and print it."""
    History(place.get("path"), url=place.get("url"))  # create and migrate before timing anything
    one_rate, one_p95, one_n = run_writers(place, 1, args.writes, args.seconds)
    many_rate, many_p95, many_n = run_writers(place, args.writers, args.writes, args.seconds)
    print(f"[{name}] 1 writer: {one_n} writes, {one_rate:.0f} writes/s, p95 {one_p95:.1f} ms")
    print(
        f"[{name}] {args.writers} writers: {many_n} writes, {many_rate:.0f} writes/s, p95 {many_p95:.1f} ms; "
        f"throughput x{many_rate / one_rate:.2f} and p95 x{many_p95 / one_p95:.2f} of one writer; nothing lost"
    )
    listing = run_listing(place, args.attempts, args.loops, args.page)
    print(
        f"[{name}] history page of {args.page} out of {args.attempts} attempts (list+count+best+latest): "
        f"median {listing['page_median']:.1f} ms, p95 {listing['page_p95']:.1f} ms "
        f"= x{listing['page_p95'] / listing['get_p95']:.1f} one get "
        f"(p95 {listing['get_p95']:.2f} ms); loading all {args.attempts} took {listing['load_all']:.0f} ms "
        f"(x{listing['load_all'] / listing['page_p95']:.0f} a page)"
    )


def main() -> None:
    """Run the benchmark on the chosen engines."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engines", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--writers", type=int, default=4, help="writer processes (at most 8)")
    parser.add_argument("--writes", type=int, default=200, help="writes per writer (at most 2000)")
    parser.add_argument("--seconds", type=float, default=60, help="time limit of each writer phase")
    parser.add_argument("--attempts", type=int, default=10_000, help="attempts in the listed history (at most 50,000)")
    parser.add_argument("--loops", type=int, default=200, help="timed history pages (at most 2000)")
    parser.add_argument("--page", type=int, default=50, help="attempts per page")
    args = parser.parse_args()
    args.writers, args.writes = min(args.writers, 8), min(args.writes, 2000)
    args.attempts, args.loops = min(args.attempts, 50_000), min(args.loops, 2000)
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    if "sqlite" in engines:
        with tempfile.TemporaryDirectory() as folder:
            bench("sqlite", {"path": Path(folder) / "bench.sqlite3"}, args)
    if "postgresql" in engines:
        from tests.store.postgres_server import PostgresServer, find_pg_ctl

        pg_ctl = find_pg_ctl()
        if pg_ctl is None:
            raise SystemExit("PostgreSQL is not installed (apt-get install postgresql)")
        server = PostgresServer(pg_ctl, durable=True)
        server.start()
        try:
            bench("postgresql", {"url": server.create_database("coach_bench")}, args)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
