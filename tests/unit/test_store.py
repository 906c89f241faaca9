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
from facilitate.core.agenda import UnknownEventKind
from facilitate.core.errors import StoreUnavailable
from facilitate.core.events import (
    CORE_EVENTS,
    ParticipantJoined,
    PhaseChanged,
    SettingChanged,
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


# --- deletion that completes ----------------------------------------------------


def test_contract_a_deleted_session_refuses_writes(opened):
    from facilitate.core.errors import SessionEnded

    opened.append("AAAAAA", CheckinAnswered("p1", "curious"))
    assert opened.delete_session("AAAAAA") == 1
    assert opened.is_deleted("AAAAAA")
    assert not opened.is_deleted("BBBBBB")
    with pytest.raises(SessionEnded):
        opened.append("AAAAAA", CheckinAnswered("p1", "tired"))
    assert opened.delete_session("AAAAAA") == 0


def test_contract_unlinked_forms_wait_for_a_batch(opened):
    from facilitate.activities.feedback.events import FeedbackContent, FeedbackSent
    from facilitate.core.errors import AlreadyRecorded

    for who in ("p1", "p2"):
        marked = opened.append_unlinked(
            "AAAAAA", FeedbackSent(who), FeedbackContent(), 3
        )
        assert [r.event for r in marked] == [FeedbackSent(who)]
    with pytest.raises(AlreadyRecorded):
        opened.append_unlinked("AAAAAA", FeedbackSent("p1"), FeedbackContent(), 3)
    assert opened.read("AAAAAA", kinds=["feedback_content"]) == []
    released = opened.append_unlinked(
        "AAAAAA", FeedbackSent("p3"), FeedbackContent(), 3
    )
    assert [r.kind for r in released] == ["feedback_sent"] + ["feedback_content"] * 3
    assert len(opened.read("AAAAAA", kinds=["feedback_content"])) == 3


def raw_bytes(store) -> bytes:
    """Everything SQLite keeps on disk for ``store``: the file and its journal."""
    found = b""
    for suffix in ("", "-wal", "-shm"):
        path = store.path.with_name(store.path.name + suffix)
        if path.exists():
            found += path.read_bytes()
    return found


def test_contract_a_deleted_session_refuses_every_later_write(backend, opened):
    from facilitate.activities.feedback.events import FeedbackContent, FeedbackSent
    from facilitate.core.errors import SessionEnded

    other = backend.open()  # another kernel's store, opened before the deletion
    opened.append("AAAAAA", CheckinAnswered("p1", "curious"))
    opened.append_unlinked("AAAAAA", FeedbackSent("p0"), FeedbackContent(), 3)
    assert not opened.is_deleted("AAAAAA")
    assert opened.delete_session("AAAAAA") == 3, "two events and one held form"
    assert opened.is_deleted("AAAAAA")
    assert other.is_deleted("AAAAAA")
    with pytest.raises(SessionEnded, match="This session has ended"):
        opened.append("AAAAAA", CheckinAnswered("p1", "tired"))
    with pytest.raises(SessionEnded):
        opened.append_unlinked("AAAAAA", FeedbackSent("p1"), FeedbackContent(), 3)
    with pytest.raises(SessionEnded):
        other.append("AAAAAA", CheckinAnswered("p2", "tired"))
    with pytest.raises(SessionEnded):
        other.replace_held_contents("AAAAAA", [FeedbackContent()])
    other.close()
    assert opened.read("AAAAAA") == []
    assert opened.held_contents("AAAAAA") == []
    assert opened.deleted_sessions() == ["AAAAAA"]
    opened.append("BBBBBB", CheckinAnswered("p1", "curious"))  # others go on
    assert not opened.is_deleted("BBBBBB")


def test_contract_deleting_twice_and_without_a_session_row_is_fine(opened):
    from facilitate.core.sessions import create_session

    session = create_session(opened, "Spring PD", min_group_size=5)
    opened.append("CCCCCC", CheckinAnswered("stray", "tired"))  # no session_created
    assert opened.delete_session("CCCCCC") == 1
    assert opened.delete_session("CCCCCC") == 0
    assert opened.delete_session(session.code) == 3
    assert opened.delete_session(session.code) == 0
    assert opened.deleted_sessions() == sorted(["CCCCCC", session.code])


def test_contract_a_deleted_code_is_never_given_to_a_new_session(opened, monkeypatch):
    from facilitate.core import sessions

    codes = iter(["GONE01", "GONE01", "FRESH1"])
    monkeypatch.setattr(sessions, "new_code", lambda: next(codes))
    opened.delete_session("GONE01")
    assert sessions.create_session(opened, "Next room").code == "FRESH1"


def test_deleted_text_is_gone_from_the_file_and_the_journal(store, session):
    reader = SQLiteStore(store.path)  # an open page keeps its connection
    for index in range(400):
        store.append(
            session.code, ParticipantJoined(f"tok-{index}", f"Zelda{index}", "")
        )
        store.append("KEEPME", CheckinAnswered(f"k{index}", "curious"))
    assert len(reader.read(session.code)) == 403
    assert b"Zelda" in raw_bytes(store)
    store.delete_session(session.code)
    left = raw_bytes(store)
    assert b"Zelda" not in left
    assert b"tok-" not in left
    assert session.key.encode() not in left
    assert store.path.with_name(store.path.name + "-wal").stat().st_size == 0
    # The code itself stays only as the tombstone (a row and its index entry).
    assert left.count(session.code.encode()) <= 2
    assert len(reader.read("KEEPME")) == 400
    assert store._db.execute("PRAGMA secure_delete").fetchone()[0] == 1
    reader.close()


# --- feedback apart from the person ---------------------------------------------


def test_contract_unlinked_content_comes_out_at_once_in_random_order(opened, clock):
    from facilitate.activities.feedback.events import FeedbackContent, FeedbackSent
    from facilitate.core.errors import AlreadyRecorded

    forms = [FeedbackContent({"voice": 1}, helped=f"form {n}") for n in range(8)]
    for index, form in enumerate(forms[:-1]):
        clock.advance(60)
        recorded = opened.append_unlinked("AAAAAA", FeedbackSent(f"p{index}"), form, 8)
        assert [r.event for r in recorded] == [FeedbackSent(f"p{index}")]
        assert recorded[0].at == clock.now
    assert opened.read("AAAAAA", kinds=["feedback_content"]) == []
    held = opened.held_contents("AAAAAA")
    assert sorted(held, key=str) == sorted(forms[:-1], key=str)
    with pytest.raises(AlreadyRecorded):
        opened.append_unlinked("AAAAAA", FeedbackSent("p0"), forms[-1], 8)
    assert len(opened.held_contents("AAAAAA")) == 7, "a refused form is not held"
    clock.advance(60)
    released = opened.append_unlinked("AAAAAA", FeedbackSent("p7"), forms[-1], 8)
    contents = released[1:]
    assert sorted(c.event.helped for c in contents) == sorted(f.helped for f in forms)
    assert {c.at for c in contents} == {released[0].at}, "one time for the batch"
    assert [c.event for c in contents] != forms, "not in the order they came"
    assert opened.read("AAAAAA", kinds=["feedback_content"]) == contents
    assert opened.held_contents("AAAAAA") == []


def test_contract_held_contents_can_be_carried_over(opened):
    from facilitate.activities.feedback.events import FeedbackContent, FeedbackSent

    carried = [FeedbackContent(helped="kept"), FeedbackContent(helped="also kept")]
    opened.replace_held_contents("AAAAAA", carried)
    opened.replace_held_contents("AAAAAA", carried)  # again: still two, not four
    assert sorted(opened.held_contents("AAAAAA"), key=str) == sorted(carried, key=str)
    assert opened.read("AAAAAA") == [], "held, not appended"
    released = opened.append_unlinked(
        "AAAAAA", FeedbackSent("p3"), FeedbackContent(helped="new"), 3
    )
    assert sorted(r.event.helped for r in released[1:]) == ["also kept", "kept", "new"]


def test_unlinked_content_in_sqlite_keeps_no_time_and_no_order(store, clock):
    from facilitate.activities.feedback.events import FeedbackContent, FeedbackSent

    forms = [FeedbackContent({"voice": 1}, helped=f"form {n}") for n in range(8)]
    for index, form in enumerate(forms[:-1]):
        clock.advance(60)
        store.append_unlinked("AAAAAA", FeedbackSent(f"p{index}"), form, 8)
    assert store._db.execute("SELECT count(*) FROM held").fetchone()[0] == 7
    columns = [c[1] for c in store._db.execute("PRAGMA table_info(held)")]
    assert columns == ["slot", "session", "kind", "payload"], "no time kept"
    released = store.append_unlinked("AAAAAA", FeedbackSent("p7"), forms[-1], 8)
    ids = [c.id for c in released[1:]]
    assert ids == list(range(ids[0], ids[0] + 8))
    assert store._db.execute("SELECT count(*) FROM held").fetchone()[0] == 0
    wal = store.path.with_name(store.path.name + "-wal")
    assert wal.stat().st_size == 0, "the journal never keeps the arrival order"


# --- files for the owner only ---------------------------------------------------


def test_a_new_data_directory_and_its_files_are_the_owners_only(tmp_path):
    import os
    import stat

    old = os.umask(0o022)  # a permissive umask, as many machines have
    try:
        data = tmp_path / "new" / "data"
        opened = SQLiteStore(data / "facilitate.sqlite3")
        opened.append("AAAAAA", CheckinAnswered("p1", "curious"))
        modes = {
            path.name: stat.S_IMODE(path.stat().st_mode)
            for path in [data, *data.iterdir()]
        }
        opened.close()
    finally:
        os.umask(old)
    assert modes == {
        "data": 0o700,
        "facilitate.sqlite3": 0o600,
        "facilitate.sqlite3-wal": 0o600,
        "facilitate.sqlite3-shm": 0o600,
    }


def test_an_existing_open_data_directory_is_tightened(tmp_path):
    import stat

    SQLiteStore(tmp_path / "facilitate.sqlite3").close()
    tmp_path.chmod(0o755)
    (tmp_path / "facilitate.sqlite3").chmod(0o644)
    SQLiteStore(tmp_path / "facilitate.sqlite3").close()
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "facilitate.sqlite3").stat().st_mode) == 0o600
