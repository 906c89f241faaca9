"""``facilitate store migrate``: a data directory's log copied into PostgreSQL."""

from __future__ import annotations

import pytest

from facilitate.cli import main
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


def test_migrate_copies_every_session_with_its_times(data_dir, postgres_url, capsys):
    args = ["store", "migrate", "--from", f"sqlite://{data_dir}", "--to", postgres_url]
    assert main(args) == 0
    source, target = open_store(data_dir), PostgresStore(postgres_url)
    sessions = list_sessions(source)
    assert [s.code for s in list_sessions(target)] == [s.code for s in sessions]
    for session in sessions:
        assert events_of(target, session.code) == events_of(source, session.code)
    total = sum(len(source.read(s.code)) for s in sessions)
    out = capsys.readouterr().out
    assert out.endswith(
        f"Copied {total} events of 2 sessions; "
        "0 already in the target were left unchanged.\n"
    )

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
