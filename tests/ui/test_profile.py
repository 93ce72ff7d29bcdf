"""The profile page: guidance under every field, a sample one click away, the profile kept across visits and pages."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from coach.history import History
from tests.test_identity import AUTH
from tests.ui.conftest import APP, PROFILE, fill_profile, open_page, run


def test_guidance_under_every_field(at: AppTest) -> None:
    captions = " ".join(c.value for c in at.caption)
    for phrase in ("5-10 years", "SMART", "mission, products and values"):
        assert phrase in captions


def test_sample_profile_is_one_click_away_and_the_profile_persists_across_visits(at: AppTest) -> None:
    at.button(key="load_sample").click()
    run(at)
    assert at.text_input(key="company").value == PROFILE.company
    at.text_input(key="role").input("Senior " + PROFILE.role)
    run(at)
    # A new visit (a new session) gets the profile back from the history database.
    again = run(AppTest.from_file(APP, default_timeout=60))
    assert again.text_input(key="company").value == PROFILE.company
    assert again.text_input(key="role").value == "Senior " + PROFILE.role


def test_the_profile_outlives_a_visit_to_another_page(at: AppTest) -> None:
    at.text_input(key="company").input("Acme Robotics")
    run(at)
    open_page(at, "history")
    open_page(at, "profile")
    assert at.text_input(key="company").value == "Acme Robotics"


def test_load_sample_over_your_own_profile_asks_first_and_can_be_undone(at: AppTest) -> None:
    at.text_input(key="company").input("Acme Robotics")
    run(at)
    at.button(key="load_sample").click()
    run(at)
    assert at.text_input(key="company").value == "Acme Robotics"  # nothing replaced before the answer
    at.button(key="load_sample_no").click()
    run(at)
    assert at.text_input(key="company").value == "Acme Robotics"
    at.button(key="load_sample").click()
    run(at)
    at.button(key="load_sample_yes").click()
    run(at)
    assert at.text_input(key="company").value == PROFILE.company
    at.button(key="undo_sample").click()
    run(at)
    assert at.text_input(key="company").value == "Acme Robotics"
    assert History().load_profile()["company"] == "Acme Robotics"


def test_samples_are_listed_by_role_and_company(at: AppTest) -> None:
    assert f"{PROFILE.role} at {PROFILE.company}" in at.selectbox(key="sample_choice").options


def test_a_saved_profile_says_so_and_points_to_the_next_step(at: AppTest) -> None:
    assert not at.success
    at.text_input(key="company").input("Acme Robotics")
    run(at)
    assert "add the company and your goals" in at.success[0].value
    fill_profile(at)
    assert "Profile saved on this computer" in at.success[0].value and "draft" in at.success[0].value


def test_a_signed_in_person_is_told_the_profile_is_saved_to_their_account(fake: object) -> None:
    app = AppTest.from_file(APP, default_timeout=60)
    app.secrets = {"auth": AUTH}
    app.user = {"is_logged_in": True, "iss": "https://id.example.org", "sub": "alice-1", "email": "alice@example.org"}
    fill_profile(run(app))
    assert "Profile saved to your account" in app.success[0].value
    assert "runs on the coach's server" in app.sidebar.radio(key="model_choice").help


def test_a_save_over_another_tabs_newer_profile_is_refused_with_both_texts_kept(at: AppTest) -> None:
    at.text_input(key="company").input("Acme Robotics")
    run(at)
    other = run(AppTest.from_file(APP, default_timeout=60))
    other.text_input(key="company").input("Globex")
    run(other)
    # This tab still holds the version before the other tab's save: its save is refused, not written.
    at.text_input(key="role").input("Data Engineer")
    run(at)
    shown = " ".join(c.value for c in at.code)
    assert "Globex" in shown and "Data Engineer" in shown
    assert History().load_profile()["company"] == "Globex"
    at.button(key="keep_mine").click()
    run(at)
    saved = History().load_profile()
    assert (saved["company"], saved["role"]) == ("Acme Robotics", "Data Engineer")
    assert not at.code


def test_a_tab_that_lost_track_of_its_own_last_save_is_not_told_of_a_conflict(at: AppTest) -> None:
    at.text_input(key="company").input("Acme Robotics")
    run(at)
    # A rerun cut the last save's callback short after the write: the tab still holds the version before it.
    at.session_state["profile_version"] = at.session_state["profile_version"] - 1
    at.text_input(key="role").input("Data Engineer")
    run(at)
    assert not at.code and "another tab" not in " ".join(w.value for w in at.warning)
    saved = History().load_profile()
    assert (saved["company"], saved["role"]) == ("Acme Robotics", "Data Engineer")


def test_a_profile_field_streamlit_dropped_comes_back_from_the_store(at: AppTest) -> None:
    fill_profile(at)
    # A session that loaded its profile once and then lost the fields' values, as when a fragment's timer fires
    # after the page changed.
    later = AppTest.from_file(APP, default_timeout=60)
    later.session_state["profile_loaded"] = True
    run(later)
    assert later.session_state["vision"] == PROFILE.long_term_vision
    assert later.text_input(key="company").value == PROFILE.company


def test_using_the_saved_profile_replaces_this_tabs_unsaved_text(at: AppTest) -> None:
    at.text_input(key="company").input("Acme Robotics")
    run(at)
    other = run(AppTest.from_file(APP, default_timeout=60))
    other.text_input(key="company").input("Globex")
    run(other)
    at.text_input(key="company").input("Initech")
    run(at)
    at.button(key="use_saved").click()
    run(at)
    assert at.text_input(key="company").value == "Globex"
    assert History().load_profile()["company"] == "Globex"
