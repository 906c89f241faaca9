"""Where the session log lives: a SQLite file (the default) or a PostgreSQL database.

One text names the store everywhere (``--store``, ``FACILITATE_STORE``, ``store
migrate``): empty for SQLite in the data directory, ``sqlite:///path`` for another
data directory (or a ``.sqlite3`` file), ``postgresql://…`` for PostgreSQL. Parsing
it is pure, so configuration stays a pure function of the environment, and the
password of a PostgreSQL address never reaches a message (``shown``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from facilitate.core.errors import InvalidInput

DATABASE_NAME = "facilitate.sqlite3"
SQLITE = "sqlite"
POSTGRESQL = "postgresql"
SQLITE_PREFIX = "sqlite://"
POSTGRESQL_PREFIXES = ("postgresql://", "postgres://")
SQLITE_SUFFIXES = (".sqlite3", ".sqlite", ".db")


@dataclass(frozen=True)
class StoreAddress:
    """A parsed store address: ``path`` for SQLite, ``url`` for PostgreSQL."""

    kind: str
    path: Path | None = None
    url: str = ""

    @property
    def shown(self) -> str:
        """The address as messages may print it: any password is masked."""
        if self.kind == SQLITE:
            return f"{SQLITE_PREFIX}{self.path}"
        return redacted(self.url)


def sqlite_address(data_dir: Path) -> StoreAddress:
    """The default store: one SQLite file in the data directory."""
    return StoreAddress(SQLITE, path=Path(data_dir) / DATABASE_NAME)


def parse_store_address(raw: str, data_dir: Path) -> StoreAddress:
    """Read a store address; empty means SQLite in ``data_dir``.

    ``sqlite://PATH`` names a data directory, or the database file itself when
    PATH ends in ``.sqlite3``, ``.sqlite`` or ``.db``.
    """
    text = str(raw).strip()
    if not text:
        return sqlite_address(data_dir)
    if text.startswith(POSTGRESQL_PREFIXES):
        return StoreAddress(POSTGRESQL, url=text)
    if text.startswith(SQLITE_PREFIX):
        location = text[len(SQLITE_PREFIX) :]
        if not location:
            raise InvalidInput(
                f"'{text}' names no folder. Write sqlite:///path/to/data-dir."
            )
        path = Path(location).expanduser()
        if path.suffix in SQLITE_SUFFIXES:
            return StoreAddress(SQLITE, path=path)
        return sqlite_address(path)
    raise InvalidInput(
        f"'{redacted(text)}' is not a store address. Use "
        "postgresql://user@host/database for PostgreSQL, or "
        "sqlite:///path/to/data-dir for SQLite (the default, in the data directory)."
    )


def redacted(url: str) -> str:
    """``url`` with the password (in the address or its query) replaced by ***."""
    try:
        parts = urlsplit(url)
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        if parts.password is None and all(key != "password" for key, _ in pairs):
            return url
        netloc = parts.netloc
        if parts.password is not None:
            user, _, host = netloc.rpartition("@")
            netloc = f"{user.split(':', 1)[0]}:***@{host}"
        query = urlencode(
            [(key, "***" if key == "password" else value) for key, value in pairs],
            safe="/*",
        )
        return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query}" if query else "")
    except ValueError:
        return "(an address that could not be read)"
