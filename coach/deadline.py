"""An overall deadline for a streamed call: a server trickling chunks cannot hold the caller past it."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")


def within_deadline(produce: Callable[[], Iterator[T]], seconds: float, on_timeout: Callable[[], Exception]) -> Iterator[T]:
    """Yield what produce() yields, read in a worker thread; raise on_timeout() once seconds have passed in all.

    A blocked read cannot be interrupted from outside, so the worker runs on (it should have its
    own timeout) while the caller gets its answer on time. Closing this iterator early tells the
    worker to stop at its next item.
    """
    items: queue.SimpleQueue[tuple[str, object]] = queue.SimpleQueue()
    cancel = threading.Event()

    def work() -> None:
        source = produce()
        try:
            for item in source:
                if cancel.is_set():
                    break
                items.put(("item", item))
            items.put(("done", None))
        except Exception as exc:  # handed to the caller, who decides what it means
            items.put(("error", exc))
        finally:
            close = getattr(source, "close", None)
            if close is not None:
                close()

    worker = threading.Thread(target=work, name="coach-model-call", daemon=True)
    end = time.monotonic() + seconds
    worker.start()
    try:
        while True:
            remaining = end - time.monotonic()
            if remaining <= 0:
                raise on_timeout()
            try:
                kind, value = items.get(timeout=remaining)
            except queue.Empty:
                raise on_timeout() from None
            if kind == "done":
                return
            if kind == "error":
                assert isinstance(value, Exception)
                raise value
            yield value  # type: ignore[misc]
    finally:
        cancel.set()
