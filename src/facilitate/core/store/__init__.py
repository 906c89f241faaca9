"""The append-only event log, behind a small interface.

Views and metrics only ever see ``Recorded`` events, so the store behind them can
change without touching them: SQLite in the data directory (the default, needing
nothing) or PostgreSQL (``--store postgresql://…`` or ``FACILITATE_STORE``), for
several servers sharing one log. ``open_store`` picks the backend; the PostgreSQL
driver is imported only when that backend is chosen.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from facilitate.core.store.address import (
    DATABASE_NAME,
    POSTGRESQL,
    StoreAddress,
    parse_store_address,
    sqlite_address,
)
from facilitate.core.store.base import Clock, EventStore, NewsSource
from facilitate.core.store.sqlite import SQLiteStore


class Addressed(Protocol):
    """What ``open_store`` needs of the configuration, so the store need not
    import ``facilitate.core.config`` (which imports the store's addresses)."""

    @property
    def store_address(self) -> StoreAddress: ...


def open_store(
    where: Addressed | Path | str | os.PathLike[str], clock: Clock | None = None
) -> EventStore:
    """Open (creating when needed) the session log.

    ``where`` is the configuration (its ``store`` address decides), or a data
    directory, which means SQLite there.
    """
    if isinstance(where, (str, os.PathLike)):
        return open_address(sqlite_address(Path(where)), clock)
    return open_address(where.store_address, clock)


def open_address(address: StoreAddress, clock: Clock | None = None) -> EventStore:
    """Open the store at ``address`` (see ``facilitate.core.store.address``)."""
    if address.kind == POSTGRESQL:
        from facilitate.core.store.postgres import PostgresStore

        return PostgresStore(address.url, clock=clock)
    assert address.path is not None
    return SQLiteStore(address.path, clock=clock)


__all__ = [
    "DATABASE_NAME",
    "Clock",
    "EventStore",
    "NewsSource",
    "SQLiteStore",
    "StoreAddress",
    "open_address",
    "open_store",
    "parse_store_address",
]
