"""A throwaway PostgreSQL for benchmarks, started as the store tests start theirs.

Durable (fsync on), unlike the tests' server: append figures then say what a real
server on this disk does. ``max_connections`` is raised, since every live kernel
holds about two connections (one pooled, one LISTEN).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.postgres_server import PostgresServer, throwaway_postgres


@contextmanager
def running_postgres(
    max_connections: int = 1000,
) -> Iterator[tuple[PostgresServer, str]]:
    """A started server and the address of a fresh database on it."""
    with throwaway_postgres(max_connections=max_connections, durable=True) as server:
        yield server, server.new_database()


def connections(server: PostgresServer) -> int:
    """Connections open on the server right now (all databases)."""
    import psycopg

    with psycopg.connect(server.url(), autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE backend_type = 'client backend'"
        ).fetchone()
    return int(row[0]) if row else 0
