"""Sign-in for deployments: Streamlit's built-in OIDC (st.login, st.user, st.logout) in front of every page.

The frame calls `require_sign_in()` right after `st.set_page_config`, and opens the store with `current_user_key()`.
With sign-in off (a laptop) neither changes anything and the key is "local".
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

import streamlit as st
from streamlit import config as st_config
from streamlit.errors import StreamlitSecretNotFoundError

from coach.errors import CoachError
from coach.identity import (
    LOCAL_USER_KEY,
    SignInConfigError,
    check_auth_config,
    display_name,
    sign_in_required,
    user_key,
)

_LOG = logging.getLogger(__name__)


def _secrets() -> Mapping[str, Any]:
    """Return the parsed secrets; {} when there is no secrets file, SignInConfigError when one cannot be read."""
    try:
        return st.secrets.to_dict()
    except StreamlitSecretNotFoundError as error:
        paths = [Path(p) for p in st_config.get_option("secrets.files")]
        if any(path.exists() for path in paths):
            # A broken file might be the one that switches sign-in on: refuse rather than guess "off".
            _LOG.error("secrets file unreadable: %s", error)
            raise SignInConfigError("The secrets file (.streamlit/secrets.toml) cannot be read: fix its TOML syntax.") from None
        return {}


def _claims() -> Mapping[str, Any]:
    """Return the identity token's claims Streamlit keeps for this session."""
    return dict(st.user.to_dict())


def _resolve() -> str | None:
    """Return this visitor's key: "local" when sign-in is off, None while they still have to sign in."""
    secrets = _secrets()
    if not sign_in_required(os.environ, secrets):
        return LOCAL_USER_KEY
    check_auth_config(secrets)
    claims = _claims()
    if claims.get("is_logged_in") is not True:
        return None
    return user_key(claims)


def _refuse(message: str) -> NoReturn:
    """Show one clear line instead of the app and stop this run."""
    st.error(message, icon=":material/lock:")
    st.stop()


def _sign_in_screen() -> NoReturn:
    """Show the sign-in page and nothing else."""
    st.title("Sign in to practise")
    st.write(
        "This coach keeps your goals, drafts and attempts private to your account. Sign in to continue; "
        "you will come back here afterwards."
    )
    if st.button("Sign in", type="primary", icon=":material/login:"):
        st.login()
    st.stop()


def _account_in_sidebar() -> None:
    """Say who is signed in and offer sign-out."""
    with st.sidebar:
        st.text(f"Signed in as {display_name(_claims())}")  # st.text: a name is never rendered as markdown
        if st.button("Sign out", icon=":material/logout:"):
            st.logout()


def _gate() -> str:
    """Return this visitor's key, or stop the run with the sign-in screen or the configuration problem."""
    try:
        key = _resolve()
    except CoachError as error:
        _refuse(str(error))
    if key is None:
        _sign_in_screen()
    return key


def require_sign_in() -> None:
    """Stop the page with the sign-in screen until the visitor has signed in (when sign-in is on); else do nothing."""
    if _gate() != LOCAL_USER_KEY:
        _account_in_sidebar()


def current_user_key() -> str:
    """Return the key the store keeps this visitor's data under ("local" with sign-in off).

    Never answers "local" for a deployment that requires sign-in: a visitor who is not signed in gets the sign-in
    screen and the run stops.
    """
    return _gate()


def where_it_runs() -> str:
    """Return where the coach does its work, as the page says it: this computer, or the server people sign in to."""
    return "on this computer" if current_user_key() == LOCAL_USER_KEY else "on the coach's server"
