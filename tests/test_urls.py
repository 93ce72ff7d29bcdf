"""Credentials written inside a URL never reach a message, a log line or JSON output."""

from __future__ import annotations

import pytest

from coach.urls import REDACTED, display_url, redact_text, redact_url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://127.0.0.1:11434/v1", "http://127.0.0.1:11434/v1"),
        ("https://api.example.com/v1?model=llama", "https://api.example.com/v1?model=llama"),
        ("http://sk-live-KEY123456@host:8000/v1", f"http://{REDACTED}@host:8000/v1"),
        ("https://alice:s3cret@host/v1", f"https://{REDACTED}@host/v1"),
        ("https://a@b:c@host/v1", f"https://{REDACTED}@host/v1"),
        ("http://host/v1?api-key=KEY123", f"http://host/v1?api-key={REDACTED}"),
        ("http://host/v1?api_key=KEY123&model=x", f"http://host/v1?api_key={REDACTED}&model=x"),
        ("http://host/v1?model=x&key=KEY123", f"http://host/v1?model=x&key={REDACTED}"),
        ("http://host/v1?Access_Token=KEY123", f"http://host/v1?Access_Token={REDACTED}"),
        ("http://host/v1?token=KEY123;session=S", f"http://host/v1?token={REDACTED};session={REDACTED}"),
        (
            "https://x.blob.core.windows.net/v1?sv=2024&sig=abc%2Bdef",
            f"https://x.blob.core.windows.net/v1?sv=2024&sig={REDACTED}",
        ),
        ("http://host/v1#access_token=KEY123", f"http://host/v1#access_token={REDACTED}"),
        ("http://host/v1?password=hunter22", f"http://host/v1?password={REDACTED}"),
        ("http://host/keys/sk-proj-abcdef123456/v1", f"http://host/keys/{REDACTED}/v1"),
        ("http://host/" + "A1b2" * 12 + "/v1", f"http://host/{REDACTED}/v1"),
    ],
)
def test_credentials_in_a_url_are_redacted(url: str, shown: str) -> None:
    assert redact_url(url) == shown


def test_urls_inside_free_text_and_bare_keys_are_redacted() -> None:
    message = "Connection error to http://KEY9876543@h/v1?token=t0k3n (Incorrect API key provided: sk-abc123456789)."
    shown = redact_text(message)
    assert "KEY9876543" not in shown and "t0k3n" not in shown and "sk-abc123456789" not in shown
    assert shown.startswith("Connection error to http://") and "@h/v1?token=" in shown
    assert redact_text("the key is my-long-secret here", "my-long-secret") == f"the key is {REDACTED} here"


def test_display_names_the_default_server_when_there_is_no_url() -> None:
    assert display_url(None) == "the OpenAI API"
    assert display_url("http://u:p@h/v1") == f"http://{REDACTED}@h/v1"
