"""Keys stay home: the operator's key goes only to the operator's endpoint, never to a visitor's URL."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from coach.backends import Message, OpenAIBackend, make_backend
from coach.errors import AuthenticationFailed, BadUrl, CustomUrlRefused, NoKey
from coach.keys import OPENAI_URL, Endpoint, resolve_endpoint
from tests.fake_openai import FakeOpenAI, Reply, serve

OPERATOR = "sk-operator-SECRET-123456"
VISITOR = "sk-visitor-own-key-98765"
MESSAGES = [Message("user", "Say hello.")]
EVIL = "http://evil.example/v1"
GPU = "https://gpu-box:9000/v1"
PLAIN = "http://api.openai.com/v1"


@pytest.mark.parametrize(
    ("env", "url", "key", "expected"),
    [
        ({"OPENAI_API_KEY": OPERATOR}, None, None, Endpoint(OPENAI_URL, OPERATOR, "operator", False)),
        ({"OPENAI_API_KEY": OPERATOR}, None, VISITOR, Endpoint(OPENAI_URL, VISITOR, "visitor", False)),
        ({"OPENAI_API_KEY": OPERATOR}, "https://API.openai.com:443/v1/", None, Endpoint(OPENAI_URL, OPERATOR, "operator", False)),
        ({"OPENAI_API_KEY": OPERATOR}, EVIL, None, Endpoint(EVIL, None, "none", True)),
        ({"OPENAI_API_KEY": OPERATOR}, EVIL, VISITOR, Endpoint(EVIL, VISITOR, "visitor", True)),
        # Same host but plain http, or with user info: not the operator's endpoint.
        ({"OPENAI_API_KEY": OPERATOR}, PLAIN, None, Endpoint(PLAIN, None, "none", True)),
        (
            {"OPENAI_API_KEY": OPERATOR},
            "https://me@api.openai.com/v1",
            None,
            Endpoint("https://me@api.openai.com/v1", None, "none", True),
        ),
        (
            {"OPENAI_API_KEY": OPERATOR, "COACH_OPENAI_BASE_URL": "http://vllm.internal:8000/v1"},
            "http://VLLM.internal:8000/v1/",
            None,
            Endpoint("http://vllm.internal:8000/v1", OPERATOR, "operator", False),
        ),
        (
            {"OPENAI_API_KEY": OPERATOR, "COACH_OPENAI_BASE_URL": "http://vllm.internal:8000/v1"},
            OPENAI_URL,
            None,
            Endpoint(OPENAI_URL, None, "none", True),
        ),
        ({}, "http://127.0.0.1:11434/v1", None, Endpoint("http://127.0.0.1:11434/v1", None, "none", True)),
        (
            {"COACH_ALLOWED_URLS": "http://ollama.internal:11434/v1, gpu-box"},
            "http://ollama.internal:11434/v1/",
            None,
            Endpoint("http://ollama.internal:11434/v1/", None, "none", True),
        ),
        ({"COACH_ALLOWED_URLS": "gpu-box"}, GPU, VISITOR, Endpoint(GPU, VISITOR, "visitor", True)),
    ],
)
def test_the_policy_picks_the_key_for_each_url(env: dict[str, str], url: str | None, key: str | None, expected: Endpoint) -> None:
    assert resolve_endpoint(url, key, env=env) == expected


def test_the_operator_key_passed_in_by_the_page_follows_the_same_rule() -> None:
    home = resolve_endpoint(None, None, operator_key=OPERATOR, env={})
    assert home.api_key == OPERATOR and home.key_source == "operator"
    away = resolve_endpoint("http://evil.example/v1", None, operator_key=OPERATOR, env={})
    assert away.api_key is None


@pytest.mark.parametrize(
    ("env", "url", "error", "says"),
    [
        ({}, None, NoKey, "No key found - set OPENAI_API_KEY"),
        ({"COACH_ALLOW_CUSTOM_URLS": "0"}, "http://127.0.0.1:11434/v1", CustomUrlRefused, "does not allow other servers"),
        ({"COACH_ALLOW_CUSTOM_URLS": "off"}, "http://127.0.0.1:11434/v1", CustomUrlRefused, "COACH_ALLOW_CUSTOM_URLS"),
        ({"COACH_ALLOWED_URLS": "http://good.host/v1"}, "http://good.host.evil.example/v1", CustomUrlRefused, "not one of"),
        ({"COACH_ALLOWED_URLS": "http://good.host/v1"}, "http://good.host/v10", CustomUrlRefused, "not one of"),
        ({"COACH_ALLOWED_URLS": "http://good.host/v1"}, "http://good.host@evil.example/v1", CustomUrlRefused, "not one of"),
        ({"COACH_ALLOWED_URLS": "good.host:8000"}, "http://good.host:9000/v1", CustomUrlRefused, "not one of"),
        ({}, "ftp://host/v1", BadUrl, "not an http(s) server URL"),
        ({}, "http://host:99999/v1", BadUrl, "not a valid URL"),
        ({}, "127.0.0.1:11434/v1", BadUrl, "like http://127.0.0.1:11434/v1"),
    ],
)
def test_refusals_say_how_to_fix_them(env: dict[str, str], url: str | None, error: type[Exception], says: str) -> None:
    with pytest.raises(error, match=re.escape(says)):
        resolve_endpoint(url, None, env=env)


def test_a_refusal_never_shows_credentials_in_the_url() -> None:
    with pytest.raises(CustomUrlRefused) as info:
        resolve_endpoint("http://user:hunter22@evil.example/v1?api-key=KEY123", None, env={"COACH_ALLOW_CUSTOM_URLS": "0"})
    assert "hunter22" not in str(info.value) and "KEY123" not in str(info.value)


@pytest.fixture
def servers() -> Iterator[tuple[FakeOpenAI, FakeOpenAI]]:
    with serve() as home, serve() as visitor:
        yield home, visitor


def test_the_operator_key_never_reaches_a_visitor_url(
    servers: tuple[FakeOpenAI, FakeOpenAI], monkeypatch: pytest.MonkeyPatch
) -> None:
    home, visitor = servers
    monkeypatch.setenv("OPENAI_API_KEY", OPERATOR)
    monkeypatch.setenv("OPENAI_ADMIN_KEY", OPERATOR + "-admin")
    monkeypatch.setenv("OPENAI_ORG_ID", "org-operator")
    monkeypatch.setenv("COACH_OPENAI_BASE_URL", home.url)
    # A visitor who types their own URL and leaves the key empty, six times, through every entry point.
    for _ in range(3):
        make_backend("openai", model="fake-model", base_url=visitor.url, api_key=None).respond(MESSAGES).text()
        chosen = make_backend("openai", model="fake-model", base_url=visitor.url, api_key="", operator_key=OPERATOR)
        chosen.respond(MESSAGES).text()
    assert len(visitor.headers) == 6
    assert all(OPERATOR not in str(h) for h in visitor.headers)
    assert all(h["authorization"] == "Bearer no-key" and "openai-organization" not in h for h in visitor.headers)
    # The visitor's own key goes to their URL; the operator's endpoint still gets the operator's key.
    OpenAIBackend(model="fake-model", base_url=visitor.url, api_key=VISITOR).respond(MESSAGES).text()
    assert visitor.headers[-1]["authorization"] == f"Bearer {VISITOR}"
    OpenAIBackend(model="fake-model").respond(MESSAGES).text()
    assert home.headers[-1]["authorization"] == f"Bearer {OPERATOR}"


def test_a_visitor_url_that_needs_a_key_says_the_operator_key_is_not_sent(
    servers: tuple[FakeOpenAI, FakeOpenAI], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, visitor = servers
    monkeypatch.setenv("OPENAI_API_KEY", OPERATOR)
    visitor.queue(Reply(status=401))
    with pytest.raises(AuthenticationFailed, match="needs an API key") as info:
        OpenAIBackend(model="fake-model", base_url=visitor.url, max_retries=0).respond(MESSAGES).text()
    assert OPERATOR not in str(info.value)
