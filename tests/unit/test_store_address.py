"""Naming the store: one address text, read purely, never printing a password."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitate.core.config import Config
from facilitate.core.errors import InvalidInput
from facilitate.core.store import SQLiteStore, open_store
from facilitate.core.store.address import (
    POSTGRESQL,
    SQLITE,
    StoreAddress,
    parse_store_address,
    redacted,
)

HOME = Path("/srv/facilitate")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", StoreAddress(SQLITE, path=HOME / "facilitate.sqlite3")),
        ("  ", StoreAddress(SQLITE, path=HOME / "facilitate.sqlite3")),
        ("sqlite:///pd", StoreAddress(SQLITE, path=Path("/pd/facilitate.sqlite3"))),
        ("sqlite:///pd/x.sqlite3", StoreAddress(SQLITE, path=Path("/pd/x.sqlite3"))),
        ("postgresql://fc@db/pd", StoreAddress(POSTGRESQL, url="postgresql://fc@db/pd")),
        ("postgres://fc@db/pd", StoreAddress(POSTGRESQL, url="postgres://fc@db/pd")),
    ],
)  # fmt: skip
def test_addresses(raw, expected):
    assert parse_store_address(raw, HOME) == expected


def test_a_wrong_address_says_what_to_write():
    with pytest.raises(InvalidInput) as raised:
        parse_store_address("mysql://root:hunter2@db/pd", HOME)
    assert str(raised.value) == (
        "'mysql://root:***@db/pd' is not a store address. Use "
        "postgresql://user@host/database for PostgreSQL, or "
        "sqlite:///path/to/data-dir for SQLite (the default, in the data directory)."
    )


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://ana:s3cret@db:5432/pd", "postgresql://ana:***@db:5432/pd"),
        ("postgresql://ana@db/pd?password=s3cret&sslmode=require",
         "postgresql://ana@db/pd?password=***&sslmode=require"),
        ("postgresql:///pd?host=/run/postgresql", "postgresql:///pd?host=/run/postgresql"),
    ],
)  # fmt: skip
def test_passwords_are_never_shown(url, shown):
    assert redacted(url) == shown
    assert StoreAddress(POSTGRESQL, url=url).shown == shown


def test_config_reads_the_store_from_the_environment(tmp_path):
    env = {"FACILITATE_DATA_DIR": str(tmp_path)}
    assert (
        Config.from_environ(env).store_address.path == tmp_path / "facilitate.sqlite3"
    )
    env["FACILITATE_STORE"] = "postgresql://fc@db/pd"
    config = Config.from_environ(env)
    assert config.store_address == StoreAddress(POSTGRESQL, url="postgresql://fc@db/pd")
    env["FACILITATE_STORE"] = "db.example:5432"
    with pytest.raises(InvalidInput, match="is not a store address"):
        Config.from_environ(env)


def test_open_store_keeps_sqlite_in_the_data_directory_by_default(tmp_path):
    store = open_store(Config(data_dir=tmp_path))
    assert isinstance(store, SQLiteStore)
    assert store.path == tmp_path / "facilitate.sqlite3"
    store.close()
