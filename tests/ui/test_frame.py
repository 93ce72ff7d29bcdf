"""The frame: title, navigation to every page, the sidebar's model settings, and no fake backend in production."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from coach.backends import BACKENDS, make_backend
from coach.errors import BackendError
from coach.history import History
from tests.fake_openai import Reply, serve
from tests.ui.conftest import APP, PAGES, fill_profile, open_page, plain, run, settle


def test_every_page_opens_under_the_frame(at: AppTest) -> None:
    assert at.title[0].value == "What are your career goals?"
    for name in PAGES:
        open_page(at, name)
        assert at.title[0].value == "What are your career goals?"
        assert at.radio(key="model_choice").value == "Embedded model (offline)"


def test_the_frame_stays_small() -> None:
    assert len(Path(APP).read_text(encoding="utf-8").splitlines()) < 150


@pytest.mark.parametrize("name", ["fake", "Fake", ""])
def test_the_test_double_cannot_be_chosen_in_production(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_BACKEND", "fake")
    assert "fake" not in BACKENDS
    with pytest.raises(BackendError, match="Unknown backend"):
        make_backend(name)


def test_coach_backend_fake_in_the_environment_does_not_crash_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_BACKEND", "fake")
    app = run(AppTest.from_file(APP, default_timeout=60))
    assert app.radio(key="model_choice").value == "Embedded model (offline)"


def test_openai_settings_use_the_key_but_never_store_or_show_it() -> None:
    secret = "sk-app-SECRET-987654321"
    with serve() as server:
        server.queue(Reply(status=401))
        app = run(AppTest.from_file(APP, default_timeout=60))
        fill_profile(app)
        app.radio(key="model_choice").set_value("OpenAI-compatible server")
        run(app)
        app.text_input(key="base_url").input(server.url)
        app.text_input(key="model_name").input("fake-model")
        app.text_input(key="api_key").input(secret)
        run(app)
        open_page(app, "draft")
        app.number_input(key="draft_candidates").set_value(1)
        app.button(key="draft_go").click()
        settle(run(app))
        assert server.headers and server.headers[0]["authorization"] == f"Bearer {secret}"
    shown = "\n".join(e.value for e in [*app.warning, *app.markdown, *app.info, *app.code] if isinstance(e.value, str))
    assert "refused the API key" in plain(shown)
    assert "http://" not in shown  # the server's URL is escaped: shown as text, never as a live link
    assert secret not in shown
    store = History()
    assert secret not in store.export_json() and secret not in store.export_markdown()
    assert store.path is not None
    assert secret not in Path(store.path).read_bytes().decode("utf-8", "replace")


def test_the_library_never_imports_streamlit() -> None:
    import ast

    from tests.conftest import ROOT

    for path in (ROOT / "coach").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(n.split(".")[0] == "streamlit" for n in names), path
