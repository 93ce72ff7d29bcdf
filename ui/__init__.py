"""The practice page: the frame in app.py, one script per task under ui/pages, shared helpers here."""
