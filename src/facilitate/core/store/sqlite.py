"""SQLite event store: WAL mode, a busy timeout, and triggers that refuse edits.

Many Voila kernels (one per browser) write to the same file at once. WAL lets
readers and a writer proceed together; the busy timeout plus a short retry with
back-off means a participant never sees "database is locked". UPDATE and DELETE
on the events table are aborted by the database itself, so nothing a participant
submits can be overwritten by any code path. The one exception is
``delete_session``, which a facilitator asks for explicitly: it lifts the guard for
one transaction through a flag table the triggers consult.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from facilitate.core.errors import StoreUnavailable
from facilitate.core.events import Event, Recorded, event_from_payload
from facilitate.core.store.base import Clock

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
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: updates are refused');
END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
WHEN NOT EXISTS (SELECT 1 FROM deletion_guard WHERE session = OLD.session)
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: deletes are refused');
END;
"""

T = TypeVar("T")

BUSY_TIMEOUT_MS = 10_000
RETRY_SECONDS = 30.0


def _is_contention(error: sqlite3.OperationalError) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message


class SQLiteStore:
    """The default store: one SQLite file in the data directory."""

    def __init__(self, path: Path, clock: Clock | None = None) -> None:
        self.path = Path(path)
        self._clock: Clock = clock or time.time
        self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            self._with_retry(lambda: db.executescript(SCHEMA))
            self._with_retry(lambda: self._probe_write(db))
        except (sqlite3.Error, OSError) as error:
            raise StoreUnavailable(
                f"Cannot open the session store at {self.path} ({error}). "
                "Check that the data directory exists and is writable, or choose "
                "another one with --data-dir or FACILITATE_DATA_DIR."
            ) from None
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

    def append(self, session: str, event: Event) -> Recorded:
        at = self._clock()
        payload = json.dumps(event.payload(), ensure_ascii=False)

        def write() -> int:
            cursor = self._db.execute(
                "INSERT INTO events (session, kind, at, payload) VALUES (?, ?, ?, ?)",
                (session, event.kind, at, payload),
            )
            return int(cursor.lastrowid or 0)

        try:
            event_id = self._with_retry(write)
        except sqlite3.Error as error:
            raise StoreUnavailable(
                f"Could not save to the session store at {self.path} ({error}). "
                "Your answer was not recorded: check the disk, then try again."
            ) from None
        return Recorded(id=event_id, session=session, at=at, event=event)

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
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    "INSERT OR IGNORE INTO deletion_guard VALUES (?)", (session,)
                )
                cursor = self._db.execute(
                    "DELETE FROM events WHERE session = ?", (session,)
                )
                self._db.execute(
                    "DELETE FROM deletion_guard WHERE session = ?", (session,)
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            return cursor.rowcount

        return self._with_retry(remove)

    def close(self) -> None:
        self._db.close()
