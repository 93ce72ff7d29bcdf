"""A model call that runs in a worker thread: the page polls it, shows its status and text, and can stop it."""

from __future__ import annotations

import threading
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from coach.coaching import Chunk, Status
from coach.errors import CoachError

FAST_WAIT = 1.5  # seconds a page waits for a result before it shows the wait; the default path finishes well within it
POLL_SECONDS = 0.5


@dataclass
class Job:
    """One task's events consumed in a thread: what it is doing, the text so far, and the result or the failure."""

    events: Generator[Any, None, Any]
    status: str = "Starting"
    text: str = ""
    result: Any = None
    error: CoachError | None = None
    stopped: bool = False
    done: threading.Event = field(default_factory=threading.Event)
    _stop: threading.Event = field(default_factory=threading.Event)
    _index: int = -1

    def start(self) -> Job:
        """Run the events in a daemon thread (a closed tab must not keep the process alive) and return self."""
        threading.Thread(target=self._run, daemon=True).start()
        return self

    def _run(self) -> None:
        try:
            while not self._stop.is_set():  # checked between chunks: a stop takes effect at the next one
                try:
                    event = next(self.events)
                except StopIteration as end:
                    self.result = end.value
                    break
                if isinstance(event, Status):
                    self.status = event.text
                elif isinstance(event, Chunk):
                    if event.index != self._index:  # each candidate's text starts its own paragraph
                        self.text += "\n\n" if self.text else ""
                        self._index = event.index
                    self.text += event.text
            else:
                self.stopped = True
                self.events.close()  # ends the model's stream, which closes its connection
        except CoachError as exc:  # shown by the page as a one-line message; what arrived is kept
            self.error = exc
        finally:
            self.done.set()

    def stop(self) -> None:
        """Ask the worker to stop at the next chunk."""
        self._stop.set()

    def wait(self, seconds: float) -> bool:
        """Wait up to seconds for the job to end; return whether it has."""
        return self.done.wait(seconds)


def start_job(key: str, events: Generator[Any, None, Any]) -> Job:
    """Start a task under a session key, replacing (and stopping) any earlier one."""
    old = st.session_state.get(key)
    if isinstance(old, Job):
        old.stop()
    job = Job(events).start()
    st.session_state[key] = job
    return job


def running(key: str) -> Job | None:
    """Return the session's job under key if it has not ended."""
    job = st.session_state.get(key)
    return job if isinstance(job, Job) and not job.done.is_set() else None


def finished(key: str) -> Job | None:
    """Return and forget the session's job under key once it has ended (so its result is used exactly once)."""
    job = st.session_state.get(key)
    if isinstance(job, Job) and job.done.is_set():
        del st.session_state[key]
        return job
    return None


@st.fragment(run_every=POLL_SECONDS)
def show_wait(key: str, label: str) -> None:
    """Show a running job's status and text with a Stop button; rerun the page when it ends."""
    job = st.session_state.get(key)
    if not isinstance(job, Job) or job.done.is_set():
        st.rerun()  # the whole page shows the result
        return
    with st.status(f"{label}: {job.status}...", expanded=True):
        if job.text:
            st.text(job.text)
        st.caption("Other pages stay usable while this works; come back here for the result.")
        if st.button("Stop", key=f"{key}_stop", icon=":material/stop_circle:"):
            job.stop()
            job.wait(5)
            st.rerun()
