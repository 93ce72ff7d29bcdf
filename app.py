"""The practice app: layout, widgets and state only; every decision lives in coach.*."""

from __future__ import annotations

import logging
import os
from collections.abc import Generator, Iterator
from typing import Any

import pandas as pd
import streamlit as st

from coach.backends import Backend, LocalBackend, make_backend
from coach.coaching import (
    Candidate,
    Chunk,
    CoachInputs,
    CritiqueResult,
    DraftResult,
    FollowUpsResult,
    Status,
    TailorResult,
    critique_events,
    draft_events,
    followups_events,
    tailor_events,
)
from coach.errors import BackendError, InputError
from coach.history import History, default_path
from coach.inputs import check_answer, decode_text
from coach.present import (
    DIMENSION_LABELS,
    SMART_LABELS,
    STRUCTURE_LABELS,
    diff_markdown,
    escape_markdown,
    highlighted_markdown,
    numbered_findings,
    safe_markdown,
)
from coach.rubric import TARGET_SECONDS, RubricResult, format_seconds, score_answer, score_followup
from coach.samples import Profile, load_profiles
from coach.speech import AUDIO_TYPES, delivery_metrics, transcribe_local, transcribe_openai

log = logging.getLogger("coach.app")

PROFILE_FIELDS = ("company", "role", "vision", "short_term", "background", "company_info")
FIELD_LABELS = {
    "company": "Company",
    "role": "Role",
    "vision": "Long-term vision",
    "short_term": "Short-term goals",
    "background": "Background (optional)",
    "company_info": "Company description or job posting",
}
GUIDANCE = {
    "company": "The employer you are interviewing with. A strong answer names it.",
    "role": "The job title you are applying for.",
    "vision": "Where you want to be in 5-10 years: the role, the expertise, the impact. One or two sentences.",
    "short_term": "The next 1-2 years, SMART: specific, measurable, action-oriented, realistic, with timelines "
    '("Earn my Green Belt within 12 months").',
    "background": "Where you are now: current role and experience. Used only as context, never invented.",
    "company_info": "Paste the company's description or the job posting: its mission, products and values "
    "let the coach tie your goals to this company.",
}
MODEL_CHOICES = ("Embedded model (offline)", "OpenAI", "OpenAI-compatible server")
SCORE_KEYS = ("relevance", "succinctness", "smart", "structure", "company_fit", "red_flags")
# Material icons ship with Streamlit, so they render even where no emoji font is installed.
PASS, FAIL = ":green[:material/check_circle:]", ":red[:material/cancel:]"
SEVERITY_ICONS = {"high": ":red[:material/error:]", "medium": ":orange[:material/warning:]", "low": ":blue[:material/info:]"}

st.set_page_config(page_title="Career-goals coach", page_icon="🎯", layout="wide")


# ---------------------------------------------------------------------------------------------
# State, set up once per session; the profile comes back from the history database.


@st.cache_resource(show_spinner=False)
def _history_at(path: str) -> History:
    """Return the store for one database file, opened (and migrated) once per process."""
    return History(path)


def history() -> History:
    """Return the history store where COACH_DB_PATH / COACH_DATA_DIR point now."""
    return _history_at(str(default_path()))


if "profile_loaded" not in st.session_state:
    saved = history().load_profile()
    for key in PROFILE_FIELDS:
        st.session_state[key] = saved.get(key, "")
    st.session_state.profile_loaded = True
for key, default in (
    ("answer", ""),
    ("notice", ""),
    ("draft", None),
    ("draft_edit", ""),
    ("edited_result", None),
    ("scored", None),
    ("critique", None),
    ("tailor_answer", ""),
    ("tailored", None),
    ("questions", None),
    ("spoken", None),
):
    st.session_state.setdefault(key, default)


@st.cache_resource(show_spinner=False)
def sample_profiles() -> dict[str, Profile]:
    """Return the sample profiles by id, read once per process."""
    return {p.id: p for p in load_profiles()}


def save_profile() -> None:
    """Persist the profile fields (a widget callback): they survive reruns and visits."""
    history().save_profile({k: st.session_state.get(k, "") for k in PROFILE_FIELDS})


def load_sample() -> None:
    """Fill the profile (and the feedback box) with the chosen sample."""
    profile = sample_profiles().get(st.session_state.get("sample_choice", ""))
    if profile is None:
        return
    st.session_state.update(
        company=profile.company,
        role=profile.role,
        vision=profile.long_term_vision,
        short_term=profile.short_term_goals,
        background=profile.background,
        company_info=profile.company_info,
        answer=profile.answers["strong_fillers"],
        scored=None,
        critique=None,
    )
    save_profile()


def current_inputs() -> CoachInputs:
    """Return the coaching inputs the profile fields describe."""
    goals = f"{st.session_state.vision.strip()} {st.session_state.short_term.strip()}".strip()
    return CoachInputs(
        st.session_state.company.strip(),
        st.session_state.role.strip(),
        goals,
        st.session_state.background.strip(),
        st.session_state.company_info.strip(),
    )


def picked() -> None:
    """Remember that the user chose which attempts to compare (a widget callback)."""
    st.session_state.compare_picked = True


def read_upload() -> None:
    """Put an uploaded .txt/.md file into the answer box, or explain why it cannot be used."""
    upload = st.session_state.get("upload")
    if upload is None:
        return
    try:
        st.session_state.answer = decode_text(upload.getvalue(), upload.name)
        st.session_state.notice = f"Loaded {upload.name}."
    except InputError as exc:
        st.session_state.notice = f"error:{exc}"


# ---------------------------------------------------------------------------------------------
# Model settings (sidebar). The key lives only in this session's memory.


@st.cache_resource(show_spinner="Loading the embedded model (once per process)...")
def embedded_backend() -> LocalBackend:
    """Return the embedded model's backend, loaded once per process."""
    backend = LocalBackend()
    _ = backend.llama  # load now, under the spinner, not in the middle of a task
    return backend


def secret_key() -> str:
    """Return OPENAI_API_KEY from the environment or Streamlit secrets, if set."""
    if os.environ.get("OPENAI_API_KEY"):
        return os.environ["OPENAI_API_KEY"]
    try:
        return str(st.secrets.get("OPENAI_API_KEY", ""))
    except Exception:  # no secrets file is the normal case
        return ""


def current_backend() -> tuple[Backend | None, BackendError | None]:
    """Return the backend the sidebar selects, or None and why it cannot start."""
    try:
        if os.environ.get("COACH_BACKEND") == "fake":
            return make_backend("fake"), None
        choice = st.session_state.get("model_choice", MODEL_CHOICES[0])
        if choice == MODEL_CHOICES[0]:
            return embedded_backend(), None
        key = st.session_state.get("api_key", "").strip() or secret_key()
        model = st.session_state.get("model_name", "").strip() or None
        if choice == MODEL_CHOICES[1]:
            return make_backend("openai", model=model, api_key=key or None), None
        base_url = st.session_state.get("base_url", "").strip()
        if not base_url:
            raise InputError("Enter the server's URL in the sidebar, e.g. http://127.0.0.1:11434/v1 for Ollama.")
        return make_backend("openai", model=model, base_url=base_url, api_key=key or None), None
    except BackendError as exc:
        return None, exc
    except InputError as exc:
        return None, BackendError(str(exc))


with st.sidebar:
    st.header("Model")
    if os.environ.get("COACH_BACKEND") == "fake":
        st.caption("Test backend (set by COACH_BACKEND=fake).")
    else:
        choice = st.radio(
            "Which model writes and reviews",
            MODEL_CHOICES,
            key="model_choice",
            help="The embedded model runs on this computer with no key and no network. "
            "OpenAI, or a server such as Ollama, vLLM or LM Studio, writes better prose.",
        )
        if choice == MODEL_CHOICES[1]:
            st.text_input("Model name", key="model_name", placeholder="gpt-4o-mini")
            st.text_input(
                "OpenAI API key",
                key="api_key",
                type="password",
                help="Used for this session only; never saved, exported or logged. "
                "Leave empty to use OPENAI_API_KEY or Streamlit secrets.",
            )
        elif choice == MODEL_CHOICES[2]:
            st.text_input("Server URL", key="base_url", placeholder="http://127.0.0.1:11434/v1")
            st.text_input("Model name", key="model_name", placeholder="llama3.2")
            st.text_input("API key (if the server needs one)", key="api_key", type="password")
    st.caption("Scores always come from the coach's own rubric, so they mean the same whichever model you pick.")
    st.divider()
    st.caption(f"History is saved on this computer in {history().path}.")


# ---------------------------------------------------------------------------------------------
# Shared pieces of the page.


def show_scores(result: RubricResult, answer: str, key: str) -> None:
    """Show the rubric's verdict: scores as a chart, checklists, timing, highlighted answer, findings."""
    scores = result.scores.to_dict()
    cols = st.columns(3)
    cols[0].metric("Overall", f"{scores['overall']:.0f} / 100")
    cols[1].metric("Words", result.word_count)
    cols[2].metric(
        "Speaking time",
        format_seconds(result.speaking_seconds),
        delta=f"{result.speaking_seconds - TARGET_SECONDS:+.0f} s vs 60 s",
        delta_color="off",
        help=f"At {result.words_per_minute} words a minute, a conversational pace. About 60 seconds is the target.",
    )
    chart = pd.DataFrame({"score": [scores[k] for k in SCORE_KEYS]}, index=[DIMENSION_LABELS[k] for k in SCORE_KEYS])
    st.bar_chart(chart, horizontal=True, x_label="score (0-100)", y_label="", height=240)
    left, right = st.columns(2)
    with left:
        st.markdown("**SMART goals**")
        for name, passed in result.smart_checklist:
            st.markdown(f"{PASS if passed else FAIL} {SMART_LABELS[name]}")
    with right:
        st.markdown("**Structure**")
        for name, passed in result.structure_checklist:
            st.markdown(f"{PASS if passed else FAIL} {STRUCTURE_LABELS[name]}")
    st.markdown("**Your answer, with what to fix highlighted in place**")
    with st.container(border=True):
        st.markdown(highlighted_markdown(answer, result))
    st.caption(
        "Red: red flags. Orange: fillers, hedges, jargon. Violet: repetition and vague words. Blue: long sentences. "
        "The small number points to the finding below."
    )
    with st.expander(f"Findings ({len(result.findings)})", expanded=True):
        show_findings(result, answer)


def show_findings(result: RubricResult, answer: str) -> None:
    """List the findings, numbered as in the highlighted answer, with what each cost."""
    if not result.findings:
        st.success("Nothing to fix.")
    for number, finding in numbered_findings(result):
        cost = ", ".join(f"-{points:g} {DIMENSION_LABELS.get(dim, dim).lower()}" for dim, points in finding.impacts)
        icon = SEVERITY_ICONS[finding.severity]
        # Messages quote the user's words: escaped so pasted text is never read as Markdown.
        st.markdown(f"{icon} **{number}.** {escape_markdown(finding.message)}" + (f"  \n:gray[{cost}]" if cost else ""))
        quotes = "; ".join(f"“{' '.join(answer[a:b].split())[:80]}”" for a, b in finding.spans[:3])
        if quotes:
            st.caption(escape_markdown(quotes))


def show_candidates(candidates: tuple[Candidate, ...], chosen: Candidate) -> None:
    """Show the answers the coach considered, their scores and why any was set aside."""
    rows = [
        {
            "source": c.source,
            "model": c.model,
            "overall": c.result.scores.overall,
            "status": "chosen" if c is chosen else (c.problem or "scored lower"),
            "answer": c.text,
        }
        for c in candidates
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def save_attempt(kind: str, answer: str, result: RubricResult, backend: str = "rubric", model: str = "", **extra: Any) -> int:
    """Save an attempt with the current target; return its id."""
    inputs = current_inputs()
    return history().save(
        kind, answer, result, company=inputs.company, role=inputs.role, goals=inputs.goals, backend=backend, model=model, **extra
    )


class Pump:
    """Feeds a task's events to the page: status labels, and model text to st.write_stream."""

    def __init__(self, events: Generator[Any, None, Any], status: Any) -> None:
        self.events = events
        self.status = status
        self.result: Any = None
        self.pending: Any = None
        self.done = False

    def _next(self) -> Any:
        if self.pending is not None:
            event, self.pending = self.pending, None
            return event
        try:
            return next(self.events)
        except StopIteration as stop:
            self.result = stop.value
            self.done = True
            return None

    def text(self) -> Iterator[str]:
        """Yield model text until something other than text arrives."""
        while not self.done:
            event = self._next()
            if isinstance(event, Chunk):
                yield event.text
            elif event is not None:
                self.pending = event
                return

    def run(self) -> Any:
        """Run the task to the end, streaming each candidate under its own heading; return the result."""
        while not self.done:
            event = self._next()
            if isinstance(event, Status):
                if event.text != "Done":
                    self.status.update(label=event.text + "...")
                    st.caption(event.text)
            elif isinstance(event, Chunk):
                self.pending = event
                st.write_stream(self.text())
        return self.result


def show_task_notices(notices: tuple[str, ...], error: BackendError | None) -> None:
    """Show what the task wants the user to know, and any model failure, kindly."""
    for notice in notices:
        if error is not None and notice == str(error):
            st.warning(f"The model could not help this time: {notice} Your text and the rubric's feedback are kept.")
        else:
            st.info(notice)


# ---------------------------------------------------------------------------------------------
# The page.

st.title("What are your career goals?")
st.write(
    "Practise the answer interviewers are listening for: a long-term vision, two or three SMART short-term steps, "
    "how you will get there and why this company, in about a minute."
)

profile_tab, draft_tab, feedback_tab, voice_tab, tailor_tab, drill_tab, history_tab = st.tabs(
    [
        "Your profile",
        "Draft",
        "Feedback on my draft",
        "Say it out loud",
        "Tailor to the company",
        "Follow-up drill",
        "History & progress",
    ]
)

with profile_tab:
    left, right = st.columns([3, 1])
    with right:
        st.selectbox("Sample profile", list(sample_profiles()), key="sample_choice", help="New here? Try a sample.")
        st.button("Load sample", key="load_sample", on_click=load_sample, width="stretch")
    with left:
        st.text_input(FIELD_LABELS["company"], key="company", on_change=save_profile, help=GUIDANCE["company"])
        st.text_input(FIELD_LABELS["role"], key="role", on_change=save_profile, help=GUIDANCE["role"])
    for key in ("vision", "short_term", "background", "company_info"):
        st.text_area(FIELD_LABELS[key], key=key, on_change=save_profile, height=160 if key == "company_info" else 90)
        st.caption(GUIDANCE[key])

with draft_tab:
    st.write(
        "The coach drafts an answer from your profile only. It never adds an employer, number or credential you did not give."
    )
    candidates = st.number_input("Drafts to compare", min_value=1, max_value=5, value=3, key="draft_candidates")
    if st.button("Draft my answer", key="draft_go", type="primary"):
        inputs = current_inputs()
        if not inputs.company or len(inputs.goals.split()) < 3:
            st.warning("Add the company and your goals in Your profile first: the draft is built from them.")
        else:
            backend, failure = current_backend()
            with st.status("Drafting...", expanded=True) as status:
                result: DraftResult = Pump(draft_events(inputs, backend, int(candidates), failure=failure), status).run()
                status.update(label=f"Draft ready ({result.info.model})", state="complete", expanded=False)
            st.session_state.draft = result
            st.session_state.draft_edit = result.answer
            st.session_state.edited_result = None
            made_by = result.chosen.model if result.chosen.source == "model" else "template"
            save_attempt("draft", result.answer, result.result, result.info.backend, made_by)
    drafted: DraftResult | None = st.session_state.draft
    if drafted is not None:
        if drafted.chosen.source == "model":
            st.subheader(f"Your draft (written by {drafted.chosen.model})")
        else:
            st.subheader("Your draft (built from your own words)")
        st.code(drafted.answer, language=None, wrap_lines=True)
        show_task_notices(drafted.info.notices, drafted.info.error)
        if drafted.chosen.unsupported:
            st.warning("Claims not found in your profile: " + ", ".join(c.text for c in drafted.chosen.unsupported))
        else:
            st.caption("Every fact in this draft comes from your profile.")
        show_scores(drafted.result, drafted.answer, "draft")
        with st.expander("Drafts the coach considered"):
            show_candidates(drafted.candidates, drafted.chosen)
        st.text_area("Edit the draft in your own words", key="draft_edit", height=200)
        if st.button("Score my edited version", key="score_edit"):
            try:
                check_answer(st.session_state.draft_edit)
            except InputError as exc:
                st.warning(str(exc))
            else:
                edited = score_answer(st.session_state.draft_edit, current_inputs().target())
                st.session_state.edited_result = (st.session_state.draft_edit, edited)
                save_attempt("score", st.session_state.draft_edit, edited)
        if st.session_state.edited_result is not None:
            text, edited = st.session_state.edited_result
            st.metric(
                "Edited version",
                f"{edited.scores.overall:.0f} / 100",
                delta=f"{edited.scores.overall - drafted.result.scores.overall:+.0f}",
            )
            show_scores(edited, text, "edited")

with feedback_tab:
    st.text_area("Your answer", key="answer", height=220, placeholder="In five years I want to ...")
    st.file_uploader("...or upload it as a text file", type=["txt", "md"], key="upload", on_change=read_upload, max_upload_size=2)
    if st.session_state.notice:
        notice = st.session_state.notice
        if notice.startswith("error:"):
            st.error(escape_markdown(notice.removeprefix("error:")))
        else:
            st.success(escape_markdown(notice))
        st.session_state.notice = ""
    if st.button("Get feedback", key="score", type="primary"):
        inputs = current_inputs()
        answer = st.session_state.answer
        try:
            check_answer(answer)
            if not inputs.company:
                raise InputError("Add the company you are applying to in Your profile: relevance is judged against it.")
        except InputError as exc:
            st.session_state.scored = None
            st.warning(str(exc))
        else:
            # The rubric first, saved before any model call: a failing model never loses the attempt.
            result_now = score_answer(answer, inputs.target())
            attempt_id = save_attempt("score", answer, result_now)
            st.session_state.scored = (answer, result_now)
            st.session_state.critique = None
            show_scores(result_now, answer, "feedback")
            backend, failure = current_backend()
            with st.status("Asking the model for feedback...", expanded=False) as status:
                critiqued: CritiqueResult = Pump(critique_events(answer, inputs, backend, failure), status).run()
                status.update(label="Feedback ready", state="complete")
            st.session_state.critique = critiqued
            if critiqued.stronger is not None:
                stronger = critiqued.stronger
                save_attempt(
                    "stronger", stronger.text, stronger.result, critiqued.info.backend, stronger.model, parent_id=attempt_id
                )
            st.rerun()
    elif st.session_state.scored is not None:
        answer, result_now = st.session_state.scored
        show_scores(result_now, answer, "feedback")
    critiqued_result: CritiqueResult | None = st.session_state.critique
    if critiqued_result is not None:
        by = "from " + critiqued_result.info.model if critiqued_result.feedback_source == "model" else "from the rubric"
        st.subheader(f"Feedback ({by})")
        show_task_notices(critiqued_result.info.notices, critiqued_result.info.error)
        works, sharpen = st.columns(2)
        with works:
            st.markdown("**What works**")
            for p in critiqued_result.strengths:
                st.markdown(
                    f"✅ {safe_markdown(p.point)}" + (f"  \n:gray[“{escape_markdown(p.quote[:120])}”]" if p.quote else "")
                )
        with sharpen:
            st.markdown("**What to sharpen**")
            for p in critiqued_result.improvements:
                st.markdown(
                    f":orange[:material/edit:] {safe_markdown(p.point)}"
                    + (f"  \n:gray[“{escape_markdown(p.quote[:120])}”]" if p.quote else "")
                )
        if critiqued_result.stronger is not None:
            stronger = critiqued_result.stronger
            delta = stronger.result.scores.overall - critiqued_result.result.scores.overall
            mine, better = st.columns(2)
            with mine:
                st.metric("Your answer", f"{critiqued_result.result.scores.overall:.0f} / 100")
                st.code(critiqued_result.answer, language=None, wrap_lines=True)
            with better:
                st.metric(
                    f"Stronger version ({stronger.model})", f"{stronger.result.scores.overall:.0f} / 100", delta=f"{delta:+.0f}"
                )
                st.code(stronger.text, language=None, wrap_lines=True)
        else:
            st.caption("No rewrite scored higher than yours without adding facts you did not give.")

with voice_tab:
    st.write(
        "Interviews are spoken. Record your answer (or upload a recording) and see your pace, pauses and fillers "
        "as well as the usual scores. The recording is transcribed on this computer."
    )
    st.audio_input("Record your answer", key="recording")
    st.file_uploader("...or upload a recording", type=list(AUDIO_TYPES), key="audio_upload", max_upload_size=25)
    if st.session_state.get("model_choice") == MODEL_CHOICES[1]:
        st.radio("Transcribe with", ("Whisper on this computer", "OpenAI"), key="transcriber", horizontal=True)
    st.checkbox(
        "Keep the recording in my history",
        key="keep_audio",
        value=False,
        help="Off by default: only the transcript and the delivery figures are saved.",
    )
    if st.button("Transcribe and score", key="transcribe_go", type="primary"):
        recording = st.session_state.get("recording") or st.session_state.get("audio_upload")
        inputs = current_inputs()
        if recording is None:
            st.warning("Record your answer or upload a recording first.")
        elif not inputs.company:
            st.warning("Add the company you are applying to in Your profile: relevance is judged against it.")
        else:
            data = recording.getvalue()
            name = getattr(recording, "name", "") or "recording.wav"
            try:
                with st.status("Transcribing...", expanded=False) as status:
                    context = f"{inputs.company}, {inputs.role}."
                    if st.session_state.get("transcriber") == "OpenAI":
                        backend, failure = current_backend()
                        if failure is not None or backend is None or not hasattr(backend, "client"):
                            raise BackendError(str(failure or "OpenAI is not configured in the sidebar."))
                        transcript = transcribe_openai(data, name, backend.client, context=context)
                    else:
                        transcript = transcribe_local(data, name, context=context)
                    status.update(label=f"Transcribed ({transcript.engine})", state="complete")
            except InputError as exc:
                st.warning(str(exc))
            except BackendError as exc:
                st.error(f"Transcription failed: {exc} Your recording is kept; try again.")
            else:
                delivery = delivery_metrics(transcript)
                spoken_result = score_answer(transcript.text, inputs.target())
                keep = bool(st.session_state.get("keep_audio"))
                history().save(
                    "spoken",
                    transcript.text,
                    spoken_result,
                    company=inputs.company,
                    role=inputs.role,
                    goals=inputs.goals,
                    model=transcript.engine,
                    delivery=delivery.to_dict(),
                    audio=data if keep else None,
                    audio_type=(getattr(recording, "type", "") or "audio/wav") if keep else "",
                )
                st.session_state.spoken = (transcript, delivery, spoken_result)
    spoken = st.session_state.get("spoken")
    if spoken is not None:
        transcript, delivery, spoken_result = spoken
        st.subheader(f"What you said ({transcript.engine})")
        st.code(transcript.text, language=None, wrap_lines=True)
        st.caption(escape_markdown(delivery.note))
        cols = st.columns(4)
        cols[0].metric("Pace", f"{delivery.words_per_minute:.0f} wpm", help="Aim for about 120-165 words a minute.")
        cols[1].metric(
            "Duration",
            format_seconds(delivery.duration_seconds),
            delta=f"{delivery.duration_seconds - TARGET_SECONDS:+.0f} s vs 60 s",
            delta_color="off",
        )
        cols[2].metric(
            "Fillers",
            f"{delivery.fillers_per_minute:.0f} / min",
            help=f"{delivery.filler_count} in all; up to about 5 a minute goes unnoticed.",
        )
        cols[3].metric("Delivery", f"{delivery.score:.0f} / 100")
        if len(delivery.pace_over_time) >= 2:
            pace = pd.DataFrame(
                {"words a minute": [w for _, w in delivery.pace_over_time]}, index=[t for t, _ in delivery.pace_over_time]
            )
            st.line_chart(pace, x_label="seconds into the answer", y_label="words a minute", height=220)
        for pause in delivery.pauses:
            before = transcript.text[max(0, pause.offset - 40) : pause.offset].split(" ", 1)[-1]
            after = transcript.text[pause.offset : pause.offset + 40].rsplit(" ", 1)[0]
            st.markdown(
                f"{SEVERITY_ICONS['medium' if pause.seconds >= 2 else 'low']} {pause.seconds:.1f} s pause at "
                f"{format_seconds(pause.start)}: …{escape_markdown(before)} ⏸ {escape_markdown(after)}…"
            )
        for finding in delivery.findings:
            st.markdown(f"{SEVERITY_ICONS[finding.severity]} {escape_markdown(finding.message)}")
        show_scores(spoken_result, transcript.text, "spoken")

with tailor_tab:
    st.write("Rewrite an answer for this company, using the description or posting in Your profile.")
    if not st.session_state.tailor_answer:
        st.session_state.tailor_answer = st.session_state.answer or (
            st.session_state.draft.answer if st.session_state.draft else ""
        )
    st.text_area("Answer to tailor", key="tailor_answer", height=180)
    if st.button("Tailor to the company", key="tailor_go", type="primary"):
        inputs = current_inputs()
        try:
            check_answer(st.session_state.tailor_answer)
            if not inputs.company or not inputs.company_info:
                raise InputError("Add the company and its description or job posting in Your profile first.")
        except InputError as exc:
            st.warning(str(exc))
        else:
            backend, failure = current_backend()
            with st.status("Tailoring...", expanded=True) as status:
                tailored: TailorResult = Pump(
                    tailor_events(st.session_state.tailor_answer, inputs, backend, failure), status
                ).run()
                status.update(label="Tailored", state="complete", expanded=False)
            st.session_state.tailored = tailored
            save_attempt("tailor", tailored.answer, tailored.result, tailored.info.backend, tailored.chosen.model)
    tailored_result: TailorResult | None = st.session_state.tailored
    if tailored_result is not None:
        show_task_notices(tailored_result.info.notices, tailored_result.info.error)
        before, after = diff_markdown(tailored_result.original, tailored_result.answer)
        delta = tailored_result.result.scores.overall - tailored_result.original_result.scores.overall
        left, right = st.columns(2)
        with left:
            st.metric("Before", f"{tailored_result.original_result.scores.overall:.0f} / 100")
            with st.container(border=True):
                st.markdown(before)
        with right:
            st.metric(
                f"Tailored ({tailored_result.chosen.model})",
                f"{tailored_result.result.scores.overall:.0f} / 100",
                delta=f"{delta:+.0f}",
            )
            with st.container(border=True):
                st.markdown(after)
        st.code(tailored_result.answer, language=None, wrap_lines=True)

with drill_tab:
    st.write(
        "The questions a hiring manager would most likely ask next. Answer each one; it is scored for relevance and succinctness."
    )
    drill_answer = st.session_state.answer or (st.session_state.draft.answer if st.session_state.draft else "")
    if st.button("Get follow-up questions", key="followups_go", type="primary"):
        try:
            check_answer(drill_answer)
        except InputError:
            st.warning("Write or draft an answer first: the questions are about it.")
        else:
            backend, failure = current_backend()
            with st.status("Thinking like a hiring manager...") as status:
                asked: FollowUpsResult = Pump(followups_events(drill_answer, current_inputs(), backend, failure), status).run()
                status.update(label="Questions ready", state="complete")
            st.session_state.questions = asked
    asked_result: FollowUpsResult | None = st.session_state.questions
    if asked_result is not None:
        show_task_notices(asked_result.info.notices, asked_result.info.error)
        for i, q in enumerate(asked_result.questions):
            with st.container(border=True):
                st.markdown(f"**{i + 1}. {safe_markdown(q.question)}**")
                if q.quote:
                    st.caption("Probes: “" + escape_markdown(" ".join(q.quote.split())[:140]) + "”")
                st.text_area("Your answer", key=f"fu_answer_{i}", height=100)
                if st.button("Score this answer", key=f"fu_score_{i}"):
                    reply = st.session_state.get(f"fu_answer_{i}", "")
                    scored_reply = score_followup(q.question, reply, current_inputs().target())
                    st.session_state[f"fu_result_{i}"] = scored_reply
                    if scored_reply.word_count:
                        inputs = current_inputs()
                        reply_scores = scored_reply.to_dict()
                        history().save_scores(
                            "followup",
                            reply,
                            reply_scores["scores"],
                            reply_scores["findings"],
                            scored_reply.word_count,
                            scored_reply.speaking_seconds,
                            company=inputs.company,
                            role=inputs.role,
                            goals=inputs.goals,
                            question=q.question,
                        )
                reply_result = st.session_state.get(f"fu_result_{i}")
                if reply_result is not None:
                    a, b, c = st.columns(3)
                    a.metric("Relevance", f"{reply_result.relevance:.0f}")
                    b.metric("Succinctness", f"{reply_result.succinctness:.0f}")
                    c.metric("Speaking time", format_seconds(reply_result.speaking_seconds))
                    for finding in reply_result.findings:
                        st.markdown(f"- {escape_markdown(finding.message)}")

with history_tab:
    store = history()
    attempts = store.attempts()
    main_attempts = [a for a in attempts if a.kind != "followup"]
    if not attempts:
        st.info("No attempts yet. Every answer you score, draft or tailor is saved here so you can see your progress.")
    else:
        best, latest = store.best(), store.latest()
        summary = st.columns(3)
        summary[0].metric("Attempts", len(attempts))
        if best is not None:
            summary[1].metric("Best", f"{best.scores['overall']:.0f}", help=best.label)
        if latest is not None:
            summary[2].metric(
                "Latest",
                f"{latest.scores['overall']:.0f}",
                delta=f"{latest.scores['overall'] - main_attempts[0].scores['overall']:+.0f} since the first",
                help=latest.label,
            )
        if main_attempts:
            progress = pd.DataFrame(
                [
                    {"attempt": a.id, **{DIMENSION_LABELS[k]: a.scores.get(k, 0) for k in ("overall", *SCORE_KEYS[:-1])}}
                    for a in main_attempts
                ]
            ).set_index("attempt")
            st.line_chart(progress, x_label="attempt", y_label="score")
        spoken_attempts = [a for a in attempts if a.delivery]
        if spoken_attempts:
            st.markdown("**Spoken answers: delivery over time**")
            delivery_progress = pd.DataFrame(
                [
                    {
                        "attempt": a.id,
                        "words a minute": a.delivery.get("words_per_minute", 0),
                        "fillers a minute": a.delivery.get("fillers_per_minute", 0),
                        "delivery score": a.delivery.get("score", 0),
                    }
                    for a in spoken_attempts
                    if a.delivery
                ]
            ).set_index("attempt")
            st.line_chart(delivery_progress, x_label="attempt", height=240)
        table = pd.DataFrame(
            [
                {
                    "id": a.id,
                    "when (UTC)": a.created_at[:16].replace("T", " "),
                    "kind": a.kind,
                    "overall": a.scores.get("overall", 0),
                    "words": a.word_count,
                    "by": a.model or a.backend,
                    "answer": a.answer,
                }
                for a in attempts
            ]
        )
        st.dataframe(table, hide_index=True, width="stretch")

        st.subheader("Compare two attempts")
        labels = {a.label: a for a in attempts}
        names = list(labels)
        # Default to the first and the newest attempt until the user picks others; a choice
        # that no longer exists (deleted) falls back too.
        if not st.session_state.get("compare_picked") or st.session_state.get("compare_a") not in names:
            st.session_state.compare_a = names[0]
        if not st.session_state.get("compare_picked") or st.session_state.get("compare_b") not in names:
            st.session_state.compare_b = names[-1]
        left, right = st.columns(2)
        first = left.selectbox("First", names, key="compare_a", on_change=picked)
        second = right.selectbox("Second", names, key="compare_b", on_change=picked)
        if first and second:
            a1, a2 = labels[first], labels[second]
            rows = [
                {
                    "score": DIMENSION_LABELS[k],
                    "first": a1.scores.get(k, 0),
                    "second": a2.scores.get(k, 0),
                    "change": round(a2.scores.get(k, 0) - a1.scores.get(k, 0), 1),
                }
                for k in ("overall", *SCORE_KEYS)
            ]
            st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
            with left:
                st.code(a1.answer, language=None, wrap_lines=True)
            with right:
                st.code(a2.answer, language=None, wrap_lines=True)

        st.subheader("Export or delete")
        # Built only when the button is pressed, not on every rerun.
        exports = (
            ("Markdown", store.export_markdown, "md", "text/markdown"),
            ("JSON", store.export_json, "json", "application/json"),
        )
        for column, (kind, data, ext, mime) in zip(st.columns(2), exports, strict=True):
            column.download_button(
                f"Download as {kind}", data, file_name=f"career-goals-history.{ext}", mime=mime, key=f"export_{ext}"
            )
        d1, d2 = st.columns(2)
        with d1:
            doomed = st.selectbox("Attempt to delete", names, key="delete_choice")
            if st.button("Delete this attempt", key="delete_one") and doomed:
                store.delete(labels[doomed].id)
                st.rerun()
        with d2:
            sure = st.checkbox("Yes, delete my whole history", key="delete_all_confirm")
            if st.button("Delete all attempts", key="delete_all", disabled=not sure):
                store.delete_all()
                st.rerun()
