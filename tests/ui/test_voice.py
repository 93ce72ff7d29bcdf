"""The voice page: a recording transcribed on this computer, measured, scored and kept (audio only when asked)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from coach.history import History
from coach.rubric import Target, format_seconds, score_answer
from coach.speech import TimedWord, Transcript, delivery_metrics
from tests.ui.conftest import PROFILE, fill_profile, open_page, plain, run


def espeak_wav(text: str, tmp_path: Path) -> bytes:
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is not installed: the README's test command installs it.")
    path = tmp_path / "answer.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(path), text], check=True)
    return path.read_bytes()


def upload_and_transcribe(at: AppTest, name: str, payload: bytes) -> None:
    at.file_uploader(key="audio_upload").set_value((name, payload, "audio/wav"))
    run(at)
    at.button(key="transcribe_go").click()
    run(at)


@pytest.mark.slow
def test_spoken_answer_is_transcribed_measured_scored_and_saved_without_audio(at: AppTest, tmp_path: Path) -> None:
    fill_profile(at)
    open_page(at, "voice")
    upload_and_transcribe(at, "answer.wav", espeak_wav(PROFILE.answers["strong"], tmp_path))
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Pace"].endswith("wpm") and "Fillers" in metrics and "Delivery" in metrics
    assert "staff engineer" in " ".join(c.value.lower() for c in at.code)
    assert any("lower bound" in plain(c.value) for c in at.caption)
    saved = History().attempts()[-1]
    assert saved.kind == "spoken" and saved.delivery and saved.has_audio is False


@pytest.mark.slow
def test_spoken_answer_keeps_the_audio_when_asked(at: AppTest, tmp_path: Path) -> None:
    fill_profile(at)
    open_page(at, "voice")
    at.checkbox(key="keep_audio").check()
    audio = espeak_wav("In five years I want to lead the payments team at Corvana Pay.", tmp_path)
    upload_and_transcribe(at, "answer.wav", audio)
    saved = History().attempts()[-1]
    assert saved.has_audio and History().audio(saved.id) == (audio, "audio/wav")


@pytest.mark.parametrize(("payload", "message"), [(b"not audio", "could not be read"), (b"", "empty")])
def test_bad_recordings_get_a_clear_message(at: AppTest, payload: bytes, message: str) -> None:
    fill_profile(at)
    open_page(at, "voice")
    upload_and_transcribe(at, "broken.wav", payload)
    assert message in at.warning[0].value
    assert History().attempts() == []


def test_one_recording_shows_one_duration_and_one_filler_rate(at: AppTest) -> None:
    fill_profile(at)
    text = "Um, in ten years I want to lead the payments team, you know, and um ship features at Corvana Pay."
    words, offset = [], 0
    for i, word in enumerate(text.split()):
        words.append(TimedWord(word, 1.0 + i * 0.6, 1.4 + i * 0.6, offset))
        offset += len(word) + 1
    transcript = Transcript(text, tuple(words), duration_seconds=21.0, engine="test")
    delivery = delivery_metrics(transcript)
    at.session_state["spoken"] = (transcript, delivery, score_answer(text, Target(PROFILE.company, PROFILE.role, PROFILE.goals)))
    open_page(at, "voice")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Duration"] == metrics["Speaking time"] == format_seconds(21.0)
    rate = f"about {delivery.fillers_per_minute:.0f} a minute"
    filler_lines = [plain(m.value) for m in at.markdown if "filler" in m.value.lower() and "a minute" in m.value]
    assert filler_lines and all(rate in line for line in filler_lines)
    assert metrics["Fillers"] == f"{delivery.fillers_per_minute:.0f} / min"
