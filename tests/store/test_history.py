"""The history store on both engines: migrations, attempts, paging, profile, drafts, exports, users kept apart."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from coach.errors import ProfileConflict
from coach.history import MIGRATIONS, History, default_path, open_store
from coach.history import migrations as migrations_module
from coach.rubric import RubricResult, score_answer
from tests.conftest import PROFILES
from tests.store.conftest import Place

PROFILE = PROFILES[0]


def scored(style: str) -> RubricResult:
    return score_answer(PROFILE.answers[style], PROFILE.target())


def test_path_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DB_PATH", str(tmp_path / "x" / "h.db"))
    assert default_path() == tmp_path / "x" / "h.db"
    monkeypatch.delenv("COACH_DB_PATH")
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "history.sqlite3"
    monkeypatch.delenv("COACH_DATA_DIR")
    assert "career-goals-coach" in str(default_path())  # the user's data folder


def test_migrations_run_once_in_order_and_the_version_is_recorded(place: Place) -> None:
    store = place.open()
    names = [m.__name__ for m in MIGRATIONS]
    assert store.migrations() == names and names[0] == "m001_initial"
    assert place.open().migrations() == names  # opening again applies nothing twice
    assert store.engine.version() == len(MIGRATIONS)
    if place.path is not None:
        with sqlite3.connect(place.path) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_a_database_from_an_older_version_is_migrated_forward_and_its_rows_go_to_the_local_user(
    place: Place, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(migrations_module, "MIGRATIONS", MIGRATIONS[:3])
    monkeypatch.setattr("coach.history.engine.MIGRATIONS", MIGRATIONS[:3])
    old = place.open()
    with old.engine.transaction(write=True) as db:
        db.execute(
            "INSERT INTO attempts (created_at, kind, answer, scores) VALUES ('2026-01-01T00:00:00+00:00', 'score', 'old', ?)",
            ('{"overall": 50}',),
        )
        db.execute("INSERT INTO profile (field, value) VALUES ('company', 'Acme')")
    monkeypatch.undo()
    store = place.open()
    assert store.migrations() == [m.__name__ for m in MIGRATIONS]
    (attempt,) = store.attempts()
    assert attempt.answer == "old" and attempt.question == "" and store.best() == attempt
    assert store.load_profile_record().fields == {"company": "Acme"} and store.load_profile_record().version == 1
    assert place.open("someone").attempts() == [] and place.open("someone").load_profile() == {}


def test_a_file_recorded_with_the_old_migrations_table_is_adopted(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE _migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        db.execute(
            "CREATE TABLE attempts (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, kind TEXT NOT NULL, "
            "answer TEXT NOT NULL, company TEXT NOT NULL DEFAULT '', role TEXT NOT NULL DEFAULT '', goals TEXT NOT NULL "
            "DEFAULT '', scores TEXT NOT NULL, findings TEXT NOT NULL DEFAULT '[]', word_count INTEGER NOT NULL DEFAULT 0, "
            "speaking_seconds REAL NOT NULL DEFAULT 0, backend TEXT NOT NULL DEFAULT 'rubric', model TEXT NOT NULL DEFAULT '')"
        )
        db.execute("CREATE INDEX attempts_created ON attempts (created_at)")
        db.execute("CREATE TABLE profile (field TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("INSERT INTO _migrations VALUES (1, 'm001_initial', '2026-01-01T00:00:00+00:00')")
        db.execute("INSERT INTO attempts (created_at, kind, answer, scores) VALUES ('2026-01-01', 'score', 'kept', '{}')")
    store = History(path)
    assert store.migrations() == [m.__name__ for m in MIGRATIONS]
    assert [a.answer for a in store.attempts()] == ["kept"]


def test_attempts_are_saved_listed_compared_and_deleted(place: Place) -> None:
    store = place.open()
    first = store.save("score", PROFILE.answers["vague"], scored("vague"), company=PROFILE.company, backend="rubric")
    second = store.save(
        "stronger", PROFILE.answers["strong"], scored("strong"), company=PROFILE.company, model="m", parent_id=first
    )
    third = store.save_scores("followup", "I will study.", {"relevance": 70, "succinctness": 80}, [], 3, 1.3, question="How?")
    assert [a.id for a in store.attempts()] == [first, second, third]
    assert [a.id for a in store.attempts(("score",))] == [first]
    got = store.get(second)
    assert got is not None and got.parent_id == first and got.scores["overall"] == scored("strong").scores.overall
    assert got.findings == [f.to_dict() for f in scored("strong").findings]
    best, latest = store.best(), store.latest()
    assert best is not None and best.id == second
    assert latest is not None and latest.id == second  # follow-up answers are not whole answers
    assert store.delete(first) is True and store.delete(first) is False
    assert store.get(second) is not None and store.get(second).parent_id is None  # type: ignore[union-attr]
    assert store.delete_all() == 2 and store.attempts() == []
    with pytest.raises(ValueError):
        store.save("bogus", "x", scored("vague"))


def test_audio_is_kept_only_when_given(place: Place) -> None:
    store = place.open()
    spoken = store.save("spoken", "answer", scored("vague"), delivery={"score": 80}, audio=b"\x00RIFF", audio_type="audio/wav")
    plain = store.save("score", "answer", scored("vague"))
    assert store.audio(spoken) == (b"\x00RIFF", "audio/wav") and store.audio(plain) is None
    got = store.get(spoken)
    assert got is not None and got.has_audio and got.delivery == {"score": 80}


def test_rescoring_the_same_answer_updates_the_latest_attempt_of_its_kind(place: Place) -> None:
    store = place.open()
    first = store.record_attempt("score", "same text", scored("vague"), company="A", audio=b"rec", audio_type="audio/wav")
    again = store.record_scores("score", "same text", {"overall": 99.0}, [], 2, 1.0, company="B")
    assert again == first and store.count() == 1
    got = store.get(first)
    assert got is not None and got.scores == {"overall": 99.0} and got.company == "B"
    assert store.audio(first) == (b"rec", "audio/wav")  # a re-score without a recording keeps the old one
    assert store.record_attempt("draft", "same text", scored("vague")) != first  # another kind is another attempt
    other = store.record_attempt("score", "new text", scored("vague"))
    assert other != first and store.record_attempt("score", "same text", scored("vague")) not in (first, other)
    assert store.save("score", "same text", scored("vague")) != first  # save always adds
    assert store.count() == 5


def test_history_pages_through_attempts(place: Place) -> None:
    store = place.open()
    ids = [store.save_scores("score" if i % 2 else "draft", f"answer {i}", {"overall": i}, [], 2, 1.0) for i in range(12)]
    assert store.count() == 12 and store.count(("score",)) == 6
    assert [a.id for a in store.list_attempts(limit=5)] == ids[::-1][:5]
    assert [a.id for a in store.list_attempts(limit=5, offset=10)] == ids[::-1][10:]
    assert [a.id for a in store.list_attempts(limit=3, offset=1, newest_first=False)] == ids[1:4]
    assert [a.id for a in store.list_attempts(limit=2, kinds=("draft",))] == [ids[10], ids[8]]
    assert store.list_attempts(limit=5, offset=50) == []
    assert [a.id for a in store.iter_attempts(batch=5)] == ids


def test_the_profile_is_versioned_and_an_older_save_is_refused_with_both_texts(place: Place) -> None:
    store = place.open()
    assert store.load_profile_record().version == 0
    assert store.save_profile({"company": "Acme", "role": "Engineer", "api_key": "sk-never-saved"}) == 1
    tab_a = store.load_profile_record()
    tab_b = place.open().load_profile_record()
    assert tab_a.version == tab_b.version == 1
    assert store.save_profile({"role": "Senior Engineer"}, version=tab_a.version, plan='{"goals": []}') == 2
    with pytest.raises(ProfileConflict) as refused:
        place.open().save_profile({"role": "Intern"}, version=tab_b.version, plan="{}")
    conflict = refused.value
    assert conflict.stored_fields == {"company": "Acme", "role": "Senior Engineer"} and conflict.stored_plan == '{"goals": []}'
    assert conflict.rejected_fields == {"role": "Intern"} and conflict.rejected_plan == "{}"
    assert (conflict.stored_version, conflict.rejected_version) == (2, 1)
    record = place.open().load_profile_record()
    assert record.fields == {"company": "Acme", "role": "Senior Engineer"} and record.plan == '{"goals": []}'
    assert store.save_profile({"vision": "Lead"}) == 3 and store.load_profile_record().plan == '{"goals": []}'


def test_drafts_are_kept_per_box(place: Place) -> None:
    store = place.open()
    store.save_box_draft("answer", "half an answer")
    store.save_box_draft("posting", "We hire")
    store.save_box_draft("answer", "a whole answer")
    assert place.open().load_box_drafts() == {"answer": "a whole answer", "posting": "We hire"}
    store.save_box_draft("posting", "")
    assert store.load_box_drafts() == {"answer": "a whole answer"}
    with pytest.raises(ValueError):
        store.save_box_draft("", "x")


def test_text_the_engines_would_reject_is_cleaned_not_fatal(place: Place) -> None:
    store = place.open()
    attempt = store.save_scores("score", "nul\x00 and lone \ud800 surrogate", {"overall": 1}, [], 4, 1.0)
    got = store.get(attempt)
    assert got is not None and got.answer == "nul and lone ? surrogate"
    store.save_profile({"company": "A\x00cme"})
    assert store.load_profile() == {"company": "Acme"}


def test_exports_hold_every_attempt(place: Place) -> None:
    store = place.open()
    store.save_profile({"company": PROFILE.company}, plan='{"vision": "x"}')
    first = store.save("score", PROFILE.answers["vague"], scored("vague"), company=PROFILE.company, role=PROFILE.role)
    second = store.save("draft", PROFILE.answers["strong"], scored("strong"), company=PROFILE.company, model="SmolLM2")
    data = json.loads(store.export_json())
    assert data["profile"] == {"company": PROFILE.company} and data["plan"] == '{"vision": "x"}'
    assert [a["kind"] for a in data["attempts"]] == ["score", "draft"]
    assert data["attempts"][1]["answer"] == PROFILE.answers["strong"]
    md = store.export_markdown()
    assert md.startswith("# Career-goals practice history")
    assert f"## Attempt {first}: score" in md and f"## Attempt {second}: draft" in md
    assert f"Overall {scored('strong').scores.overall:.0f}" in md
    assert "> " + PROFILE.answers["strong"].splitlines()[0] in md
    assert "produced by SmolLM2" in md


def test_two_users_never_see_each_others_rows(place: Place) -> None:
    ann, bob = place.open("ann@example.org"), place.open("bob@example.org")
    ann_id = ann.save("spoken", "Ann's answer", scored("strong"), audio=b"ann", audio_type="audio/wav")
    ann.save_profile({"company": "Ann Co"}, plan="ann plan")
    ann.save_box_draft("answer", "Ann's draft")
    bob_id = bob.save("score", "Bob's answer", scored("vague"))
    bob.save_profile({"company": "Bob Co"})
    # Bob's view of everything Ann has.
    assert [a.id for a in bob.attempts()] == [bob_id] and bob.count() == 1
    assert [a.id for a in bob.list_attempts(limit=10)] == [bob_id]
    assert bob.get(ann_id) is None and bob.audio(ann_id) is None
    assert bob.best() is not None and bob.best().id == bob_id  # type: ignore[union-attr]
    assert bob.latest() is not None and bob.latest().id == bob_id  # type: ignore[union-attr]
    assert bob.load_profile_record().fields == {"company": "Bob Co"} and bob.load_profile_record().plan == ""
    assert bob.load_box_drafts() == {}
    assert "Ann" not in bob.export_json() and "Ann" not in bob.export_markdown()
    assert bob.record_attempt("spoken", "Ann's answer", scored("vague")) != ann_id  # dedupe never crosses users
    assert bob.save("score", "x", scored("vague"), parent_id=ann_id) and bob.latest().parent_id is None  # type: ignore[union-attr]
    assert bob.delete(ann_id) is False
    assert bob.delete_all() == 3
    bob.forget_user()
    # Ann's rows are all still there.
    assert [a.id for a in ann.attempts()] == [ann_id] and ann.audio(ann_id) == (b"ann", "audio/wav")
    assert ann.load_profile_record().fields == {"company": "Ann Co"} and ann.load_box_drafts() == {"answer": "Ann's draft"}
    assert bob.for_user("ann@example.org").count() == 1


def test_open_store_opens_each_place_once_and_hands_out_user_views(tmp_path: Path) -> None:
    first = open_store("ann", path=tmp_path / "h.sqlite3")
    second = open_store("bob", path=tmp_path / "h.sqlite3")
    assert first.engine is second.engine and (first.user, second.user) == ("ann", "bob")
    with pytest.raises(ValueError):
        open_store("", path=tmp_path / "h.sqlite3")
