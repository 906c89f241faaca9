"""The store contract: one write path, ordered reads, edits refused by the database.

Every test taking ``backend`` runs on SQLite and on a real PostgreSQL alike.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.errors import StoreUnavailable
from facilitate.core.events import (
    CORE_EVENTS,
    ParticipantJoined,
    PhaseChanged,
    SettingChanged,
    UnknownEventKind,
)
from facilitate.core.store import EventStore, SQLiteStore
from tests.conftest import FakeClock
from tests.store_backends import Backend


@pytest.fixture
def opened(backend: Backend, clock: FakeClock) -> Iterator[EventStore]:
    store = backend.open(clock)
    yield store
    store.close()


def test_append_returns_recorded_with_time_from_the_clock(opened, clock):
    clock.now = 1234.5
    recorded = opened.append("ABCDEF", PhaseChanged("alignment"))
    assert recorded.at == 1234.5
    assert recorded.session == "ABCDEF"
    assert opened.read("ABCDEF") == [recorded]


def test_read_filters_by_session_after_and_kind(opened):
    first = opened.append("AAAAAA", ParticipantJoined("p1", "Ana"))
    opened.append("BBBBBB", ParticipantJoined("p2", "Bo"))
    second = opened.append("AAAAAA", CheckinAnswered("p1", "curious"))
    assert [r.id for r in opened.read("AAAAAA")] == [first.id, second.id]
    assert [r.id for r in opened.read("AAAAAA", after=first.id)] == [second.id]
    assert opened.read("AAAAAA", kinds=["checkin_answered"]) == [second]
    assert opened.read("AAAAAA", kinds=[]) == []
    assert [r.event for r in opened.read_kind("participant_joined")] == [
        ParticipantJoined("p1", "Ana"),
        ParticipantJoined("p2", "Bo"),
    ]


ODD_TEXT = "nul\x00 tab\t <b>markup</b> 'quote\" é 漢字 👩🏽‍🏫 \u202e" + "x" * 5000


@pytest.mark.parametrize(
    "event",
    [
        ParticipantJoined("p1", ODD_TEXT, "teacher"),
        SettingChanged("min_group_size", 7),
        SettingChanged("show_names", True),
        SettingChanged("note", None),
        SettingChanged("list", [1, "two", {"three": 3.5}]),
        SettingChanged("float", 0.1 + 0.2),
    ],
)
def test_events_come_back_exactly_as_appended(backend, clock, event):
    store = backend.open(clock)
    recorded = store.append("ODDTXT", event)
    store.close()
    reopened = backend.open(clock)
    assert reopened.read("ODDTXT") == [recorded]
    reopened.close()


def test_every_core_kind_round_trips_through_the_registry(opened):
    samples = {
        cls.kind: cls(**{name: f"v-{name}" for name in cls.field_names()})
        for cls in CORE_EVENTS
        if cls.kind != "session_created"
    }
    for event in samples.values():
        opened.append("KINDS", event)
    assert [r.event for r in opened.read("KINDS")] == list(samples.values())


def test_an_unknown_kind_in_the_log_names_the_valid_ones(backend, opened):
    backend.raw(
        f"INSERT INTO {backend.table} (session, kind, at, payload) "
        "VALUES ('STRAY', 'no_such_kind', 1.0, '{}')"
    )
    with pytest.raises(UnknownEventKind, match="'no_such_kind' is not an event kind"):
        opened.read("STRAY")


def test_database_refuses_update_and_delete(backend, opened):
    opened.append("AAAAAA", CheckinAnswered("p1", "curious"))
    with pytest.raises(backend.refusal, match="append-only"):
        backend.raw(f"UPDATE {backend.table} SET kind = 'x'")
    with pytest.raises(backend.refusal, match="append-only"):
        backend.raw(f"DELETE FROM {backend.table}")
    assert len(opened.read("AAAAAA")) == 1


def test_delete_session_removes_only_that_session(backend, opened):
    opened.append("AAAAAA", CheckinAnswered("p1", "curious"))
    opened.append("AAAAAA", CheckinAnswered("p2", "tired"))
    opened.append("BBBBBB", CheckinAnswered("p3", "hopeful"))
    assert opened.delete_session("AAAAAA") == 2
    assert opened.read("AAAAAA") == []
    assert len(opened.read("BBBBBB")) == 1
    assert opened.delete_session("NOSUCH") == 0
    with pytest.raises(backend.refusal, match="append-only"):
        backend.raw(f"DELETE FROM {backend.table}")


def test_a_second_store_on_the_same_log_sees_everything_and_continues(backend):
    first = backend.open()
    written = [first.append("SHARED", PhaseChanged(f"p{i}")) for i in range(3)]
    second = backend.open()
    assert second.read("SHARED") == written
    later = second.append("SHARED", PhaseChanged("later"))
    assert later.id > written[-1].id
    assert first.read("SHARED", after=written[-1].id) == [later]
    first.close()
    second.close()


WRITERS = 8
EACH = 40


def _write(args: tuple[Backend, int]) -> None:
    backend, writer = args
    store = backend.open()
    for answer in range(EACH):
        store.append("RACE", CheckinAnswered(f"w{writer}", str(answer)))
    store.close()


def test_a_poller_following_concurrent_writers_misses_and_repeats_nothing(backend):
    """Read ``after`` the last id seen while writers append: each event once, in
    order (a poller on a store numbering before commit would skip late commits)."""
    follower = backend.open()
    context = multiprocessing.get_context("fork")
    writers = [
        context.Process(target=_write, args=((backend, w),)) for w in range(WRITERS)
    ]
    for process in writers:
        process.start()
    seen: list[int] = []

    def follow() -> None:
        seen.extend(r.id for r in follower.read("RACE", after=seen[-1] if seen else 0))

    while any(p.is_alive() for p in writers):
        follow()
    for process in writers:
        process.join(timeout=60)
    follow()
    assert [p.exitcode for p in writers] == [0] * WRITERS
    everything = follower.read("RACE")
    assert seen == [r.id for r in everything]
    assert len(everything) == WRITERS * EACH
    pairs = {(r.event.participant, r.event.answer) for r in everything}
    assert len(pairs) == WRITERS * EACH
    follower.close()


# --- SQLite only -----------------------------------------------------------------


def test_sqlite_wal_mode_and_busy_timeout(store):
    raw = sqlite3.connect(store.path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()
    assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000


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
