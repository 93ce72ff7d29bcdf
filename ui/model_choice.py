"""The sidebar's choice of model: the embedded one, OpenAI or a compatible server. The key lives only in this session."""

from __future__ import annotations

import os

import streamlit as st

from coach.backends import Backend, LocalBackend, make_backend
from coach.errors import BackendError

MODEL_CHOICES = ("Embedded model (offline)", "OpenAI", "OpenAI-compatible server")

# The test hook: tests put a stand-in backend here (a pytest fixture sets it and takes it away).
# Nothing in the environment or the page can set it, so production always uses the sidebar's choice.
test_backend: Backend | None = None


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


def current_backend() -> Backend:
    """Return the backend the sidebar selects; raise BackendError when it cannot start."""
    if test_backend is not None:
        return test_backend
    choice = st.session_state.get("model_choice", MODEL_CHOICES[0])
    if choice == MODEL_CHOICES[0]:
        return embedded_backend()
    key = st.session_state.get("api_key", "").strip() or secret_key()
    model = st.session_state.get("model_name", "").strip() or None
    if choice == MODEL_CHOICES[1]:
        return make_backend("openai", model=model, api_key=key or None)
    base_url = st.session_state.get("base_url", "").strip()
    if not base_url:
        raise BackendError("Enter the server's URL in the sidebar, e.g. http://127.0.0.1:11434/v1 for Ollama.")
    return make_backend("openai", model=model, base_url=base_url, api_key=key or None)


def sidebar() -> None:
    """Show the model settings."""
    st.header("Model")
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
