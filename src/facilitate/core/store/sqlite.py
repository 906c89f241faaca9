"""SQLite event store: WAL mode, a busy timeout, and triggers that refuse edits.

Many Voila kernels (one per browser) write to the same file at once. WAL lets
readers and a writer proceed together; the busy timeout plus a short retry with
back-off means a participant never sees "database is locked". UPDATE and DELETE
on the events table are aborted by the database itself, so nothing a participant
submits can be overwritten by any code path. The one exception is
``delete_session``, which a facilitator asks for explicitly: it lifts the guard for
one transaction through a flag table the triggers consult, and leaves a tombstone
that a trigger checks on every insert, so a page still open cannot write again.

Deleted text must not survive anywhere in the files: ``secure_delete`` overwrites
it where it lies, ``VACUUM`` rewrites every page (earlier rebalancing may have left
stale copies of a row in a page's free space, which ``secure_delete`` never sees),
and the journal (the ``-wal`` file, which keeps earlier images of every page it
touched) is checkpointed and truncated after a deletion. The
same truncation follows every ``append_unlinked``, whose held contents live in a
table keyed by random numbers, with no time, so the files never say in what order
they arrived.
"""

from __future__ import annotations

import json
import logging
import random
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from facilitate.core.agenda import event_from_payload
from facilitate.core.errors import AlreadyRecorded, SessionEnded, StoreUnavailable
from facilitate.core.events import Event, Recorded
from facilitate.core.files import private_directory, private_file, restrict
from facilitate.core.store.base import Clock
from facilitate.core.store.sqlite_news import wait_for_news

TOMBSTONE_REFUSAL = "session deleted: writes are refused"
SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session TEXT NOT NULL,
    kind TEXT NOT NULL,
    at REAL NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_session ON events (session, id);
CREATE INDEX IF NOT EXISTS events_by_kind ON events (kind, id);
CREATE TABLE IF NOT EXISTS deletion_guard (session TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS tombstones (session TEXT PRIMARY KEY, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS held (
    slot INTEGER PRIMARY KEY,
    session TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: updates are refused');
END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
WHEN NOT EXISTS (SELECT 1 FROM deletion_guard WHERE session = OLD.session)
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: deletes are refused');
END;
CREATE TRIGGER IF NOT EXISTS events_not_after_deletion BEFORE INSERT ON events
WHEN EXISTS (SELECT 1 FROM tombstones WHERE session = NEW.session)
BEGIN
    SELECT RAISE(ABORT, 'session deleted: writes are refused');
END;
CREATE TRIGGER IF NOT EXISTS held_not_after_deletion BEFORE INSERT ON held
WHEN EXISTS (SELECT 1 FROM tombstones WHERE session = NEW.session)
BEGIN
    SELECT RAISE(ABORT, 'session deleted: writes are refused');
END;
"""

T = TypeVar("T")

BUSY_TIMEOUT_MS = 10_000
RETRY_SECONDS = 30.0
#: How long a deletion waits for readers so it can empty the journal.
DELETE_JOURNAL_SECONDS = 30.0
#: How long a held submission waits for that (a person is waiting on it).
HOLD_JOURNAL_SECONDS = 2.0
JOURNALS = ("-wal", "-shm")
log = logging.getLogger(__name__)


def _is_contention(error: sqlite3.OperationalError) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message


def _payload(event: Event) -> str:
    return json.dumps(event.payload(), ensure_ascii=False, sort_keys=True)


class SQLiteStore:
    """The default store: one SQLite file in the data directory."""

    def __init__(self, path: Path, clock: Clock | None = None) -> None:
        self.path = Path(path)
        self._clock: Clock = clock or time.time
        self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        try:
            private_directory(self.path.parent)
            private_file(self.path)
            db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA secure_delete=ON")
            self._with_retry(lambda: db.executescript(SCHEMA))
            self._with_retry(lambda: self._probe_write(db))
        except (sqlite3.Error, OSError) as error:
            raise StoreUnavailable(
                f"Cannot open the session store at {self.path} ({error}). "
                "Check that the data directory exists and is writable, or choose "
                "another one with --data-dir or FACILITATE_DATA_DIR."
            ) from None
        for suffix in JOURNALS:
            restrict(self.path.with_name(self.path.name + suffix))
        return db

    @staticmethod
    def _probe_write(db: sqlite3.Connection) -> None:
        """Fail now, at startup, if the file cannot be written (rolled back)."""
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("INSERT OR IGNORE INTO deletion_guard VALUES ('')")
        finally:
            db.execute("ROLLBACK")

    def _with_retry(self, action: Callable[[], T]) -> T:
        """Run ``action`` and retry on lock contention with jittered back-off."""
        deadline = time.monotonic() + RETRY_SECONDS
        delay = 0.01
        while True:
            try:
                return action()
            except sqlite3.OperationalError as error:
                if not _is_contention(error) or time.monotonic() > deadline:
                    raise
                time.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, 0.5)

    def _transaction(self, body: Callable[[], T]) -> T:
        """Run ``body`` in one write transaction (retried whole on contention)."""

        def attempt() -> T:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                result = body()
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            return result

        return self._with_retry(attempt)

    def _write(self, action: Callable[[], T]) -> T:
        """Run a write; a tombstone or a failing disk becomes one plain sentence."""
        try:
            return self._with_retry(action)
        except sqlite3.IntegrityError as error:
            if TOMBSTONE_REFUSAL in str(error):
                raise SessionEnded() from None
            raise self._unwritable(error) from None
        except sqlite3.Error as error:
            raise self._unwritable(error) from None

    def _unwritable(self, error: sqlite3.Error) -> StoreUnavailable:
        return StoreUnavailable(
            f"Could not save to the session store at {self.path} ({error}). "
            "Your answer was not recorded: check the disk, then try again."
        )

    def _insert(self, session: str, kind: str, at: float, payload: str) -> int:
        cursor = self._db.execute(
            "INSERT INTO events (session, kind, at, payload) VALUES (?, ?, ?, ?)",
            (session, kind, at, payload),
        )
        return int(cursor.lastrowid or 0)

    def append(self, session: str, event: Event) -> Recorded:
        at = self._clock()
        payload = _payload(event)
        event_id = self._write(lambda: self._insert(session, event.kind, at, payload))
        return Recorded(id=event_id, session=session, at=at, event=event)

    def append_unlinked(
        self, session: str, marker: Event, content: Event, batch: int
    ) -> list[Recorded]:
        at = self._clock()
        marked = _payload(marker)

        def body() -> list[Recorded]:
            if self._db.execute(
                "SELECT 1 FROM events WHERE session = ? AND kind = ? AND payload = ?",
                (session, marker.kind, marked),
            ).fetchone():
                raise AlreadyRecorded()
            marker_id = self._insert(session, marker.kind, at, marked)
            self._hold(session, content)
            released = self._release_held(session, content.kind, batch, at)
            return [Recorded(marker_id, session, at, marker), *released]

        recorded = self._write(lambda: self._transaction(body))
        if not self._empty_journal(HOLD_JOURNAL_SECONDS):
            log.warning("the journal of %s still holds arrival order", self.path)
        return recorded

    def _hold(self, session: str, content: Event) -> None:
        """Keep ``content`` under a random slot number: no time, no order."""
        while True:
            slot = secrets.randbits(62) + 1
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO held (slot, session, kind, payload) "
                "VALUES (?, ?, ?, ?)",
                (slot, session, content.kind, _payload(content)),
            )
            if cursor.rowcount == 1:
                return

    def _release_held(
        self, session: str, kind: str, batch: int, at: float
    ) -> list[Recorded]:
        """Append every held ``kind`` content once ``batch`` are held, in slot order."""
        rows: list[tuple[str]] = self._db.execute(
            "SELECT payload FROM held WHERE session = ? AND kind = ? ORDER BY slot",
            (session, kind),
        ).fetchall()
        if len(rows) < max(int(batch), 1):
            return []
        self._db.execute(
            "DELETE FROM held WHERE session = ? AND kind = ?", (session, kind)
        )
        return [
            Recorded(
                id=self._insert(session, kind, at, payload),
                session=session,
                at=at,
                event=event_from_payload(kind, json.loads(payload)),
            )
            for (payload,) in rows
        ]

    def read(
        self, session: str, after: int = 0, kinds: Iterable[str] | None = None
    ) -> list[Recorded]:
        query = "SELECT id, session, kind, at, payload FROM events WHERE session = ?"
        params: list[object] = [session]
        if after:
            query += " AND id > ?"
            params.append(after)
        if kinds is not None:
            wanted = list(kinds)
            query += f" AND kind IN ({', '.join('?' for _ in wanted)})"
            params.extend(wanted)
        return self._fetch(query + " ORDER BY id", params)

    def read_kind(self, kind: str) -> list[Recorded]:
        return self._fetch(
            "SELECT id, session, kind, at, payload FROM events WHERE kind = ? "
            "ORDER BY id",
            [kind],
        )

    def _fetch(self, query: str, params: list[object]) -> list[Recorded]:
        rows: list[tuple[int, str, str, float, str]] = self._with_retry(
            lambda: self._db.execute(query, params).fetchall()
        )
        return [
            Recorded(
                id=row[0],
                session=row[1],
                at=row[3],
                event=event_from_payload(row[2], json.loads(row[4])),
            )
            for row in rows
        ]

    def delete_session(self, session: str) -> int:
        def remove() -> int:
            self._db.execute(
                "INSERT OR IGNORE INTO tombstones VALUES (?, ?)",
                (session, self._clock()),
            )
            self._db.execute(
                "INSERT OR IGNORE INTO deletion_guard VALUES (?)", (session,)
            )
            removed = self._db.execute(
                "DELETE FROM events WHERE session = ?", (session,)
            ).rowcount
            removed += self._db.execute(
                "DELETE FROM held WHERE session = ?", (session,)
            ).rowcount
            self._db.execute("DELETE FROM deletion_guard WHERE session = ?", (session,))
            return int(removed)

        removed = self._write(lambda: self._transaction(remove))
        self._write(lambda: self._db.execute("VACUUM"))
        if not self._empty_journal(DELETE_JOURNAL_SECONDS):
            log.warning("the journal of %s could not be emptied yet", self.path)
        return removed

    def is_deleted(self, session: str) -> bool:
        found = self._with_retry(
            lambda: self._db.execute(
                "SELECT 1 FROM tombstones WHERE session = ?", (session,)
            ).fetchone()
        )
        return found is not None

    def deleted_sessions(self) -> list[str]:
        rows: list[tuple[str]] = self._with_retry(
            lambda: self._db.execute(
                "SELECT session FROM tombstones ORDER BY session"
            ).fetchall()
        )
        return [session for (session,) in rows]

    def held_contents(self, session: str) -> list[Event]:
        rows: list[tuple[str, str]] = self._with_retry(
            lambda: self._db.execute(
                "SELECT kind, payload FROM held WHERE session = ? ORDER BY slot",
                (session,),
            ).fetchall()
        )
        return [event_from_payload(kind, json.loads(text)) for kind, text in rows]

    def replace_held_contents(self, session: str, contents: Sequence[Event]) -> None:
        def replace() -> None:
            self._db.execute("DELETE FROM held WHERE session = ?", (session,))
            for content in contents:
                self._hold(session, content)

        self._write(lambda: self._transaction(replace))
        if not self._empty_journal(HOLD_JOURNAL_SECONDS):
            log.warning("the journal of %s still holds arrival order", self.path)

    def _empty_journal(self, patience: float) -> bool:
        """Copy the journal into the database and truncate it to nothing.

        The journal keeps earlier images of every page it touched, deleted rows
        and arrival order included. Readers mid-query make the checkpoint wait,
        so it is retried for up to ``patience`` seconds; True once it is empty.
        """
        deadline = time.monotonic() + patience
        try:
            self._db.execute(f"PRAGMA busy_timeout={int(min(patience, 1.0) * 1000)}")
            while True:
                row = self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                if not (row and row[0]):
                    return True
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.05)
        except sqlite3.Error as error:
            log.warning("could not empty the journal of %s (%s)", self.path, error)
            return False
        finally:
            self._db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    async def wait_for_news(
        self, session: str, timeout: float, quiet: frozenset[str] = frozenset()
    ) -> bool:
        """See ``NewsSource``: one watcher of the file serves every page of this
        process (``sqlite_news``)."""
        return await wait_for_news(self.path, session, timeout, quiet)

    def close(self) -> None:
        self._db.close()
