"""The `coach` command line: score answers, run the app."""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from coach.batch import iter_batch, open_input
from coach.errors import BackendError, CoachError, InputError
from coach.holdback import AUTO_LOOK, HeldStream
from coach.inputs import MAX_INPUT_BYTES, check_answer, check_timeout, decode_text
from coach.plan_cli import add_plan_command
from coach.rubric import SMART_LETTERS, RubricResult, Target, format_seconds, score_answer
from coach.urls import redact_text

if TYPE_CHECKING:  # the coaching stack is imported only by the commands that use a model
    from coach.backends import Backend
    from coach.coaching import Candidate, CoachInputs, Event, Task
    from coach.revise import Change

EXIT_OK = 0
EXIT_INPUT = 2
EXIT_BACKEND = 3
MAX_CANDIDATES = 10  # each is a model call; past a handful they only cost time

DIMENSION_LABELS = (
    ("overall", "Overall"),
    ("relevance", "Relevance"),
    ("succinctness", "Succinctness"),
    ("smart", "SMART"),
    ("structure", "Structure"),
    ("company_fit", "Company fit"),
    ("red_flags", "Red flags"),
)


def read_answer(path: str, stdin: IO[bytes] | None = None) -> str:
    """Return the answer text from a regular file at path, or from stdin when path is '-'."""
    stream = open_input(path, stdin)
    try:
        data = stream.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    finally:
        if path != "-":
            stream.close()
    return decode_text(data, "standard input" if path == "-" else path)


def make_target(company: str | None, role: str | None, goals: str | None, company_info: str | None) -> Target:
    """Return a Target, or raise InputError when the company is missing."""
    if not company or not company.strip():
        raise InputError("Give the company you are applying to (--company).")
    return Target(company.strip(), (role or "").strip(), (goals or "").strip(), (company_info or "").strip())


def printable(text: str) -> str:
    """Return text safe to print in a terminal: control characters shown as escapes."""
    out = []
    for ch in text:
        if ch in "\n\t":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def _bar(score: float, width: int = 20) -> str:
    """Return a text bar for a 0-100 score."""
    filled = round(score / 100 * width)
    return "#" * filled + "." * (width - filled)


def format_result(result: RubricResult, answer: str) -> str:
    """Return the human-readable report of a rubric result."""
    scores = result.scores.to_dict()
    lines = []
    for key, label in DIMENSION_LABELS:
        lines.append(f"{label:<13} {scores[key]:5.0f}  {_bar(scores[key])}")
    lines.insert(1, f"{'':<13} {result.band} (bands: 0-39 needs work, 40-69 getting there, 70-100 strong)")
    seconds = result.speaking_seconds
    lines.append("")
    lines.append(
        f"{result.word_count} words, about {seconds:.0f} s spoken at {result.words_per_minute} words a minute "
        f"(target: about 60 s)"
    )
    smart = dict(result.smart_checklist)
    lines.append("SMART: " + "  ".join(f"{k[0].upper()} {'yes' if smart[k] else 'no'}" for k in SMART_LETTERS))
    structure = dict(result.structure_checklist)
    lines.append("Structure: " + "  ".join(f"{k} {'yes' if v else 'no'}" for k, v in structure.items()))
    if result.findings:
        lines.append("")
        lines.append("Findings")
        for f in result.findings:
            cost = ", ".join(f"-{p:g} {dim}" for dim, p in f.impacts)
            lines.append(f"  [{f.severity}] {f.rule}{f'  ({cost})' if cost else ''}")
            lines.append(f"      {printable(f.message)}")
            quotes = []
            for start, end in f.spans[:4]:
                words = " ".join(answer[start:end].split())
                if len(words) > 70:
                    words = words[:69] + "\u2026"
                quotes.append(f'"{printable(words)}" @{start}-{end}')
            if quotes:
                lines.append("      " + "; ".join(quotes) + (" ..." if len(f.spans) > 4 else ""))
    return "\n".join(lines)


def _shown(message: object) -> str:
    """Return a message as it may be printed: credentials in URLs redacted, control characters escaped."""
    return printable(redact_text(str(message)))


def _json_line(obj: dict[str, Any]) -> str:
    """Return obj as one line of JSON, with any error or notice text redacted."""
    if isinstance(obj.get("error"), str):
        obj = {**obj, "error": redact_text(obj["error"])}
    if isinstance(obj.get("notices"), list):
        obj = {**obj, "notices": [redact_text(n) if isinstance(n, str) else n for n in obj["notices"]]}
    return json.dumps(obj, ensure_ascii=False)


def _batch_target(obj: dict[str, Any]) -> Target:
    """Return the target described by a batch line (flat or under "target")."""
    source = obj.get("target") if isinstance(obj.get("target"), dict) else obj
    assert isinstance(source, dict)

    def field(*names: str) -> str | None:
        for name in names:
            value = source.get(name)
            if isinstance(value, str):
                return value
        return None

    goals = field("goals")
    if goals is None:
        goals = " ".join(x for x in (field("long_term_vision", "vision"), field("short_term_goals")) if x)
    return make_target(field("company"), field("role"), goals, field("company_info"))


def cmd_score(args: argparse.Namespace) -> int:
    """Score one answer (or a batch) and print the result."""
    if args.batch:
        failures = 0
        for number, obj, error in iter_batch(args.batch):
            out: dict[str, Any] = {"line": number}
            try:
                if error:
                    raise InputError(error)
                assert obj is not None
                if "id" in obj:
                    out["id"] = obj["id"]
                answer = obj.get("answer")
                if not isinstance(answer, str):
                    raise InputError('missing "answer" text')
                check_answer(answer)
                out.update(score_answer(answer, _batch_target(obj)).to_dict())
            except CoachError as exc:
                failures += 1
                out["error"] = str(exc)
            print(_json_line(out), flush=False)
        return EXIT_INPUT if failures else EXIT_OK
    if args.audio:
        return _score_audio(args)
    if not args.file:
        raise InputError("Give the answer file to score (or - for standard input), --audio AUDIO, or --batch FILE.jsonl.")
    target = make_target(args.company, args.role, args.goals, args.company_info)
    answer = read_answer(args.file)
    check_answer(answer)
    result = score_answer(answer, target)
    if args.json:
        print(_json_line(result.to_dict()))
    else:
        print(format_result(result, answer))
    return EXIT_OK


def _read_audio_file(path: str) -> bytes:
    """Return the bytes of an audio file (a regular file, or - for standard input), or raise InputError."""
    stream = open_input(path)
    try:
        return stream.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    finally:
        if path != "-":
            stream.close()


def _transcribe(path: str, engine: str, model: str | None, base_url: str | None, context: str = "", timeout: float = 60.0) -> Any:
    """Return the transcript of an audio file with the chosen engine."""
    from coach import speech

    data = _read_audio_file(path)
    name = Path(path).name
    if engine == "openai":
        from coach.backends import OpenAIBackend

        backend = OpenAIBackend(model=model, base_url=base_url, timeout=timeout)
        return speech.transcribe_openai(data, name, backend.client, model or "whisper-1", context, backend.timeout)
    return speech.transcribe_local(data, name, context)


def _delivery_lines(transcript: Any, delivery: Any) -> list[str]:
    """Return the human-readable delivery report."""
    lines = [
        f"Transcript ({transcript.engine}):",
        "  " + printable(transcript.text),
        "",
        f"Pace: {delivery.words_per_minute:.0f} words a minute (aim for 120-165)  |  "
        f"duration {format_seconds(delivery.duration_seconds)} (target about 60 s)  |  "
        f"fillers {delivery.filler_count} ({delivery.fillers_per_minute:.0f} a minute)  |  "
        f"pauses over 0.75 s: {len(delivery.pauses)}  |  delivery {delivery.score:.0f}/100",
    ]
    if delivery.pace_over_time:
        lines.append("Pace over time: " + ", ".join(f"{t:.0f}s {w:.0f}" for t, w in delivery.pace_over_time))
    for f in delivery.findings:
        lines.append(f"  [{f.severity}] {printable(f.message)}")
    lines.append(f"Note: {delivery.note}")
    return lines


def _score_audio(args: argparse.Namespace) -> int:
    """Transcribe a spoken answer, then score it with the rubric and report its delivery."""
    from coach.speech import delivery_metrics

    target = make_target(args.company, args.role, args.goals, args.company_info)
    context = f"{target.company}, {target.role}.".strip(" ,.")
    transcript = _transcribe(args.audio, args.engine, args.model, args.base_url, context, args.timeout)
    delivery = delivery_metrics(transcript)
    result = score_answer(transcript.text, target)
    if args.json:
        print(_json_line({**result.to_dict(), "transcript": transcript.text, "delivery": delivery.to_dict()}))
    else:
        print("\n".join(_delivery_lines(transcript, delivery)))
        print()
        print(format_result(result, transcript.text))
    return EXIT_OK


def cmd_transcribe(args: argparse.Namespace) -> int:
    """Transcribe a spoken answer and report its delivery: pace, pauses, fillers, duration."""
    from coach.speech import delivery_metrics

    transcript = _transcribe(args.audio, args.engine, args.model, args.base_url, timeout=args.timeout)
    delivery = delivery_metrics(transcript)
    if args.json:
        d = delivery.to_dict()
        print(
            _json_line(
                {
                    **transcript.to_dict(),
                    "words_per_minute": d["words_per_minute"],
                    "pauses": d["pauses"],
                    "fillers_per_minute": d["fillers_per_minute"],
                    "delivery": d,
                }
            )
        )
    else:
        print("\n".join(_delivery_lines(transcript, delivery)))
        print("\nWord timings:")
        for w in transcript.words:
            print(f"  {w.start:6.2f}-{w.end:6.2f}  {printable(w.word)}")
    return EXIT_OK


def cmd_app(args: argparse.Namespace) -> int:
    """Launch the Streamlit app on 127.0.0.1."""
    root = Path(__file__).resolve().parent.parent
    app = root / "app.py"
    if not app.exists():
        raise InputError(f"{app} is missing; run the coach from its source folder.")
    os.chdir(root)  # Streamlit reads .streamlit/config.toml from the working folder
    argv = [sys.executable, "-m", "streamlit", "run", str(app), "--server.address", args.host, "--server.port", str(args.port)]
    os.execv(sys.executable, argv)
    return EXIT_OK  # pragma: no cover - execv does not return


def _read_option_file(path: str | None) -> str:
    """Return the text of an optional file argument ("" when not given)."""
    return read_answer(path) if path else ""


def coach_inputs(args: argparse.Namespace) -> CoachInputs:
    """Return the coaching inputs from the command line, or raise InputError."""
    from coach.coaching import CoachInputs

    target = make_target(args.company, args.role, args.goals, args.company_info or _read_option_file(args.company_info_file))
    return CoachInputs(target.company, target.role, target.goals, (args.background or "").strip(), target.company_info)


def open_backend(args: argparse.Namespace, task: Task = "draft") -> tuple[Backend | None, BackendError | None, tuple[str, ...]]:
    """Return the backend the options ask for (or None), the reason it could not start, and notices.

    auto (the default) leaves the embedded model out of tasks where it was measured not to win
    (coach.coaching.policy) and says what a stronger model adds; a GGUF file of the user's own
    (--model or COACH_MODEL_PATH) is used. local uses the embedded model anyway.
    """
    from coach.backends import make_backend
    from coach.coaching import model_for, without_model_note

    name = args.backend
    if name == "auto" and not (args.model or os.environ.get("COACH_MODEL_PATH")):
        return None, None, (without_model_note(task),)
    try:
        backend = make_backend(
            "local" if name == "auto" else name, model=args.model, base_url=args.base_url, timeout=args.timeout
        )
    except BackendError as exc:
        return None, exc, ()
    if name == "auto" and model_for(task, backend) is None:
        return None, None, (without_model_note(task),)
    return backend, None, ()


class _Streamer:
    """Prints task events to the terminal: status lines, and model text once it has passed the hold."""

    def __init__(self, out: IO[str], quiet: bool) -> None:
        self.out = out
        self.quiet = quiet
        self.index: int | None = None
        self.held: HeldStream | None = None

    def _end_reply(self) -> None:
        """Print what is left of the current reply, or why it was not shown."""
        if self.held is None:
            return
        self.out.write(printable_keep_lines(self.held.finish()))
        if self.held.problem:
            self.out.write(f"[not shown: the reply {printable(self.held.problem)}]")
        self.out.write("\n")
        self.held, self.index = None, None

    def __call__(self, event: Event) -> None:
        from coach.coaching import Chunk, Status

        if self.quiet:
            return
        if isinstance(event, Status):
            self._end_reply()
            if event.text != "Done":
                self.out.write(f"[{event.text}]\n")
        elif isinstance(event, Chunk):
            if event.index != self.index:
                self._end_reply()
                self.index, self.held = event.index, HeldStream(AUTO_LOOK)
            assert self.held is not None
            self.out.write(printable_keep_lines(self.held.feed(event.text)))
        self.out.flush()


def printable_keep_lines(text: str) -> str:
    """Return model text safe for a terminal, keeping its line breaks."""
    return "\n".join(printable(line) for line in text.split("\n"))


def _scores_line(result: RubricResult) -> str:
    """Return the scores on one line."""
    s = result.scores
    return (
        f"overall {s.overall:.0f} | relevance {s.relevance:.0f} | succinctness {s.succinctness:.0f} | SMART {s.smart:.0f} | "
        f"structure {s.structure:.0f} | company fit {s.company_fit:.0f}"
    )


def _candidates_block(candidates: tuple[Candidate, ...], chosen: Candidate | None) -> list[str]:
    """Return lines listing the candidates the coach considered."""
    lines = ["Candidates considered:"]
    for i, c in enumerate(candidates, 1):
        mark = "chosen" if c is chosen else (f"set aside: {c.problem}" if c.problem else "scored lower")
        lines.append(f"  {i}. {c.source:<8} {c.result.scores.overall:5.1f}  {printable(mark)}")
    return lines


def _finish(info_error: BackendError | None, start_error: BackendError | None, notices: tuple[str, ...]) -> int:
    """Print notices and the failure line; return the exit code (3 only for a backend that failed)."""
    from coach.errors import UnusableOutput

    for notice in notices:
        if info_error is None or notice != str(info_error):
            print(f"note: {_shown(notice)}", file=sys.stderr)
    error = start_error or info_error
    if isinstance(error, UnusableOutput):
        # The model answered, just not usefully: the coach's own result stands, and that is not a failure.
        print(f"note: {_shown(error)}", file=sys.stderr)
        return EXIT_OK
    if error is not None:
        print(f"coach: {_shown(error)}", file=sys.stderr)
        return EXIT_BACKEND
    return EXIT_OK


def cmd_draft(args: argparse.Namespace) -> int:
    """Draft a first-person answer from the user's facts."""
    from coach.coaching import draft_events

    if not 1 <= args.candidates <= MAX_CANDIDATES:
        raise InputError(f"--candidates must be between 1 and {MAX_CANDIDATES} (got {args.candidates}).")
    inputs = coach_inputs(args)
    if len(inputs.goals.split()) < 3:
        raise InputError("Give your goals (--goals): the long-term vision and the next steps the answer is built from.")
    backend, start_error, notices = open_backend(args, "draft")
    stream = _Streamer(sys.stdout, quiet=args.json)
    from coach.coaching import run_events

    result = run_events(draft_events(inputs, backend, args.candidates, failure=start_error, notices=notices), stream)
    if args.json:
        print(_json_line(result.to_dict()))
    else:
        origin = "the model" if result.chosen.source == "model" else "your own words"
        if not result.answer:
            print("\nNo answer could be written from your goals yet: " + printable(result.chosen.problem), file=sys.stderr)
            print("Add a long-term vision and a short-term goal with a timeline (see `coach plan`).", file=sys.stderr)
            return EXIT_INPUT
        print(f"\nAnswer (from {origin}):\n{printable_keep_lines(result.answer)}\n")
        print(_scores_line(result.result))
        print(f"{result.result.word_count} words, about {result.result.speaking_seconds:.0f} s spoken")
        print("\n".join(_candidates_block(result.candidates, result.chosen)))
        if result.chosen.unsupported:
            print("Unsupported claims: " + ", ".join(printable(c.text) for c in result.chosen.unsupported))
    return _finish(result.info.error if start_error is None else None, start_error, result.info.notices)


def _answer_task(
    args: argparse.Namespace, events: Callable[..., Any], task: Task, needs_info: bool = False
) -> tuple[Any, BackendError | None]:
    """Run a task on the user's answer file: check the input, open the backend, stream events."""
    inputs = coach_inputs(args)
    if needs_info and not inputs.company_info:
        raise InputError("Give the company description or job posting to tailor to (--company-info or --company-info-file).")
    answer = read_answer(args.file)
    check_answer(answer)
    if args.command == "critique" and not args.json:
        # The rubric's verdict comes first: it needs no model.
        print(format_result(score_answer(answer, inputs.target()), answer))
        print()
    backend, start_error, notices = open_backend(args, task)
    from coach.coaching import run_events

    out = sys.stderr if args.command == "followups" else sys.stdout
    stream = _Streamer(out, quiet=args.json)
    return run_events(events(answer, inputs, backend, start_error, notices=notices), stream), start_error


def _changes_lines(changes: tuple[Change, ...]) -> list[str]:
    """Return the labelled changes of a revision, one line each."""
    lines = []
    for c in changes:
        if c.before and c.after:
            lines.append(f'  ~ {printable(c.label)}: "{printable(c.before[:70])}" -> "{printable(c.after[:70])}"')
        elif c.after:
            lines.append(f'  + {printable(c.label)}: "{printable(c.after[:90])}"')
        else:
            lines.append(f'  - {printable(c.label)}: "{printable(c.before[:90])}"')
    return lines


def cmd_critique(args: argparse.Namespace) -> int:
    """Give feedback on the user's answer and a stronger version of it."""
    from coach.coaching import critique_events

    result, start_error = _answer_task(args, critique_events, "feedback")
    if args.json:
        print(_json_line(result.to_dict()))
    else:
        label = "the model" if result.feedback_source == "model" else "the rubric"
        print(f"\nWhat works (from {label}):")
        for p in result.strengths:
            print(f"  + {printable(p.point)}" + (f'  "{printable(p.quote[:80])}"' if p.quote else ""))
        print("What to sharpen:")
        for p in result.improvements:
            print(f"  - {printable(p.point)}" + (f'  "{printable(p.quote[:80])}"' if p.quote else ""))
        if result.stronger is not None:
            delta = result.stronger.result.scores.overall - result.result.scores.overall
            origin = "the model" if result.stronger.source == "model" else "your words, edited with your plan"
            print(
                f"\nStronger version (from {origin}; overall {result.result.scores.overall:.0f} -> "
                f"{result.stronger.result.scores.overall:.0f}, {delta:+.0f}):"
            )
            print(printable_keep_lines(result.stronger.text))
            if result.stronger.changes:
                print("Changes:")
                print("\n".join(_changes_lines(result.stronger.changes)))
        else:
            print(f"\nNo stronger version: {printable(result.stronger_reason)}.")
    return _finish(result.info.error if start_error is None else None, start_error, result.info.notices)


def cmd_tailor(args: argparse.Namespace) -> int:
    """Rewrite the user's answer for the company in --company-info."""
    from coach.coaching import tailor_events

    result, start_error = _answer_task(args, tailor_events, "tailor", needs_info=True)
    if args.json:
        print(_json_line(result.to_dict()))
    else:
        delta = result.result.scores.overall - result.original_result.scores.overall
        if result.chosen.source == "original":
            print(f"\nYour answer is unchanged: {printable(result.reason)}.")
        else:
            print(f"\nTailored answer ({result.chosen.source}):\n{printable_keep_lines(result.answer)}\n")
            if result.chosen.changes:
                print("Changes:")
                print("\n".join(_changes_lines(result.chosen.changes)))
        print(f"before: {_scores_line(result.original_result)}")
        print(f"after:  {_scores_line(result.result)}  ({delta:+.0f})")
        print("\n".join(_candidates_block(result.candidates, result.chosen)))
    return _finish(result.info.error if start_error is None else None, start_error, result.info.notices)


def cmd_followups(args: argparse.Namespace) -> int:
    """List the follow-up questions a hiring manager would most likely ask."""
    from coach.coaching import followups_events

    result, start_error = _answer_task(args, followups_events, "followups")
    if args.json:
        print(_json_line(result.to_dict()))
    else:
        for i, q in enumerate(result.questions, 1):
            print(f"{i}. {printable(q.question)}")
            if q.quote:
                words = " ".join(q.quote.split())
                print(f'   probes: "{printable(words[:90])}{"..." if len(words) > 90 else ""}"')
    return _finish(result.info.error if start_error is None else None, start_error, result.info.notices)


def _add_target_options(parser: argparse.ArgumentParser, coaching: bool) -> None:
    """Add the options that describe the target company, role and goals."""
    parser.add_argument("--company", help="the company you are applying to")
    parser.add_argument("--role", default="", help="the role you are applying for")
    parser.add_argument("--goals", default="", help="your long-term vision and short-term goals")
    parser.add_argument("--company-info", default="", help="the company description or job posting")
    if coaching:
        parser.add_argument("--company-info-file", metavar="FILE", help="read the company description or posting from a file")
        parser.add_argument("--background", default="", help="where you are now: current role, experience")
        parser.add_argument(
            "--backend",
            choices=("auto", "local", "openai"),
            default=os.environ.get("COACH_BACKEND", "auto"),
            help="auto (default): the coach's own writing, with a model only where it was measured to win "
            "(your own GGUF via --model is used); local: the embedded model anyway; openai: OpenAI or a compatible server",
        )
        parser.add_argument("--model", help="GGUF file for local, or model name for openai (default: gpt-4o-mini)")
        parser.add_argument("--base-url", help="OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 for Ollama")
        parser.add_argument(
            "--timeout", default="60", help="seconds a model call may take in all, streaming included (default: 60, at most 3600)"
        )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _add_engine_options(parser: argparse.ArgumentParser) -> None:
    """Add the options that choose the transcription engine."""
    parser.add_argument(
        "--engine",
        choices=("local", "openai"),
        default="local",
        help="local: Whisper tiny.en offline (default); openai: OpenAI's transcription (needs OPENAI_API_KEY)",
    )
    parser.add_argument("--model", help="transcription model for --engine openai (default: whisper-1)")
    parser.add_argument("--base-url", help="OpenAI-compatible server for --engine openai")
    if not any("--timeout" in action.option_strings for action in parser._actions):
        parser.add_argument(
            "--timeout", default="60", help="seconds the transcription may take in all with --engine openai (default: 60)"
        )


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for the coach CLI."""
    parser = argparse.ArgumentParser(prog="coach", description='Practise your answer to "What are your career goals?".')
    sub = parser.add_subparsers(dest="command", required=True)

    score = sub.add_parser("score", help="score an answer with the rubric", description="Score an answer with the rubric.")
    score.add_argument("file", nargs="?", help="the answer as a text file, or - for standard input")
    _add_target_options(score, coaching=False)
    score.add_argument("--batch", metavar="FILE.jsonl", help="score one JSON object per line (answer + target)")
    score.add_argument("--audio", metavar="AUDIO", help="score a spoken answer: transcribe it, then score it and its delivery")
    _add_engine_options(score)
    score.set_defaults(func=cmd_score)

    transcribe = sub.add_parser(
        "transcribe",
        help="transcribe a spoken answer and measure its delivery",
        description="Transcribe a spoken answer offline and measure pace, pauses and fillers.",
    )
    transcribe.add_argument("audio", help="the recording (wav, mp3, m4a, webm, ogg or flac)")
    transcribe.add_argument("--json", action="store_true", help="print one JSON object")
    _add_engine_options(transcribe)
    transcribe.set_defaults(func=cmd_transcribe)

    drafting = sub.add_parser(
        "draft", help="draft an answer from your goals", description="Draft a first-person answer from your facts."
    )
    _add_target_options(drafting, coaching=True)
    drafting.add_argument("--candidates", type=int, default=3, help="how many model drafts to compare (default: 3)")
    drafting.set_defaults(func=cmd_draft)

    for name, func, text in (
        ("critique", cmd_critique, "feedback on your answer and a stronger version"),
        ("tailor", cmd_tailor, "rewrite your answer for this company"),
        ("followups", cmd_followups, "the follow-up questions a hiring manager would ask"),
    ):
        command = sub.add_parser(name, help=text, description=text[:1].upper() + text[1:] + ".")
        command.add_argument("file", help="your answer as a text file, or - for standard input")
        _add_target_options(command, coaching=True)
        command.set_defaults(func=func)

    add_plan_command(sub)

    app = sub.add_parser("app", help="open the practice app in the browser")
    app.add_argument("--host", default="127.0.0.1", help="address to serve on (default: 127.0.0.1)")
    app.add_argument("--port", type=int, default=8501, help="port to serve on (default: 8501)")
    app.set_defaults(func=cmd_app)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if hasattr(args, "timeout"):
            args.timeout = check_timeout(args.timeout)
        return int(args.func(args))
    except InputError as exc:
        print(f"coach: {_shown(exc)}", file=sys.stderr)
        return EXIT_INPUT
    except BackendError as exc:
        print(f"coach: {_shown(exc)}", file=sys.stderr)
        return EXIT_BACKEND
    except CoachError as exc:
        print(f"coach: {_shown(exc)}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader went away (`coach score ... | head`); nothing left to say.
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
