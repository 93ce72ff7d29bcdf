"""Load test: many signed-in people using one app process at once: scoring an answer, saving it, listing history.

Each session is one visit by a different signed-in user, driving the real app.py (frame, sign-in gate, pages, rubric,
store) through Streamlit's AppTest, one thread per user, all in this process: the process-wide caches and the one
store engine are shared as a `streamlit run` server shares them between its sessions (each session's script runs in
a thread of its own there too). Left out: the server's HTTP and websocket layer (Streamlit's protocol has no client
outside its own front end, and a Chromium context per session on 2 cores would mostly measure the browser), the
round trip to the sign-in provider (the identity is handed over as tests/test_auth_page.py does; tests/test_signin.py
signs in for real), and the model: a canned reply stands in, so the figures are the app's and the store's, not a
135M model's on 2 cores.

A visit: open the app signed in (the saved profile is read from the store), fill the profile on the first visit,
open Feedback, type an answer and press "Get feedback" (scored, then saved), open History (listed). Every user's
text carries a tag of its own, so a session that ever shows another user's profile or attempt is caught, and at the
end every acknowledged attempt must be in the store under its user. Prints throughput (sessions/s, actions/s) and
p95 latency per action, with ratios against one session alone in the same run, on SQLite and PostgreSQL.
Bounded: at most 32 users, 20 visits each and a wall-clock limit per phase (at most an hour); loopback only; stops by itself.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Run as a script: the checkout (app.py, tests/store/postgres_server.py) comes before any installed copy.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.runtime import Runtime
from streamlit.testing.v1 import AppTest

from bench.load_server import ISSUER, one_server
from coach.history import History
from coach.identity import user_key
from coach.samples import Profile, load_profiles

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = {"feedback": "ui/pages/feedback.py", "history": "ui/pages/history.py"}
ACTIONS = ("open", "profile", "feedback", "score", "advice", "history")
MAX_USERS, MAX_VISITS, MAX_SECONDS = 32, 20, 3600.0


@dataclass
class User:
    """One signed-in person: their identity, the tag every text of theirs carries, and what the app acknowledged."""

    number: int
    profile: Profile
    acknowledged: list[str] = field(default_factory=list)  # answers whose "Get feedback" run finished with feedback
    seen_ids: set[int] = field(default_factory=set)  # attempt ids their History page listed

    @property
    def tag(self) -> str:
        """Return the marker in every text this user types (fixed width: no tag contains another)."""
        return f"visitor-{self.number:03d}"

    @property
    def claims(self) -> dict[str, Any]:
        """Return the identity the sign-in provider would hand over."""
        return {"is_logged_in": True, "iss": ISSUER, "sub": self.tag, "email": f"{self.tag}@load-test.invalid"}

    @property
    def key(self) -> str:
        """Return the key the store keeps this user's rows under."""
        return user_key(self.claims)


@dataclass
class Phase:
    """What one phase measured and every problem it saw."""

    users: int
    visits: int = 0
    seconds: float = 0.0
    times: dict[str, list[float]] = field(default_factory=lambda: {a: [] for a in ACTIONS})
    problems: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def problem(self, text: str) -> None:
        """Record a problem (thread-safe)."""
        with self.lock:
            self.problems.append(text)

    def p95(self, action: str) -> float:
        """Return the 95th percentile of an action's latency in ms (nan when it never ran)."""
        samples = self.times[action]
        if len(samples) > 1:
            return statistics.quantiles(samples, n=20, method="inclusive")[-1]
        return samples[0] if samples else float("nan")

    @property
    def actions(self) -> int:
        """Return how many timed actions finished."""
        return sum(len(t) for t in self.times.values())


def timed(phase: Phase, action: str, app: AppTest) -> AppTest:
    """Run the app once, time it as action, and fail the visit on a page exception."""
    t0 = time.perf_counter()
    app.run()
    elapsed = (time.perf_counter() - t0) * 1000
    if app.exception:
        raise RuntimeError(f"{action}: page exception: {app.exception[0].value}")
    with phase.lock:
        phase.times[action].append(elapsed)
    return app


def foreign(text: str, user: User) -> bool:
    """Return whether text carries another user's tag."""
    return "visitor-" in text.replace(user.tag, "")


def visit(phase: Phase, user: User, round_no: int, timeout: float) -> None:
    """One visit by a signed-in user: open, (fill the profile), score a new answer, list the history; check every read."""
    app = AppTest.from_file(APP, default_timeout=timeout)
    # The installed components are found once per server, not once per visit (about a second each time here).
    app._bidi_component_manager = Runtime.instance().bidi_component_registry
    app.user = user.claims
    timed(phase, "open", app)
    if app.title and app.title[0].value == "Sign in to practise":
        raise RuntimeError("open: the sign-in screen was shown to a signed-in user")
    loaded = str(app.session_state["background"])  # set_up read it from the store
    if foreign(loaded, user) or (round_no > 0 and user.tag not in loaded):
        phase.problem(f"{user.tag} visit {round_no}: the profile read from the store was {loaded[-40:]!r}")
    if round_no == 0:
        p = user.profile
        app.text_input(key="company").input(p.company)
        app.text_input(key="role").input(p.role)
        app.text_area(key="vision").input(p.long_term_vision)
        app.text_area(key="short_term").input(p.short_term_goals)
        app.text_area(key="background").input(f"{p.background} (account {user.tag})")
        timed(phase, "profile", app)
    app.switch_page(PAGES["feedback"])
    timed(phase, "feedback", app)
    answer = f"{user.profile.answers['strong']} My reference is {user.tag}-{round_no:02d}."
    app.text_area(key="answer").input(answer)
    app.button(key="score").click()
    timed(phase, "score", app)
    job = app.session_state.get("critique_job", None)
    if job is not None:  # the feedback runs in a worker; the page shows it on the rerun after it ends
        job.wait(timeout)
        timed(phase, "advice", app)
    if not any(str(h.value).startswith("Feedback") for h in app.subheader):
        raise RuntimeError("score: no feedback was shown")
    user.acknowledged.append(answer)
    app.switch_page(PAGES["history"])
    timed(phase, "history", app)
    listed: dict[int, tuple[str, str]] = {}
    for shown in app.expander:  # each attempt is an expander labelled "#ID date time kind (score) · band"
        label = re.match(r"#(\d+) \S+ \S+ (\S+) \(", str(shown.label))
        if label and shown.code:
            listed[int(label.group(1))] = (label.group(2), str(shown.code[0].value))
    user.seen_ids.update(listed)
    for attempt_id, (kind, text) in listed.items():
        if foreign(text, user) or (kind == "score" and user.tag not in text):
            phase.problem(f"{user.tag} visit {round_no}: History listed attempt #{attempt_id} of someone else")
    missing = [a for a in user.acknowledged if a not in {text for _, text in listed.values()}]
    if missing:
        phase.problem(f"{user.tag} visit {round_no}: History lacks {len(missing)} acknowledged attempt(s)")


def run_phase(users: list[User], visits: int, seconds: float, timeout: float) -> Phase:
    """Let every user make their visits at once, each in a thread; no visit starts after the time limit."""
    phase = Phase(len(users))
    start = threading.Barrier(len(users))
    deadline = time.monotonic() + seconds

    def session_loop(user: User) -> None:
        start.wait()
        for round_no in range(visits):
            if time.monotonic() > deadline:
                phase.problem(f"{user.tag}: time limit reached after {round_no} visits")
                return
            try:
                visit(phase, user, round_no, timeout)
            except Exception as error:  # the visit failed: counted and reported, never silently retried
                phase.problem(f"{user.tag} visit {round_no}: {type(error).__name__}: {error}")
                return
            with phase.lock:
                phase.visits += 1

    threads = [threading.Thread(target=session_loop, args=(u,), name=u.tag, daemon=True) for u in users]
    t0 = time.perf_counter()
    for thread in threads:
        thread.start()
    give_up = deadline + timeout  # a visit started just before the limit may still finish its last page run
    for thread in threads:
        thread.join(timeout=max(0.0, give_up - time.monotonic()))
        if thread.is_alive():
            phase.problem(f"{thread.name}: still running after the time limit")
    phase.seconds = time.perf_counter() - t0
    return phase


def check_store(place: dict[str, str], users: list[User]) -> list[str]:
    """Return what a fresh connection to the store finds wrong: an acknowledged attempt missing, or filed under another user."""
    problems = []
    for user in users:
        store = History(place.get("path") or None, user.key, url=place.get("url") or None)
        stored = store.attempts()
        answers = {a.answer for a in stored}
        lost = [a for a in user.acknowledged if a not in answers]
        if lost:
            problems.append(f"{user.tag}: {len(lost)} of {len(user.acknowledged)} acknowledged attempts are not in the store")
        if any(foreign(a.answer, user) for a in stored) or foreign(store.load_profile().get("background", ""), user):
            problems.append(f"{user.tag}: the store holds another user's text under this user")
        strangers = user.seen_ids - {a.id for a in stored}
        if strangers:
            problems.append(f"{user.tag}: History listed attempts {sorted(strangers)[:5]} that are not this user's")
        store.engine.close()
    return problems


def make_users(count: int, first: int) -> list[User]:
    """Return count users numbered from first, each with a sample profile."""
    profiles = [p for p in load_profiles() if "strong" in p.answers]
    return [User(n, profiles[n % len(profiles)]) for n in range(first, first + count)]


@dataclass
class Result:
    """One engine's load run: the baseline alone, the concurrent phase, and the store check."""

    engine: str
    alone: Phase
    together: Phase
    store_problems: list[str]

    @property
    def problems(self) -> list[str]:
        """Return every problem the run saw."""
        return [*self.alone.problems, *self.together.problems, *self.store_problems]


def load(place: dict[str, str], engine: str, users: int, visits: int, seconds: float, timeout: float) -> Result:
    """Warm up, run one user alone (the baseline), then users at once, then check the store."""
    users, visits = max(1, min(users, MAX_USERS)), max(1, min(visits, MAX_VISITS))
    seconds, timeout = max(1.0, min(seconds, MAX_SECONDS)), max(1.0, min(timeout, MAX_SECONDS))
    with one_server(place):
        run_phase(make_users(1, 900), 1, seconds, timeout)  # imports, model-free caches, the engine's first open
        alone_users, together_users = make_users(1, 0), make_users(users, 1)
        alone = run_phase(alone_users, visits, seconds, timeout)
        together = run_phase(together_users, visits, seconds, timeout)
        store_problems = check_store(place, alone_users + together_users)
    return Result(engine, alone, together, store_problems)


def report(result: Result) -> str:
    """Return the figures of one engine's run as text."""
    a, t = result.alone, result.together
    (a_visits, a_actions), (t_visits, t_actions) = ((p.visits / p.seconds, p.actions / p.seconds) for p in (a, t))
    lines = [
        f"[{result.engine}] 1 session alone: {a.visits} visits in {a.seconds:.1f} s = {a_visits:.2f} sessions/s, "
        f"{a_actions:.2f} actions/s",
        f"[{result.engine}] {t.users} sessions at once: {t.visits} visits in {t.seconds:.1f} s = {t_visits:.2f} sessions/s, "
        f"{t_actions:.2f} actions/s; throughput x{t_visits / a_visits if a_visits else float('nan'):.2f} of one alone",
    ]
    for action in ACTIONS:
        lines.append(
            f"[{result.engine}]   p95 {action:<8} {t.p95(action):8.0f} ms at once vs {a.p95(action):6.0f} ms alone "
            f"(x{t.p95(action) / a.p95(action):.2f}; n={len(t.times[action])})"
        )
    acknowledged = len(t.times["score"]) + len(a.times["score"])
    verdict = "nothing lost, no cross-user reads" if not result.problems else f"{len(result.problems)} PROBLEMS"
    lines.append(f"[{result.engine}] {acknowledged} attempts acknowledged; store checked: {verdict}")
    lines += [f"[{result.engine}]   {p}" for p in result.problems[:20]]
    return "\n".join(lines)


def main() -> None:
    """Run the load test on the chosen engines and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engines", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--users", type=int, default=8, help=f"sessions at once, each a different user (at most {MAX_USERS})")
    parser.add_argument("--visits", type=int, default=3, help=f"visits per user, one after another (at most {MAX_VISITS})")
    parser.add_argument("--seconds", type=float, default=600, help="no visit starts after this many seconds of a phase")
    parser.add_argument("--timeout", type=float, default=300, help="seconds one page run may take")
    args = parser.parse_args()
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    results = []
    if "sqlite" in engines:
        with tempfile.TemporaryDirectory() as folder:
            place = {"path": str(Path(folder) / "load.sqlite3")}
            results.append(load(place, "sqlite", args.users, args.visits, args.seconds, args.timeout))
            print(report(results[-1]), flush=True)
    if "postgresql" in engines:
        from tests.store.postgres_server import PostgresServer, find_pg_ctl

        pg_ctl = find_pg_ctl()
        if pg_ctl is None:
            raise SystemExit("PostgreSQL is not installed (apt-get install postgresql)")
        server = PostgresServer(pg_ctl, durable=True)
        server.start()
        try:
            place = {"url": server.create_database("coach_load")}
            results.append(load(place, "postgresql", args.users, args.visits, args.seconds, args.timeout))
            print(report(results[-1]), flush=True)
        finally:
            server.stop()
    if any(r.problems for r in results):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
