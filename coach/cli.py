"""The `coach` command line: score answers, run the app."""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from coach.errors import InputError
from coach.inputs import MAX_INPUT_BYTES, check_answer, decode_text
from coach.rubric import SMART_LETTERS, RubricResult, Target, score_answer

EXIT_OK = 0
EXIT_INPUT = 2

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
    """Return the answer text from path, or from stdin when path is '-'."""
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_INPUT_BYTES + 1)
        source = "standard input"
    else:
        p = Path(path)
        try:
            if p.is_dir():
                raise InputError(f"{path} is a folder; give the file that holds the answer.")
            with p.open("rb") as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
        except FileNotFoundError:
            raise InputError(f"{path}: no such file.") from None
        except PermissionError:
            raise InputError(f"{path}: permission denied.") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
        source = path
    return decode_text(data, source)


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


def _json_line(obj: dict[str, Any]) -> str:
    """Return obj as one line of JSON."""
    return json.dumps(obj, ensure_ascii=False)


def _iter_batch(path: str) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """Yield (line number, object, error) for each non-blank line of a JSONL file."""
    text = read_answer(path)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"not valid JSON ({exc.msg} at column {exc.colno})"
            continue
        if not isinstance(obj, dict):
            yield number, None, "each line must be a JSON object"
            continue
        yield number, obj, None


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
        for number, obj, error in _iter_batch(args.batch):
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
            except InputError as exc:
                failures += 1
                out["error"] = str(exc)
            print(_json_line(out), flush=False)
        return EXIT_INPUT if failures else EXIT_OK
    if not args.file:
        raise InputError("Give the answer file to score (or - for standard input), or --batch FILE.jsonl.")
    target = make_target(args.company, args.role, args.goals, args.company_info)
    answer = read_answer(args.file)
    check_answer(answer)
    result = score_answer(answer, target)
    if args.json:
        print(_json_line(result.to_dict()))
    else:
        print(format_result(result, answer))
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


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for the coach CLI."""
    parser = argparse.ArgumentParser(prog="coach", description='Practise your answer to "What are your career goals?".')
    sub = parser.add_subparsers(dest="command", required=True)

    score = sub.add_parser("score", help="score an answer with the rubric", description="Score an answer with the rubric.")
    score.add_argument("file", nargs="?", help="the answer as a text file, or - for standard input")
    score.add_argument("--company", help="the company you are applying to")
    score.add_argument("--role", default="", help="the role you are applying for")
    score.add_argument("--goals", default="", help="your long-term vision and short-term goals")
    score.add_argument("--company-info", default="", help="the company description or job posting")
    score.add_argument("--json", action="store_true", help="print one JSON object")
    score.add_argument("--batch", metavar="FILE.jsonl", help="score one JSON object per line (answer + target)")
    score.set_defaults(func=cmd_score)

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
        return int(args.func(args))
    except InputError as exc:
        print(f"coach: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader went away (`coach score ... | head`); nothing left to say.
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
