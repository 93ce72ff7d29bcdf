"""The README's two commands and CI stay in step."""

from __future__ import annotations

import re
import subprocess

from tests.conftest import ROOT

# llama.cpp without its multimodal tools, for any AVX2 processor: built natively on a Xeon with AMX, its AMX
# matrix code crashed the process (SIGSEGV in ggml_backend_amx_mul_mat) on the first model call.
LLAMA_BUILD = "-DLLAVA_BUILD=OFF -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"


def readme_command(marker: str) -> str:
    """Return the shell command in the README block after the given marker."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- {marker} -->\s*```sh\n(.+?)\n```", text, re.DOTALL)
    assert match, marker
    return match.group(1).strip()


def test_readme_gives_exactly_two_commands_that_use_the_project_venv() -> None:
    run, test = readme_command("run-command"), readme_command("test-command")
    for command in (run, test):
        assert "\n" not in command
        assert command.startswith(f'python3 -m venv .venv && CMAKE_ARGS="{LLAMA_BUILD}" .venv/bin/pip install')
    assert run.endswith(".venv/bin/coach app")
    assert test.endswith(".venv/bin/python -m pytest")
    assert "chromium" in test and "espeak-ng" in test  # the browser and the test speech come from Debian
    assert "postgresql" in test  # so is the PostgreSQL the store tests start


def test_ci_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in script
    # The extraction CI uses yields the README's command exactly.
    extracted = subprocess.run(
        ["sh", "-c", "sed -n '/<!-- test-command -->/,/^```$/p' README.md | sed -n '/^```sh$/,/^```$/p' | sed '1d;$d'"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert extracted == readme_command("test-command")


def test_streamlit_config_is_local_private_and_quiet() -> None:
    config = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert 'address = "127.0.0.1"' in config
    assert "gatherUsageStats = false" in config
    assert 'showErrorDetails = "none"' in config
    assert re.search(r"maxUploadSize = 25\b", config)  # recordings; the text uploader caps itself lower
    page = (ROOT / "ui" / "pages" / "feedback.py").read_text(encoding="utf-8")
    assert re.search(r'key="upload",\s*on_change=\w+,\s*max_upload_size=2\b', page)
