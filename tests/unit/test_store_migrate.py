"""``facilitate store migrate``: a data directory's log copied into PostgreSQL."""

from __future__ import annotations

import pytest

from facilitate.activities.feedback.events import FeedbackContent, FeedbackSent
from facilitate.cli import main
from facilitate.core.errors import SessionEnded
from facilitate.core.events import PhaseChanged
from facilitate.core.sessions import create_session, list_sessions
from facilitate.core.store import open_store
from facilitate.core.store.migrate import ReplayClock
from facilitate.core.store.postgres import PostgresStore
from facilitate.demo import seed_demo


@pytest.fixture(autouse=True)
def _no_store_leaks(monkeypatch):
    """The command writes --store into the environment; undo it after each test."""
    monkeypatch.setenv("FACILITATE_STORE", "")


@pytest.fixture
def data_dir(tmp_path):
    store = open_store(tmp_path)
    seed_demo(store)
    create_session(store, "A second room")
    store.close()
    return tmp_path


def events_of(store, code):
    return [(r.at, r.event) for r in store.read(code)]


def held_of(store, code):
    return sorted(map(repr, store.held_contents(code)))


def test_migrate_copies_every_session_with_its_times(data_dir, postgres_url, capsys):
    args = ["store", "migrate", "--from", f"sqlite://{data_dir}", "--to", postgres_url]
    assert main(args) == 0
    source, target = open_store(data_dir), PostgresStore(postgres_url)
    sessions = list_sessions(source)
    assert [s.code for s in list_sessions(target)] == [s.code for s in sessions]
    for session in sessions:
        assert events_of(target, session.code) == events_of(source, session.code)
    total = sum(len(source.read(s.code)) for s in sessions)
    held = sum(len(source.held_contents(s.code)) for s in sessions)
    assert held > 0, "the demo leaves forms waiting for their batch"
    out = capsys.readouterr().out
    assert out.endswith(
        f"Copied {total} events of 2 sessions; "
        "0 already in the target were left unchanged. "
        f"{held} feedback forms waiting for their batch are held in the target, "
        "not released.\n"
    )
    for session in sessions:
        assert held_of(target, session.code) == held_of(source, session.code)

    assert main(args) == 0
    assert capsys.readouterr().out.endswith(
        "Copied 0 events of 0 sessions; 2 already in the target were left unchanged.\n"
    )
    assert sum(len(target.read(s.code)) for s in sessions) == total
    source.close()
    target.close()


def test_an_interrupted_copy_is_completed(data_dir, postgres_url):
    source = open_store(data_dir)
    session = list_sessions(source)[0]
    clock = ReplayClock()
    target = PostgresStore(postgres_url, clock=clock)
    for record in source.read(session.code)[:3]:
        clock.now = record.at
        target.append(session.code, record.event)
    args = ["--data-dir", str(data_dir), "store", "migrate", "--to", postgres_url]
    assert main(args) == 0
    assert events_of(target, session.code) == events_of(source, session.code)
    source.close()
    target.close()


def test_a_session_the_target_holds_otherwise_stops_the_copy(
    data_dir, tmp_path_factory, capsys
):
    other = tmp_path_factory.mktemp("other")
    source = open_store(data_dir)
    clash, spared = list_sessions(source)
    target = open_store(other)
    target.append(clash.code, PhaseChanged("somewhere else"))
    args = ["store", "migrate", "--from", f"sqlite://{data_dir}"]
    assert main([*args, "--to", f"sqlite://{other}"]) == 2
    assert capsys.readouterr().err == (
        f"facilitate: The target already holds session {clash.code} with other "
        "events, so nothing was copied. Check that --to names the store you mean; "
        "a session both logs hold must be deleted from one of them (facilitate "
        "--store ADDRESS session delete CODE) before copying.\n"
    )
    assert target.read(spared.code) == []
    assert len(target.read(clash.code)) == 1
    source.close()
    target.close()


def test_a_missing_source_or_the_same_store_is_refused(tmp_path, capsys):
    missing = tmp_path / "nothing-here"
    args = ["store", "migrate", "--from", f"sqlite://{missing}", "--to"]
    assert main([*args, f"sqlite://{tmp_path}"]) == 2
    assert capsys.readouterr().err == (
        f"facilitate: There is no session log at {missing}/facilitate.sqlite3. "
        "Give the data directory that holds facilitate.sqlite3 with "
        "--from sqlite:///path/to/data-dir.\n"
    )
    assert not missing.exists()
    open_store(tmp_path).close()
    here = f"sqlite://{tmp_path}"
    assert main(["store", "migrate", "--from", here, "--to", here]) == 2
    assert capsys.readouterr().err == (
        f"facilitate: --from and --to both name sqlite://{tmp_path}/"
        "facilitate.sqlite3. Give the new store with --to.\n"
    )
    assert main(["store", "migrate", "--from", here, "--to", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith(f"facilitate: '{tmp_path}' is not a ")


def send_forms(store, code, people, batch=5):
    for person in people:
        form = FeedbackContent({"voice": 4}, helped=f"from {person}")
        store.append_unlinked(code, FeedbackSent(person), form, batch)


def test_migrate_carries_tombstones_and_forms_held_for_their_batch(
    tmp_path, postgres_url, capsys
):
    source = open_store(tmp_path)
    closing = create_session(source, "Closing circle", min_group_size=5)
    gone = create_session(source, "Deleted room")
    source.delete_session(gone.code)
    send_forms(source, closing.code, ["p1", "p2"])
    args = ["store", "migrate", "--from", f"sqlite://{tmp_path}", "--to", postgres_url]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert (
        f"  {gone.code}  deleted in the source: its code stays closed here too\n" in out
    )
    assert f"  {closing.code}  5 events copied, 2 forms held for their batch  " in out
    assert out.endswith(
        "Copied 5 events of 1 session; 0 already in the target were left "
        "unchanged. 1 deleted session code will take no answers in the target "
        "either. 2 feedback forms waiting for their batch are held in the target, "
        "not released.\n"
    )
    target = PostgresStore(postgres_url)
    assert target.is_deleted(gone.code)
    with pytest.raises(SessionEnded):
        target.append(gone.code, PhaseChanged("reopened"))
    assert held_of(target, closing.code) == held_of(source, closing.code)
    assert target.read(closing.code, kinds=["feedback_content"]) == []

    assert main(args) == 0  # again: nothing new, nothing doubled
    assert capsys.readouterr().out.endswith(
        "Copied 0 events of 0 sessions; 1 already in the target were left unchanged.\n"
    )
    send_forms(source, closing.code, ["p3"])  # the source went on meanwhile
    assert main(args) == 0
    assert held_of(target, closing.code) == held_of(source, closing.code)
    send_forms(target, closing.code, ["p4", "p5"])
    released = target.read(closing.code, kinds=["feedback_content"])
    assert sorted(r.event.helped for r in released) == [
        f"from p{n}" for n in range(1, 6)
    ]
    assert target.held_contents(closing.code) == []
    source.close()
    target.close()


def test_a_code_deleted_on_one_side_and_held_on_the_other_stops_the_copy(
    tmp_path_factory, capsys
):
    one, other = tmp_path_factory.mktemp("one"), tmp_path_factory.mktemp("other")
    source, target = open_store(one), open_store(other)
    kept = create_session(source, "Kept in the source")
    target.delete_session(kept.code)
    args = [
        "store",
        "migrate",
        "--from",
        f"sqlite://{one}",
        "--to",
        f"sqlite://{other}",
    ]
    assert main(args) == 2
    assert capsys.readouterr().err == (
        f"facilitate: The target has deleted session {kept.code}, which the source "
        "still holds, so nothing was copied. A deleted code takes no more answers: "
        "delete it from the source too (facilitate --store ADDRESS session delete "
        "CODE) if it should go, or copy into another store.\n"
    )
    source.delete_session(kept.code)
    target_only = create_session(target, "Only in the target")
    source.delete_session(target_only.code)
    assert main(args) == 2
    assert capsys.readouterr().err == (
        f"facilitate: The source has deleted session {target_only.code}, which the "
        "target still holds, so nothing was copied. If they are the same sessions, "
        "delete them from the target too (facilitate --store ADDRESS session delete "
        "CODE), then copy again.\n"
    )
    assert not target.is_deleted(target_only.code)
    assert len(target.read(target_only.code)) == 3
    source.close()
    target.close()
