"""Say it out loud: record or upload an answer, transcribed on this computer, with pace, pauses and fillers."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from coach.backends import OpenAIBackend
from coach.errors import BackendError, InputError
from coach.present import escape_markdown
from coach.rubric import TARGET_SECONDS, format_seconds, score_answer
from coach.speech import AUDIO_TYPES, Transcript, delivery_metrics, transcribe_local, transcribe_openai
from ui.auth import where_it_runs
from ui.model_choice import MODEL_CHOICES, current_backend
from ui.state import current_inputs, history
from ui.widgets import SEVERITY_ICONS, show_scores


def transcribe(data: bytes, name: str, context: str) -> Transcript:
    """Return the recording's transcript from the engine the page selects; raise BackendError or InputError."""
    if st.session_state.get("transcriber") == "OpenAI":
        backend = current_backend()
        if not isinstance(backend, OpenAIBackend):
            raise BackendError("OpenAI is not configured in the sidebar.")
        return transcribe_openai(data, name, backend.client, context=context, deadline=backend.timeout)
    return transcribe_local(data, name, context=context)


st.write(
    "Interviews are spoken. Record your answer (or upload a recording) and see your pace, pauses and fillers "
    f"as well as the usual scores. The recording is transcribed {where_it_runs()}."
)
st.audio_input("Record your answer", key="recording")
st.file_uploader("...or upload a recording", type=list(AUDIO_TYPES), key="audio_upload", max_upload_size=25)
if st.session_state.get("model_choice") == MODEL_CHOICES[1]:
    st.radio("Transcribe with", ("Whisper on this computer", "OpenAI"), key="transcriber", horizontal=True)
st.checkbox(
    "Keep the recording in my history",
    key="keep_audio",
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
                transcript = transcribe(data, name, f"{inputs.company}, {inputs.role}.")
                status.update(label=f"Transcribed ({transcript.engine})", state="complete")
        except InputError as exc:
            st.warning(escape_markdown(str(exc)))
        except BackendError as exc:
            st.error(f"Transcription failed: {escape_markdown(str(exc))} Your recording is kept; try again.")
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
        pace = pd.DataFrame(delivery.pace_over_time, columns=["seconds", "words a minute"])
        # The axis runs from the start of the recording to its end, whatever the windows cover.
        axis = alt.Scale(domain=[0, delivery.duration_seconds])
        chart = (
            alt.Chart(pace)
            .mark_line(point=True)
            .encode(
                x=alt.X("seconds:Q", scale=axis, title="seconds into the recording"),
                y=alt.Y("words a minute:Q", title="words a minute"),
            )
        )
        st.altair_chart(chart, width="stretch", height=220)
    for pause in delivery.pauses:
        before = transcript.text[max(0, pause.offset - 40) : pause.offset].split(" ", 1)[-1]
        after = transcript.text[pause.offset : pause.offset + 40].rsplit(" ", 1)[0]
        st.markdown(
            f"{SEVERITY_ICONS['medium' if pause.seconds >= 2 else 'low']} {pause.seconds:.1f} s pause at "
            f"{format_seconds(pause.start)}: …{escape_markdown(before)} ⏸ {escape_markdown(after)}…"
        )
    for finding in delivery.findings:
        st.markdown(f"{SEVERITY_ICONS[finding.severity]} {escape_markdown(finding.message)}")
    show_scores(
        spoken_result, transcript.text, recorded_seconds=delivery.duration_seconds, recorded_fillers=delivery.fillers_per_minute
    )
