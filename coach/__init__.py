"""Interview coach for the question "What are your career goals?"."""

__version__ = "0.1.0"
