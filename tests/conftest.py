"""Fixtures shared by every test: a real SQLite store in tmp_path, a fake clock.

``backend`` runs a test once on SQLite and once on a real PostgreSQL (started once
for the whole run by ``tests/postgres_server.py``): the store contract suite.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitate.core.sessions import SessionInfo, create_session
from facilitate.core.store import SQLiteStore
from tests.store_backends import Backend, postgres_backend, sqlite_backend


class FakeClock:
    """A clock tests move by hand, so timings are exact."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[SQLiteStore]:
    opened = SQLiteStore(tmp_path / "events.sqlite3", clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def session(store: SQLiteStore) -> SessionInfo:
    return create_session(store, "Spring PD", min_group_size=5)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    if request.param == "sqlite":
        return sqlite_backend(tmp_path)
    return postgres_backend(request.getfixturevalue("postgres_url"))
