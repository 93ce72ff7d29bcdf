"""Where the shipped prompts and sample profiles live: inside the installed package, or the checkout's own folders."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

# The wheel maps the repository's prompts/ and samples/ folders to these packages (see pyproject.toml).
INSTALLED = "_data"


def data_dir(name: str) -> Path:
    """Return the folder of shipped data called name: the installed copy when there is one, else the checkout's."""
    installed = Path(str(files("coach") / INSTALLED / name))
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / name
