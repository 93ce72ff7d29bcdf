"""Voice practice: speech synthesised with espeak-ng at known rates, transcribed offline with the
bundled Whisper tiny.en, and measured for pace, pauses and fillers.
"""

from __future__ import annotations

import io
import json
import random
import re
import shutil
import struct
import subprocess
import sys
import time
import wave
from pathlib import Path
from typing import Any

import pytest

from coach.errors import BackendError, InputError
from coach.history import History
from coach.rubric import score_answer
from coach.speech import (
    MAX_AUDIO_SECONDS,
    NoSpeech,
    TimedWord,
    Transcript,
    bundled_whisper_path,
    delivery_metrics,
    transcribe_local,
    transcribe_openai,
)
from tests.conftest import PROFILES, ROOT
from tests.fake_openai import Reply, serve

pytestmark = pytest.mark.slow
COACH = str(Path(sys.executable).parent / "coach")
TEXT = (
    "In five years I want to lead the payments platform team as a staff engineer. "
    "In my first year I will ship three production features and join the on call rotation. "
    "By the end of my second year I will pass the cloud architect exam. "
    "I want to grow here because your mentors and your values match how I work."
)


def words_of(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9' ]", " ", text.lower().replace("-", " ")).split()


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Return the word error rate: edits to turn the transcript into the reference, per reference word."""
    ref, hyp = words_of(reference), words_of(hypothesis)
    row = list(range(len(hyp) + 1))
    for i in range(1, len(ref) + 1):
        diagonal, row[0] = row[0], i
        for j in range(1, len(hyp) + 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (ref[i - 1] != hyp[j - 1]))
    return row[len(hyp)] / len(ref)


def speak(text: str, rate: int, path: Path, ssml: bool = False) -> bytes:
    """Return a WAV of text spoken by espeak-ng at the given nominal words a minute."""
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is not installed: the README's test command installs it (Debian package espeak-ng).")
    args = ["espeak-ng", "-v", "en-us", "-s", str(rate), "-w", str(path)] + (["-m"] if ssml else []) + [text]
    subprocess.run(args, check=True, capture_output=True)
    return path.read_bytes()


def wav_seconds(data: bytes) -> float:
    with wave.open(io.BytesIO(data)) as w:
        frames: int = w.getnframes()
        rate: int = w.getframerate()
    return frames / rate


def tone(seconds: float, kind: str) -> bytes:
    """Return a 16 kHz WAV of silence or of white noise."""
    rng = random.Random(7)
    frames = int(seconds * 16000)
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        samples = (0 if kind == "silence" else int(rng.gauss(0, 0.25) * 32767 * 0.5) for _ in range(frames))
        w.writeframes(b"".join(struct.pack("<h", max(-32768, min(32767, s))) for s in samples))
    return out.getvalue()


def encode(wav: bytes, container: str, codec: str, rate: int) -> bytes:
    """Return the WAV re-encoded (mp3, m4a, webm, ogg, flac) with the FFmpeg inside PyAV."""
    import av

    out = io.BytesIO()
    with av.open(io.BytesIO(wav), mode="r") as source, av.open(out, mode="w", format=container) as target:
        stream: Any = target.add_stream(codec, rate=rate)
        for frame in source.decode(audio=0):
            frame.pts = None
            for packet in stream.encode(frame):
                target.mux(packet)
        for packet in stream.encode(None):
            target.mux(packet)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "container", "codec", "rate"),
    [
        ("answer.mp3", "mp3", "libmp3lame", 22050),
        ("answer.m4a", "mp4", "aac", 22050),
        ("answer.webm", "webm", "libopus", 48000),
        ("answer.ogg", "ogg", "libopus", 48000),
        ("answer.flac", "flac", "flac", 22050),
    ],
)
def test_every_accepted_format_is_transcribed(name: str, container: str, codec: str, rate: int, tmp_path: Path) -> None:
    text = "In five years I want to lead the payments team."
    data = encode(speak(text, 150, tmp_path / "f.wav"), container, codec, rate)
    assert word_error_rate(text, transcribe_local(data, name).text) <= 0.25


def test_the_whisper_model_ships_in_a_package() -> None:
    path = bundled_whisper_path()
    assert path is not None and (path / "model.bin").stat().st_size > 50_000_000


@pytest.mark.parametrize("rate", [120, 200])
def test_transcript_is_close_and_measured_pace_matches_the_synthesised_rate(rate: int, tmp_path: Path) -> None:
    data = speak(TEXT, rate, tmp_path / f"s{rate}.wav")
    transcript = transcribe_local(data, "answer.wav", context="Corvana Pay, Software Engineer.")
    wer = word_error_rate(TEXT, transcript.text)
    print(f"rate {rate}: word error rate {wer:.3f}")  # reported with -s
    assert wer <= 0.25, transcript.text
    delivery = delivery_metrics(transcript)
    # espeak's rate setting is nominal: the true pace is words over the audio's length.
    true_pace = len(words_of(TEXT)) / (wav_seconds(data) / 60)
    assert delivery.words_per_minute == pytest.approx(true_pace, rel=0.12)
    assert transcript.duration_seconds == pytest.approx(wav_seconds(data), abs=0.1)


def test_faster_speech_measures_faster(tmp_path: Path) -> None:
    slow = delivery_metrics(transcribe_local(speak(TEXT, 120, tmp_path / "a.wav"), "a.wav"))
    fast = delivery_metrics(transcribe_local(speak(TEXT, 200, tmp_path / "b.wav"), "b.wav"))
    assert fast.words_per_minute > slow.words_per_minute * 1.4
    assert any(f.rule == "delivery.pace" and "rushing" in f.message for f in fast.findings)


def test_a_long_inserted_pause_is_found_where_it_was_put(tmp_path: Path) -> None:
    ssml = (
        '<speak>In five years I want to lead the payments team. <break time="2500ms"/> '
        "In my first year I will ship three features.</speak>"
    )
    transcript = transcribe_local(speak(ssml, 150, tmp_path / "p.wav", ssml=True), "p.wav")
    delivery = delivery_metrics(transcript)
    long = [p for p in delivery.pauses if p.seconds >= 1.5]
    assert len(long) == 1, delivery.pauses
    pause = long[0]
    assert words_of(transcript.words[pause.after_word].word) == ["team"]
    assert transcript.text[pause.offset :].lower().startswith("in my first")
    assert any(f.rule == "delivery.pauses" and "Long pauses" in f.message for f in delivery.findings)


@pytest.mark.parametrize("kind", ["silence", "noise"])
def test_silence_or_noise_is_no_speech_not_invented_text(kind: str) -> None:
    with pytest.raises(NoSpeech, match="No speech found"):
        transcribe_local(tone(8, kind), f"{kind}.wav")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt garbage that is not audio", "could not be read"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "could not be read|no sound track"),
    ],
)
def test_corrupt_or_unsupported_files_get_a_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        transcribe_local(data, "upload.wav")


def test_a_recording_past_the_limit_is_refused() -> None:
    with pytest.raises(InputError, match="keep it under 3 min"):
        transcribe_local(tone(MAX_AUDIO_SECONDS + 10, "silence"), "long.wav")


def test_delivery_metrics_by_hand() -> None:
    # 12 words over 6 seconds of speech, one 1.5 s pause, two fillers.
    pieces = ["Um,", "in", "five", "years", "I", "want", "to", "lead.", "You", "know,", "it", "matters."]
    words, text, t = [], "", 0.0
    for i, w in enumerate(pieces):
        text += "" if not text else " "
        start = t + (1.5 if i == 8 else 0.0)
        words.append(TimedWord(w, start, start + 0.35, len(text)))
        text += w
        t = start + 0.4
    transcript = Transcript(text, tuple(words), duration_seconds=7.0, engine="test")
    d = delivery_metrics(transcript)
    speech = words[-1].end - words[0].start  # 0.0 .. 6.35
    assert d.speech_seconds == pytest.approx(speech)
    assert d.words_per_minute == pytest.approx(12 / (speech / 60), abs=0.1)  # 113.4
    assert [(p.after_word, round(p.seconds, 2)) for p in d.pauses] == [(7, 1.55)]
    assert d.filler_count == 2  # "Um" and "You know"
    assert d.duration_seconds == 7.0  # the recording's, the one duration shown and scored
    assert d.fillers_per_minute == pytest.approx(2 / (7.0 / 60), abs=0.1)  # over the same duration
    assert [t for t, _ in d.pace_over_time] == [0.0]  # one window, from the start of the recording
    rules = {f.rule for f in d.findings}
    assert {"delivery.pace", "delivery.fillers", "delivery.duration", "delivery.pauses"} <= rules
    assert d.score == pytest.approx(100 - sum(f.impact("delivery") for f in d.findings), abs=0.1)


def test_openai_transcription_through_a_server_on_127_0_0_1(tmp_path: Path) -> None:
    from coach.backends import OpenAIBackend

    data = speak("In five years I want to lead a team.", 150, tmp_path / "o.wav")
    with serve() as server:
        server.queue("In five years I want to lead a team.")
        backend = OpenAIBackend(model="whisper-1", base_url=server.url, api_key="k")
        transcript = transcribe_openai(data, "o.wav", backend.client)
        assert b"timestamp_granularities" in server.requests[0]["multipart"]
    assert transcript.text == "In five years I want to lead a team."
    assert [w.word for w in transcript.words][:3] == ["In", "five", "years"]
    assert transcript.words[1].start == pytest.approx(0.4)


def test_openai_transcription_keeps_an_overall_deadline(tmp_path: Path) -> None:
    from coach.backends import OpenAIBackend

    data = speak("In five years I want to lead a team.", 150, tmp_path / "slow.wav")
    with serve() as server:
        server.queue(Reply("In five years I want to lead a team.", interval=0.3))  # about 14 s in all, 0.3 s a read
        backend = OpenAIBackend(model="whisper-1", base_url=server.url, api_key="k", timeout=2)
        started = time.monotonic()
        with pytest.raises(BackendError, match="within 2 s"):
            transcribe_openai(data, "slow.wav", backend.client, deadline=backend.timeout)
        assert time.monotonic() - started < 10.0  # the caller has its answer long before the trickle ends


def test_cli_transcribe_and_score_audio(tmp_path: Path) -> None:
    profile = PROFILES[0]
    spoken = profile.answers["strong"]
    audio = tmp_path / "answer.wav"
    speak(spoken, 150, audio)
    proc = subprocess.run([COACH, "transcribe", str(audio), "--json"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {"transcript", "words", "words_per_minute", "pauses", "fillers_per_minute", "duration_seconds"} <= set(data)
    assert {"word", "start", "end"} <= set(data["words"][0])
    assert word_error_rate(spoken, data["transcript"]) <= 0.3
    proc = subprocess.run(
        [
            COACH,
            "score",
            "--audio",
            str(audio),
            "--company",
            profile.company,
            "--role",
            profile.role,
            "--goals",
            profile.goals,
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    scored = json.loads(proc.stdout)
    assert {"scores", "findings", "delivery", "transcript"} <= set(scored)
    assert scored["scores"]["relevance"] > 60
    (tmp_path / "bad.wav").write_bytes(b"not audio at all")
    proc = subprocess.run([COACH, "transcribe", str(tmp_path / "bad.wav")], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 2 and "could not be read" in proc.stderr and "Traceback" not in proc.stderr


def test_spoken_attempts_keep_delivery_and_keep_audio_only_when_asked(tmp_path: Path) -> None:
    store = History(tmp_path / "h.sqlite3")
    transcript = transcribe_local(speak(TEXT, 150, tmp_path / "h.wav"), "h.wav")
    delivery = delivery_metrics(transcript).to_dict()
    result = score_answer(transcript.text, PROFILES[0].target())
    without = store.save("spoken", transcript.text, result, delivery=delivery)
    with_audio = store.save("spoken", transcript.text, result, delivery=delivery, audio=b"RIFFfake", audio_type="audio/wav")
    saved = store.get(without)
    assert saved is not None and saved.delivery is not None
    assert saved.delivery["words_per_minute"] == delivery["words_per_minute"]
    assert saved.has_audio is False and store.audio(without) is None
    assert store.audio(with_audio) == (b"RIFFfake", "audio/wav")
    exported = store.export_json()
    assert "RIFFfake" not in exported and '"words_per_minute"' in exported
    assert "Spoken:" in store.export_markdown()


def test_pace_over_time_spans_the_whole_recording() -> None:
    # Words every second from 2 s to 20 s of a 21 s recording: the windows run from 0 to the end.
    words = tuple(TimedWord("word", 2.0 + i, 2.5 + i, i * 5) for i in range(19))
    d = delivery_metrics(Transcript(" ".join(["word"] * 19), words, duration_seconds=21.0, engine="test"))
    starts = [t for t, _ in d.pace_over_time]
    assert starts == [0.0, 10.0, 20.0]
    assert d.duration_seconds == 21.0
