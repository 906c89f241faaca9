"""The two stores as one test subject: the contract suite runs on each alike.

A ``Backend`` opens stores on one log (as many as a test needs, like kernels on
several machines would) and runs raw SQL on that log as its owner, bypassing the
store, to prove that the database itself refuses edits.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from facilitate.core.store import EventStore, StoreAddress, open_address
from facilitate.core.store.address import POSTGRESQL, SQLITE
from facilitate.core.store.base import Clock


@dataclass(frozen=True)
class Backend:
    name: str
    address: StoreAddress
    #: The events table's name in raw SQL.
    table: str
    #: What the database raises when it refuses an edit.
    refusal: type[Exception]

    def open(self, clock: Clock | None = None) -> EventStore:
        return open_address(self.address, clock)

    def raw(self, statement: str) -> None:
        """Run one statement on the log as its owner, outside the store."""
        if self.address.kind == SQLITE:
            assert self.address.path is not None
            db = sqlite3.connect(self.address.path, isolation_level=None)
            try:
                db.execute(statement)
            finally:
                db.close()
            return
        import psycopg

        with psycopg.connect(self.address.url, autocommit=True) as conn:
            conn.execute(statement)


def sqlite_backend(tmp_path: Path) -> Backend:
    path = tmp_path / "events.sqlite3"
    return Backend(
        SQLITE, StoreAddress(SQLITE, path=path), "events", sqlite3.IntegrityError
    )


def postgres_backend(url: str) -> Backend:
    import psycopg

    return Backend(
        POSTGRESQL,
        StoreAddress(POSTGRESQL, url=url),
        "facilitate.events",
        psycopg.errors.IntegrityError,
    )
