"""The planner page: goals parsed from the profile, SMART letters as typed, facts picked, saved with the profile, drafted from."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from coach.history import History
from coach.planner import Plan
from tests.ui.conftest import fill_profile, open_page, run, settle

PLAN_PAGE = "ui/pages/plan.py"


def open_plan(at: AppTest) -> AppTest:
    at.switch_page(PLAN_PAGE)
    return run(at)


def test_goals_from_the_profile_are_shown_to_confirm_with_their_smart_letters(at: AppTest) -> None:
    fill_profile(at)
    open_plan(at)
    assert "staff engineer" in str(at.text_input(key="plan_v_what").value)
    assert at.text_input(key="plan_g0_what").value
    at.text_input(key="plan_g0_what").input("get better")
    at.text_input(key="plan_g0_measure").input("")
    at.text_input(key="plan_g0_by_when").input("")
    run(at)
    smart_rows = [m.value for m in at.markdown if "**S**" in m.value]
    assert ":red[:material/cancel:] **M**" in smart_rows[0] and ":red[:material/cancel:] **T**" in smart_rows[0]
    at.text_input(key="plan_g0_what").input("pass the AWS Solutions Architect Associate exam")
    at.text_input(key="plan_g0_by_when").input("within twelve months")
    run(at)
    smart_rows = [m.value for m in at.markdown if "**S**" in m.value]
    assert ":green[:material/check_circle:] **T**" in smart_rows[0]


def test_saved_plan_keeps_the_picked_facts_and_the_draft_writes_from_it(at: AppTest) -> None:
    fill_profile(at)
    open_plan(at)
    options = at.multiselect(key="plan_facts").options
    assert "Corvana Ledger" in options
    at.multiselect(key="plan_facts").set_value(["Corvana Ledger"])
    at.text_input(key="plan_v_horizon").input("within ten years")
    run(at)
    at.button(key="plan_save").click()
    run(at)
    assert any("Plan saved" in s.value for s in at.success)
    plan = Plan.from_json(History().load_profile_record().plan)
    assert [f.text for f in plan.facts] == ["Corvana Ledger"]
    assert plan.vision.horizon == "within ten years"
    open_page(at, "draft")
    at.button(key="draft_go").click()
    settle(run(at))
    draft = at.session_state["draft"]
    assert "Corvana Ledger" in draft.chosen.text or draft.chosen.source == "model"
    composer = next(c for c in draft.candidates if c.source != "model")
    assert "Corvana Ledger" in composer.text and "within ten years" in composer.text


def test_a_save_after_another_tab_saved_is_refused_and_keeps_the_plan(at: AppTest) -> None:
    fill_profile(at)
    open_plan(at)
    History().save_profile({"company": "Elsewhere"})  # another tab saves in between
    at.button(key="plan_save").click()
    run(at)
    assert any("Not saved" in w.value for w in at.warning)
    assert at.text_input(key="plan_v_what").value  # what the user typed is still in the form
    at.button(key="plan_save").click()
    run(at)
    assert any("Plan saved" in s.value for s in at.success)


def test_without_goals_the_exercises_build_a_plan(at: AppTest) -> None:
    at.text_input(key="company").input("Acme")
    run(at)
    open_plan(at)
    at.text_area(key="plan_ex_horizons").input("In ten years I want to lead a data engineering team.")
    at.text_area(key="plan_ex_lacking").input("Within twelve months I want to earn the Google Cloud data engineer certificate.")
    at.button(key="plan_from_exercises").click()
    run(at)
    assert "lead a data engineering team" in str(at.text_input(key="plan_v_what").value)
    assert "certificate" in str(at.text_input(key="plan_g0_what").value)
