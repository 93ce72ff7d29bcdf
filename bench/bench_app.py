"""Benchmark the page: start-up time, and the time from clicking "Get feedback" to the rubric.

Each is measured against a baseline in the same run.
Baselines: a one-line Streamlit app started the same way, and a plain rerun of our page
(loading a sample profile). Needs Chromium (the README's test command installs it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from coach.samples import load_profiles

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ANSWER = load_profiles()[0].answers["strong_fillers"]  # what "Load sample" puts in the answer box
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(app: Path, data: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start streamlit on app and return the process and its URL."""
    port = free_port()
    env = {**os.environ, "COACH_DATA_DIR": str(data)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port), "--server.headless", "true"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return proc, f"http://127.0.0.1:{port}"


def time_to_page(browser: Any, app: Path, text: str, data: Path) -> float:
    """Return seconds from starting streamlit to the page showing text."""
    t0 = time.perf_counter()
    proc, url = start(app, data)
    page = browser.new_page()
    try:
        while True:
            try:
                page.goto(url, timeout=2000)
                break
            except Exception:  # not listening yet
                if time.perf_counter() - t0 > 60:
                    raise
                time.sleep(0.05)
        page.get_by_text(text).first.wait_for(timeout=60_000)
        return time.perf_counter() - t0
    finally:
        page.close()
        proc.terminate()
        proc.wait(timeout=20)


def main() -> None:
    """Run the benchmarks and print their figures."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--model-wait", type=float, default=300.0, help="seconds to let the feedback finish between rounds")
    args = parser.parse_args()
    executable = shutil.which("chromium")
    if executable is None:
        raise SystemExit("Chromium is not installed (apt-get install chromium).")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        data = Path(tmp)
        trivial = data / "hello.py"
        trivial.write_text('import streamlit as st\nst.title("Hello")\n', encoding="utf-8")
        browser = p.chromium.launch(executable_path=executable, args=ARGS)
        ours = [time_to_page(browser, ROOT / "app.py", "What are your career goals?", data) for _ in range(args.repeats)]
        base = [time_to_page(browser, trivial, "Hello", data) for _ in range(args.repeats)]
        print(
            f"streamlit run -> page answers: app {statistics.median(ours):.2f} s, one-line app {statistics.median(base):.2f} s, "
            f"ratio {statistics.median(ours) / statistics.median(base):.2f}x"
        )

        proc, url = start(ROOT / "app.py", data)
        page = browser.new_page(viewport={"width": 1280, "height": 2000})
        try:
            deadline = time.time() + 60
            while True:
                try:
                    page.goto(url, timeout=2000)
                    break
                except Exception:
                    if time.time() > deadline:
                        raise
                    time.sleep(0.1)
            page.get_by_text("What are your career goals?").first.wait_for()
            empties, scores = [], []
            for _ in range(args.repeats):
                # Each round in a fresh session, so nothing from the last round is still on screen.
                for empty in (True, False):
                    page.goto(url)
                    page.get_by_text("What are your career goals?").first.wait_for()
                    page.get_by_role("button", name="Load sample").click()
                    page.wait_for_timeout(1500)
                    page.locator('[data-testid="stSidebarNav"] a[href$="/feedback"]').click()
                    panel = page.locator('[data-testid="stMain"]')
                    # Typed answers are kept across sessions, so each round types its own: the sample's answer,
                    # or nothing for the baseline (the same button on an empty answer reruns without scoring).
                    box = panel.get_by_label("Your answer", exact=True)
                    box.fill("" if empty else SAMPLE_ANSWER)
                    box.press("Tab")
                    page.wait_for_timeout(800)
                    t0 = time.perf_counter()
                    panel.get_by_role("button", name="Get feedback").click()
                    if empty:
                        panel.get_by_text("The answer is empty").first.wait_for(timeout=30_000)
                        empties.append(time.perf_counter() - t0)
                    else:
                        panel.get_by_text("Your answer, with what to fix highlighted in place").first.wait_for(timeout=60_000)
                        scores.append(time.perf_counter() - t0)
                        try:  # let a model finish before the next round, without failing the run when it cannot
                            page.get_by_text("What works").first.wait_for(timeout=args.model_wait * 1000)
                        except PlaywrightTimeout:
                            print(f"feedback still working after {args.model_wait:.0f} s", flush=True)
            to_rubric, to_warning = statistics.median(scores), statistics.median(empties)
            print(
                f"click 'Get feedback' -> rubric shown: {to_rubric:.2f} s; same click on an empty answer {to_warning:.2f} s; "
                f"ratio {to_rubric / to_warning:.2f}x"
            )
        finally:
            page.close()
            proc.terminate()
            proc.wait(timeout=20)
            browser.close()


if __name__ == "__main__":
    main()
