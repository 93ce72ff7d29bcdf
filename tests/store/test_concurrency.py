"""Several processes at once on both engines: writers, first-open races, and kill -9 in the middle of writes."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from coach.errors import ProfileConflict
from coach.history import MIGRATIONS
from coach.history.migrations import Session
from tests.store.conftest import Place

FORK = multiprocessing.get_context("fork")  # children inherit the imported code; nothing is re-imported
WRITERS = 4
WRITES = 20


def _write(place: Place, user: str, count: int, start: Any, results: Any) -> None:
    """Wait for the start signal, open the store as a new process would, write, and report the ids."""
    start.wait(30)
    try:
        store = place.open(user)
        ids = [store.save_scores("score", f"{user} answer {i}", {"overall": i}, [], 3, 1.0) for i in range(count)]
        results.put((user, ids, ""))
    except BaseException as error:
        results.put((user, [], repr(error)))


def _run_together(place: Place, users: list[str], count: int) -> dict[str, list[int]]:
    """Start one writer process per user at the same moment; return each one's ids, failing on any error."""
    start, results = FORK.Event(), FORK.Queue()
    children = [FORK.Process(target=_write, args=(place, user, count, start, results)) for user in users]
    for child in children:
        child.start()
    start.set()
    reports = [results.get(timeout=120) for _ in children]
    for child in children:
        child.join(timeout=60)
    errors = [error for _, _, error in reports if error]
    assert errors == []
    return {user: ids for user, ids, _ in reports}


def test_several_writer_processes_lose_nothing_and_never_mix_users(place: Place) -> None:
    place.open()
    users = [f"user{n}" for n in range(WRITERS)]
    written = _run_together(place, users, WRITES)
    all_ids = [i for ids in written.values() for i in ids]
    assert len(set(all_ids)) == WRITERS * WRITES
    for user in users:
        store = place.open(user)
        assert [a.id for a in store.attempts()] == written[user]
        assert {a.answer.split()[0] for a in store.attempts()} == {user}


def test_processes_opening_a_new_database_at_once_all_succeed(place: Place, fresh_place: Callable[[], Place]) -> None:
    for round_place in (place, fresh_place(), fresh_place()):  # three rounds, each on a database nobody has opened
        written = _run_together(round_place, [f"opener{n}" for n in range(4)], 5)
        store = round_place.open()
        assert store.engine.version() == len(MIGRATIONS)
        assert sum(store.for_user(user).count() for user in written) == 20


def _write_until_killed(place: Place, acknowledged: Any) -> None:
    """Write attempts forever, telling the parent each id once the store has acknowledged it."""
    store = place.open()
    i = 0
    while True:
        acknowledged.put(store.save_scores("score", f"answer {i}", {"overall": 1}, [], 2, 1.0))
        i += 1


def test_kill_9_during_writes_loses_nothing_acknowledged(place: Place) -> None:
    place.open()
    acknowledged = FORK.Queue()
    child = FORK.Process(target=_write_until_killed, args=(place, acknowledged))
    child.start()
    seen = [acknowledged.get(timeout=60) for _ in range(40)]
    assert child.pid is not None
    os.kill(child.pid, signal.SIGKILL)
    child.join(timeout=30)
    stored = {a.id for a in place.open().attempts()}
    assert set(seen) <= stored


def _migrate_until_killed(place: Place, inside: Any) -> None:
    """Open the store with one more migration that stops halfway, long enough to be killed there."""

    def m007_slow(db: Session) -> None:
        db.execute("ALTER TABLE attempts ADD COLUMN tag TEXT NOT NULL DEFAULT ''")
        inside.set()
        time.sleep(120)

    MIGRATIONS.append(m007_slow)  # changes the list in this forked child only
    place.open()


def test_kill_9_in_the_middle_of_a_migration_leaves_a_database_that_opens(place: Place) -> None:
    place.open().save_scores("score", "before", {"overall": 1}, [], 1, 1.0)
    inside = FORK.Event()
    child = FORK.Process(target=_migrate_until_killed, args=(place, inside))
    child.start()
    assert inside.wait(60)
    assert child.pid is not None
    os.kill(child.pid, signal.SIGKILL)
    child.join(timeout=30)
    store = place.open()
    assert store.engine.version() == len(MIGRATIONS) and [a.answer for a in store.attempts()] == ["before"]
    store.save_scores("score", "after", {"overall": 1}, [], 1, 1.0)
    assert store.count() == 2


def test_threads_sharing_one_store_lose_nothing(place: Place) -> None:
    store = place.open()
    with ThreadPoolExecutor(4) as pool:
        ids = list(pool.map(lambda i: store.save_scores("score", f"t{i}", {"overall": i}, [], 1, 1.0), range(40)))
    assert sorted(ids) == sorted({a.id for a in store.attempts()}) and len(set(ids)) == 40


def test_two_tabs_saving_the_same_version_at_once_one_wins_and_the_others_are_refused(place: Place) -> None:
    store = place.open()
    version = store.save_profile({"company": "Acme"})
    barrier = threading.Barrier(4)

    def save(n: int) -> str:
        tab = place.open()
        barrier.wait(30)
        try:
            return f"saved {tab.save_profile({'role': f'role {n}'}, version=version)}"
        except ProfileConflict as conflict:
            return f"refused at {conflict.stored_version}"

    with ThreadPoolExecutor(4) as pool:
        outcomes = sorted(pool.map(save, range(4)))
    assert outcomes == [f"refused at {version + 1}"] * 3 + [f"saved {version + 1}"]
