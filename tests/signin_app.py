"""A tiny entry script that uses ui/auth.py exactly as the frame does; the sign-in tests run it."""

from __future__ import annotations

import streamlit as st

from ui.auth import current_user_key, require_sign_in

st.set_page_config(page_title="Sign-in check")
require_sign_in()
st.text(f"User key: {current_user_key()}")
