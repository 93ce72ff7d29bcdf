"""The real-server load test (bench/bench_load_real.py) on a small scale: `streamlit run app.py` with sign-in on, two
people at once in Chromium, each signing in through the OIDC provider; nothing acknowledged is lost and nobody sees
another's data. Timings are printed (run with -s), never asserted: the machine is shared and noisy.
"""

from __future__ import annotations

import pytest

from bench.bench_load_real import load_real, report

pytestmark = [
    pytest.mark.slow,
    # The provider is built on Authlib's older API; its deprecation notices are not ours to act on.
    pytest.mark.filterwarnings("ignore:get_jwt_config"),
]
USERS, VISITS = 2, 2


def test_people_at_once_on_a_real_server_lose_nothing_and_never_see_each_others_data() -> None:
    # Generous: a busy 2-core machine runs Chromium, the server and the rubric's models together.
    result = load_real("sqlite", users=USERS, visits=VISITS, seconds=900, timeout=240)
    print(report(result))
    assert result.problems == []
    assert (result.alone.visits, result.together.visits) == (VISITS, USERS * VISITS)
    assert len(result.together.times["score"]) == USERS * VISITS  # every press of "Get feedback" was acknowledged
    assert len(result.together.times["history"]) == USERS * VISITS  # and every History page was read and checked
