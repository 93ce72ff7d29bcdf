"""The practice app's frame: page set-up, the sidebar and navigation. Each task is its own page in ui/pages."""

from __future__ import annotations

import streamlit as st

from coach.errors import StoreError
from coach.identity import LOCAL_USER_KEY
from ui import model_choice, state
from ui.auth import current_user_key, require_sign_in

st.set_page_config(page_title="Career-goals coach", page_icon="🎯", layout="wide")
require_sign_in()  # with sign-in on, a visitor sees only the sign-in screen until signed in
try:
    state.set_up()
except StoreError as exc:  # a read-only folder, a database from a newer coach, a server that is down
    st.error(str(exc), icon=":material/database:")
    st.stop()
for notice in state.history().pop_notices():  # a damaged file moved aside, a row that could not be read
    st.warning(notice, icon=":material/database:")

PAGES = [
    st.Page("ui/pages/profile.py", title="Your profile", icon=":material/person:", url_path="profile", default=True),
    st.Page("ui/pages/plan.py", title="Plan your goals", icon=":material/flag:", url_path="plan"),
    st.Page("ui/pages/draft.py", title="Draft", icon=":material/edit_note:", url_path="draft"),
    st.Page("ui/pages/feedback.py", title="Feedback on my draft", icon=":material/rate_review:", url_path="feedback"),
    st.Page("ui/pages/voice.py", title="Say it out loud", icon=":material/mic:", url_path="voice"),
    st.Page("ui/pages/tailor.py", title="Tailor to the company", icon=":material/business:", url_path="tailor"),
    st.Page("ui/pages/drill.py", title="Follow-up drill", icon=":material/quiz:", url_path="drill"),
    st.Page("ui/pages/history.py", title="History & progress", icon=":material/history:", url_path="history"),
]
page = st.navigation(PAGES)

with st.sidebar:
    model_choice.sidebar()
    st.divider()
    if current_user_key() == LOCAL_USER_KEY:  # a shared server keeps its paths to itself
        st.caption(f"History is saved in {state.history().location}.")

st.title("What are your career goals?")
st.write(
    "Practise the answer interviewers are listening for: a long-term vision, two or three SMART short-term steps, "
    "how you will get there and why this company, in about a minute."
)
page.run()
