"""The event log: one write path, ordered reads, edits refused by the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.errors import StoreUnavailable
from facilitate.core.events import ParticipantJoined, PhaseChanged
from facilitate.core.store import SQLiteStore


def test_append_returns_recorded_with_time_from_the_clock(store, clock):
    clock.now = 1234.5
    recorded = store.append("ABCDEF", PhaseChanged("alignment"))
    assert recorded.at == 1234.5
    assert recorded.session == "ABCDEF"
    assert store.read("ABCDEF") == [recorded]


def test_read_filters_by_session_after_and_kind(store):
    first = store.append("AAAAAA", ParticipantJoined("p1", "Ana"))
    store.append("BBBBBB", ParticipantJoined("p2", "Bo"))
    second = store.append("AAAAAA", CheckinAnswered("p1", "curious"))
    assert [r.id for r in store.read("AAAAAA")] == [first.id, second.id]
    assert [r.id for r in store.read("AAAAAA", after=first.id)] == [second.id]
    assert store.read("AAAAAA", kinds=["checkin_answered"]) == [second]
    assert [r.event for r in store.read_kind("participant_joined")] == [
        ParticipantJoined("p1", "Ana"),
        ParticipantJoined("p2", "Bo"),
    ]


def test_database_refuses_update_and_delete(store):
    store.append("AAAAAA", CheckinAnswered("p1", "curious"))
    raw = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute("UPDATE events SET payload = '{}'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute("DELETE FROM events")
    raw.close()
    assert len(store.read("AAAAAA")) == 1


def test_wal_mode_and_busy_timeout(store):
    raw = sqlite3.connect(store.path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()
    assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000


def test_delete_session_removes_only_that_session(store):
    store.append("AAAAAA", CheckinAnswered("p1", "curious"))
    store.append("AAAAAA", CheckinAnswered("p2", "tired"))
    store.append("BBBBBB", CheckinAnswered("p3", "hopeful"))
    assert store.delete_session("AAAAAA") == 2
    assert store.read("AAAAAA") == []
    assert len(store.read("BBBBBB")) == 1
    raw = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.IntegrityError):
        raw.execute("DELETE FROM events")
    raw.close()


def test_unwritable_location_is_one_clear_sentence(tmp_path: Path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data directory should be")
    with pytest.raises(StoreUnavailable) as raised:
        SQLiteStore(blocker / "events.sqlite3")
    message = str(raised.value)
    assert message.startswith(f"Cannot open the session store at {blocker}")
    assert message.endswith(
        "or choose another one with --data-dir or FACILITATE_DATA_DIR."
    )
