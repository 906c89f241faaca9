"""A command leaves no connection behind: every log it opens is closed when it ends."""

from __future__ import annotations

import psycopg

from facilitate.cli import main
from facilitate.core.sessions import create_session
from facilitate.core.store.postgres import PostgresStore


def connections(url: str) -> int:
    """Connections to the database, besides the one asking."""
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()
    return int(row[0]) if row else 0


def test_commands_on_postgresql_close_their_pool(postgres_url, capsys, monkeypatch):
    monkeypatch.setenv("FACILITATE_STORE", "")
    store = PostgresStore(postgres_url)
    create_session(store, "Staff meeting")
    store.close()
    before = connections(postgres_url)
    assert main(["--store", postgres_url, "session", "list"]) == 0
    assert "Staff meeting" in capsys.readouterr().out
    assert main(["--store", postgres_url, "session", "new", "Another"]) == 0
    assert connections(postgres_url) == before
