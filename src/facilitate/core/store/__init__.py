"""The append-only event log, behind a small interface.

Views and metrics only ever see ``Recorded`` events, so a PostgreSQL store can join
the SQLite one without touching them: implement ``EventStore`` and add it to
``open_store``.
"""

from __future__ import annotations

from pathlib import Path

from facilitate.core.store.base import Clock, EventStore
from facilitate.core.store.sqlite import SQLiteStore

DATABASE_NAME = "facilitate.sqlite3"


def open_store(data_dir: Path, clock: Clock | None = None) -> EventStore:
    """Open (creating when needed) the session log kept in ``data_dir``."""
    return SQLiteStore(data_dir / DATABASE_NAME, clock=clock)


__all__ = ["DATABASE_NAME", "Clock", "EventStore", "SQLiteStore", "open_store"]
