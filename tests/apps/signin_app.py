"""A tiny frame that uses ui/auth.py exactly as app.py does (before st.navigation); the sign-in tests run it."""

from __future__ import annotations

import streamlit as st

from ui.auth import current_user_key, require_sign_in


def key_page() -> None:
    """Show the key the store would keep this visitor's data under."""
    st.text(f"User key: {current_user_key()}")


def other_page() -> None:
    """A second page, so deep links are tested too."""
    st.text(f"Other page for: {current_user_key()}")


st.set_page_config(page_title="Sign-in check")
require_sign_in()
pages = [st.Page(key_page, title="Key", url_path="key", default=True), st.Page(other_page, title="Other", url_path="other")]
st.navigation(pages).run()
