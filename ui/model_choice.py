"""The sidebar's choice of model: the embedded one, OpenAI or a compatible server. The key lives only in this session."""

from __future__ import annotations

import os

import streamlit as st

from coach.backends import Backend, LocalBackend, make_backend
from coach.coaching.policy import Task, model_for, without_model_note
from coach.discover import LocalServer, find_servers
from coach.errors import BackendError, CoachError
from coach.keys import check_custom_url
from ui.auth import where_it_runs

MODEL_CHOICES = ("Embedded model (offline)", "OpenAI", "OpenAI-compatible server")
TYPED_URL = "Another URL..."

# The test hook: tests put a stand-in backend here (a pytest fixture sets it and takes it away).
# Nothing in the environment or the page can set it, so production always uses the sidebar's choice.
test_backend: Backend | None = None


@st.cache_resource(show_spinner="Loading the embedded model (once per process)...")
def embedded_backend() -> LocalBackend:
    """Return the embedded model's backend, loaded once per process."""
    backend = LocalBackend()
    _ = backend.llama  # load now, under the spinner, not in the middle of a task
    return backend


def operator_key() -> str:
    """Return the operator's key from Streamlit secrets, if set (OPENAI_API_KEY is read by coach.keys)."""
    try:
        return str(st.secrets.get("OPENAI_API_KEY", ""))
    except Exception:  # no secrets file is the normal case
        return ""


def custom_urls_allowed() -> bool:
    """Return whether the operator lets visitors name their own server."""
    return os.environ.get("COACH_ALLOW_CUSTOM_URLS", "").strip().lower() not in {"0", "false", "no", "off"}


@st.cache_data(ttl=30, show_spinner=False)
def local_servers() -> list[LocalServer]:
    """Return the model servers answering on this computer's default ports (checked at most every 30 s)."""
    return find_servers()


def current_backend() -> Backend:
    """Return the backend the sidebar selects; raise BackendError when it cannot start."""
    if test_backend is not None:
        return test_backend
    choice = st.session_state.get("model_choice", MODEL_CHOICES[0])
    if choice == MODEL_CHOICES[0]:
        return embedded_backend()
    visitor_key = st.session_state.get("api_key", "").strip() or None
    model = st.session_state.get("model_name", "").strip() or None
    if choice == MODEL_CHOICES[1]:
        return make_backend("openai", model=model, api_key=visitor_key, operator_key=operator_key() or None)
    base_url = st.session_state.get("base_url", "").strip()
    if not base_url:
        raise BackendError("Enter the server's URL in the sidebar, e.g. http://127.0.0.1:11434/v1 for Ollama.")
    check_custom_url(base_url)
    # A visitor's URL gets the visitor's key or none: coach.keys never sends the operator's key there.
    return make_backend("openai", model=model, base_url=base_url, api_key=visitor_key, operator_key=operator_key() or None)


def _pick_server(servers: list[LocalServer]) -> None:
    """Offer the servers found on this computer, filling the URL and model fields from the pick."""
    labels = [s.label() for s in servers]
    picked = st.selectbox("Servers found on this computer", [*labels, TYPED_URL], key="server_pick")
    if picked == TYPED_URL:
        return
    server = servers[labels.index(picked)]
    if st.session_state.get("base_url") != server.base_url:
        st.session_state.base_url = server.base_url
    if st.session_state.get("model_name") not in server.models:
        st.session_state.model_name = server.models[0]
    st.selectbox("Model", server.models, key="model_name")


def sidebar() -> None:
    """Show the model settings."""
    st.header("Model")
    choices = MODEL_CHOICES if custom_urls_allowed() else MODEL_CHOICES[:2]
    choice = st.radio(
        "Which model writes and reviews",
        choices,
        key="model_choice",
        help=f"The embedded model runs {where_it_runs()} with no key and no network. "
        "OpenAI, or a server such as Ollama, vLLM or LM Studio, writes better prose.",
    )
    if choice == MODEL_CHOICES[1]:
        st.text_input("Model name", key="model_name", placeholder="gpt-4o-mini")
        st.text_input(
            "OpenAI API key",
            key="api_key",
            type="password",
            help="Used for this session only; never saved, exported or logged. "
            "Leave empty to use the key this coach was set up with, if any.",
        )
    elif choice == MODEL_CHOICES[2]:
        servers = local_servers()
        if servers:
            _pick_server(servers)
        if not servers or st.session_state.get("server_pick") == TYPED_URL:
            st.text_input("Server URL", key="base_url", placeholder="http://127.0.0.1:11434/v1")
            st.text_input("Model name", key="model_name", placeholder="llama3.2")
        st.text_input(
            "API key (if the server needs one)",
            key="api_key",
            type="password",
            help="Sent only to this server. The coach's own key is never sent to a server you name.",
        )
        url = st.session_state.get("base_url", "").strip()
        if url:
            try:
                check_custom_url(url)
            except CoachError as exc:
                st.warning(str(exc), icon=":material/block:")
    st.caption("Scores always come from the coach's own rubric, so they mean the same whichever model you pick.")


def backend_for(task: Task) -> tuple[Backend | None, BackendError | None, tuple[str, ...]]:
    """Return the backend a task calls, why the chosen one could not start, and what to tell the user about it."""
    try:
        chosen = current_backend()
    except BackendError as exc:
        return None, exc, ()
    backend = model_for(task, chosen)
    # The embedded model lost to the coach on this task in measurement: say what a stronger one adds.
    return backend, None, () if backend is not None else (without_model_note(task),)
