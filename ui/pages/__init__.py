"""One Streamlit script per task, each run only when its page is shown."""
