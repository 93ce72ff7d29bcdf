"""The practice app, driven with Streamlit's AppTest and the fake backend: every flow, no exception."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from coach.backends import FakeBackend, Message, Options, shared_fake
from coach.coaching import CoachInputs, draft
from coach.errors import ServerFailed
from coach.history import History
from tests.conftest import PROFILES, ROOT
from tests.fake_openai import Reply, serve

APP = str(ROOT / "app.py")
PROFILE = PROFILES[0]


def plain(markdown: str) -> str:
    """Return Markdown with its backslash escapes removed, as the reader sees it."""
    return re.sub(r"\\(.)", r"\1", markdown)


def fake_reply(messages: list[Message], options: Options) -> str:
    """Answer like a well-behaved model: JSON when asked for it, the strong sample answer otherwise."""
    answer = messages[-1].content.split("<answer>")[-1].split("</answer>")[0].strip()
    quote = " ".join(answer.split()[:5])
    if options.json_schema and "questions" in options.json_schema.get("properties", {}):
        return json.dumps({"questions": [{"question": "How will you get on call by month nine?", "quote": quote}]})
    if options.json_schema:
        return json.dumps(
            {
                "strengths": [{"point": "You open with your goal.", "quote": quote}],
                "improvements": [{"point": "Cut the fillers.", "quote": quote}],
            }
        )
    return PROFILE.answers["strong"]


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeBackend]:
    monkeypatch.setenv("COACH_BACKEND", "fake")
    backend = shared_fake()
    backend.queue.clear()
    backend.history.clear()
    backend.default = fake_reply
    yield backend
    backend.queue.clear()


@pytest.fixture
def at(fake: FakeBackend) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    assert not app.exception
    return app


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, app.exception
    return app


def fill_profile(app: AppTest) -> None:
    app.text_input(key="company").input(PROFILE.company)
    app.text_input(key="role").input(PROFILE.role)
    app.text_area(key="vision").input(PROFILE.long_term_vision)
    app.text_area(key="short_term").input(PROFILE.short_term_goals)
    app.text_area(key="background").input(PROFILE.background)
    app.text_area(key="company_info").input(PROFILE.company_info)
    run(app)


def markdown_text(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown)


def test_page_loads_with_guidance_under_every_field(at: AppTest) -> None:
    assert at.title[0].value == "What are your career goals?"
    assert [t.label for t in at.tabs] == [
        "Your profile",
        "Draft",
        "Feedback on my draft",
        "Say it out loud",
        "Tailor to the company",
        "Follow-up drill",
        "History & progress",
    ]
    captions = " ".join(c.value for c in at.caption)
    for phrase in ("5-10 years", "SMART", "mission, products and values"):
        assert phrase in captions


def test_sample_profile_is_one_click_away_and_the_profile_persists_across_visits(at: AppTest) -> None:
    at.button(key="load_sample").click()
    run(at)
    assert at.text_input(key="company").value == PROFILE.company
    at.text_input(key="role").input("Senior " + PROFILE.role)
    run(at)
    # A new visit (a new session) gets the profile back from the history database.
    again = run(AppTest.from_file(APP, default_timeout=60))
    assert again.text_input(key="company").value == PROFILE.company
    assert again.text_input(key="role").value == "Senior " + PROFILE.role


def test_draft_streams_then_shows_scores_alternates_and_saves_the_attempt(at: AppTest, fake: FakeBackend) -> None:
    fill_profile(at)
    replies = (PROFILE.answers["strong"], "I want to grow.", PROFILE.answers["strong"] + " I spent two years at Stripe.")
    inputs = CoachInputs(PROFILE.company, PROFILE.role, PROFILE.goals, PROFILE.background, PROFILE.company_info)
    expected = draft(inputs, FakeBackend().enqueue(*replies), candidates=3)  # what the coach decides, run directly
    fake.enqueue(*replies)
    at.button(key="draft_go").click()
    run(at)
    assert at.code[0].value == expected.answer
    heading = "written by fake-model" if expected.chosen.source == "model" else "built from your own words"
    assert any(heading in s.value for s in at.subheader)
    table = at.dataframe[0].value
    assert list(table["source"]) == ["model", "model", "model", "template"]
    assert "states facts you did not give" in " ".join(table["status"])
    assert History().attempts()[-1].kind == "draft"
    # Edit and rescore.
    at.text_area(key="draft_edit").input(PROFILE.answers["strong_fillers"])
    at.button(key="score_edit").click()
    run(at)
    assert any(m.label == "Edited version" for m in at.metric)
    assert History().attempts()[-1].answer == PROFILE.answers["strong_fillers"]


def test_draft_survives_a_failing_model_with_the_users_own_words(at: AppTest, fake: FakeBackend) -> None:
    fill_profile(at)
    fake.enqueue(ServerFailed("The server answered with an error (500) - try again later."))
    at.button(key="draft_go").click()
    run(at)
    assert any("could not help this time" in w.value and "500" in w.value for w in at.warning)
    assert PROFILE.company in at.code[0].value


def test_draft_without_goals_asks_for_them(at: AppTest) -> None:
    at.text_input(key="company").input("Acme")
    run(at)
    at.button(key="draft_go").click()
    run(at)
    assert "goals" in at.warning[0].value


def test_feedback_shows_the_rubric_with_highlights_then_model_feedback_and_a_stronger_version(at: AppTest) -> None:
    fill_profile(at)
    at.text_area(key="answer").input(PROFILE.answers["strong_fillers"])
    run(at)
    at.button(key="score").click()
    run(at)
    md = markdown_text(at)
    assert ":orange-background[" in md  # fillers highlighted in place
    assert "Drop filler words" in plain(md)
    assert "Specific" in md and "Long-term vision" in md
    assert any(m.label == "Speaking time" for m in at.metric)
    assert "You open with your goal" in plain(md)  # the model's feedback, tied to quoted words
    assert any(m.label.startswith("Stronger version") for m in at.metric)
    kinds = [a.kind for a in History().attempts()]
    assert kinds == ["score", "stronger"]


@pytest.mark.parametrize(("text", "message"), [("", "empty"), ("   \n  ", "empty")])
def test_empty_feedback_input_gets_a_friendly_message(at: AppTest, text: str, message: str) -> None:
    fill_profile(at)
    at.text_area(key="answer").input(text)
    run(at)
    at.button(key="score").click()
    run(at)
    assert message in at.warning[0].value
    assert History().attempts() == []


def test_uploaded_text_file_fills_the_answer(at: AppTest) -> None:
    at.file_uploader(key="upload").set_value(("answer.md", "In two years I want to lead. 😀 Ünïcødé".encode(), "text/markdown"))
    run(at)
    assert at.text_area(key="answer").value == "In two years I want to lead. 😀 Ünïcødé"
    assert "Loaded answer.md" in plain(at.success[0].value)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"), (b"caf\xe9 au lait", "UTF-8")],
)
def test_bad_upload_is_refused_kindly_and_keeps_the_answer(at: AppTest, content: bytes, message: str) -> None:
    at.text_area(key="answer").input("My draft so far.")
    run(at)
    at.file_uploader(key="upload").set_value(("photo.txt", content, "text/plain"))
    run(at)
    assert message in plain(at.error[0].value)
    assert at.text_area(key="answer").value == "My draft so far."


def test_pasted_markdown_template_and_injection_text_stay_inert(at: AppTest) -> None:
    fill_profile(at)
    nasty = "In two years I want to lead [a team](http://evil.example) ![x](http://evil.example/i.png) {{ secrets }} <b>now</b>."
    nasty += " :red[x]"
    at.text_area(key="answer").input(nasty)
    run(at)
    at.button(key="score").click()
    run(at)
    shown = markdown_text(at)
    assert "](http" not in shown and "<b>" not in shown and " :red[" not in shown


def test_tailor_shows_a_diff_and_the_score_change(at: AppTest, fake: FakeBackend) -> None:
    fill_profile(at)
    at.text_area(key="tailor_answer").input(PROFILE.answers["generic"])
    run(at)
    at.button(key="tailor_go").click()
    run(at)
    md = markdown_text(at)
    assert ":green-background[" in md and "~~" in md
    labels = {m.label: m for m in at.metric}
    assert "Before" in labels and any(label.startswith("Tailored") for label in labels)
    assert History().attempts()[-1].kind == "tailor"


def test_tailor_without_a_company_description_asks_for_one(at: AppTest) -> None:
    at.text_input(key="company").input("Acme")
    at.text_area(key="tailor_answer").input("In five years I want to lead a team.")
    run(at)
    at.button(key="tailor_go").click()
    run(at)
    assert "description" in at.warning[0].value


def test_followup_drill_scores_each_answer_for_relevance_and_succinctness(at: AppTest) -> None:
    fill_profile(at)
    at.text_area(key="answer").input(PROFILE.answers["strong"])
    run(at)
    at.button(key="followups_go").click()
    run(at)
    questions = [m.value for m in at.markdown if m.value.startswith("**1.")]
    assert questions and "on call by month nine" in plain(questions[0])
    at.text_area(key="fu_answer_0").input(
        "I will shadow two on-call shifts in my first 90 days and take my own rotation by month nine."
    )
    run(at)
    at.button(key="fu_score_0").click()
    run(at)
    labels = [m.label for m in at.metric]
    assert "Relevance" in labels and "Succinctness" in labels
    saved = History().attempts()[-1]
    assert saved.kind == "followup" and saved.question.startswith("How will you get on call")


def test_history_progress_compare_delete_and_export(at: AppTest) -> None:
    fill_profile(at)
    for style in ("vague", "strong"):
        at.text_area(key="answer").input(PROFILE.answers[style])
        run(at)
        at.button(key="score").click()
        run(at)
    run(at)
    kinds = [a.kind for a in History().attempts()]
    assert kinds.count("score") == 2
    assert any(m.label == "Best" for m in at.metric) and any(m.label == "Latest" for m in at.metric)
    compare = at.dataframe[-1].value
    assert next(iter(compare["score"])) == "Overall"
    labels = [a.label for a in History().attempts()]
    assert at.selectbox(key="compare_a").value == labels[0] and at.selectbox(key="compare_b").value == labels[-1]
    assert next(iter(compare["change"])) == round(
        History().attempts()[-1].scores["overall"] - History().attempts()[0].scores["overall"], 1
    )
    assert {getattr(b, "label", "") for b in at.get("download_button")} == {"Download as Markdown", "Download as JSON"}
    # Delete one, then all (which needs the confirmation first).
    before = len(History().attempts())
    at.button(key="delete_one").click()
    run(at)
    assert len(History().attempts()) == before - 1
    assert at.button(key="delete_all").disabled
    at.checkbox(key="delete_all_confirm").check()
    run(at)
    at.button(key="delete_all").click()
    run(at)
    assert History().attempts() == []
    assert "No attempts yet" in at.info[0].value


def test_openai_settings_use_the_key_but_never_store_or_show_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COACH_BACKEND", raising=False)
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
        app.number_input(key="draft_candidates").set_value(1)
        app.button(key="draft_go").click()
        run(app)
        assert server.headers and server.headers[0]["authorization"] == f"Bearer {secret}"
    shown = "\n".join(e.value for e in [*app.warning, *app.markdown, *app.info, *app.code] if isinstance(e.value, str))
    assert "refused the API key" in shown
    assert secret not in shown
    store = History()
    assert secret not in store.export_json() and secret not in store.export_markdown()
    assert store.path is not None and secret not in store.path.read_bytes().decode("utf-8", "replace")


def espeak_wav(text: str, tmp_path: Path) -> bytes:
    import shutil
    import subprocess

    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is not installed: the README's test command installs it.")
    path = tmp_path / "answer.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(path), text], check=True)
    return path.read_bytes()


@pytest.mark.slow
def test_spoken_answer_is_transcribed_measured_scored_and_saved_without_audio(at: AppTest, tmp_path: Path) -> None:
    fill_profile(at)
    at.file_uploader(key="audio_upload").set_value(("answer.wav", espeak_wav(PROFILE.answers["strong"], tmp_path), "audio/wav"))
    run(at)
    at.button(key="transcribe_go").click()
    run(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Pace"].endswith("wpm") and "Fillers" in metrics and "Delivery" in metrics
    assert "staff engineer" in at.code[-1].value.lower() or "staff engineer" in " ".join(c.value.lower() for c in at.code)
    assert any("lower bound" in plain(c.value) for c in at.caption)
    saved = History().attempts()[-1]
    assert saved.kind == "spoken" and saved.delivery and saved.has_audio is False


@pytest.mark.slow
def test_spoken_answer_keeps_the_audio_when_asked(at: AppTest, tmp_path: Path) -> None:
    fill_profile(at)
    at.checkbox(key="keep_audio").check()
    audio = espeak_wav("In five years I want to lead the payments team at Corvana Pay.", tmp_path)
    at.file_uploader(key="audio_upload").set_value(("answer.wav", audio, "audio/wav"))
    run(at)
    at.button(key="transcribe_go").click()
    run(at)
    saved = History().attempts()[-1]
    assert saved.has_audio and History().audio(saved.id) == (audio, "audio/wav")


@pytest.mark.parametrize(("payload", "message"), [(b"not audio", "could not be read"), (b"", "empty")])
def test_bad_recordings_get_a_clear_message(at: AppTest, payload: bytes, message: str) -> None:
    fill_profile(at)
    at.file_uploader(key="audio_upload").set_value(("broken.wav", payload, "audio/wav"))
    run(at)
    at.button(key="transcribe_go").click()
    run(at)
    assert message in at.warning[0].value
    assert History().attempts() == []
