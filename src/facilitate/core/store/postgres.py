"""PostgreSQL event store: one database shared by every kernel on every machine.

Chosen with ``--store postgresql://…`` or ``FACILITATE_STORE``. It keeps the
SQLite store's promises (see ``postgres_schema`` for how the database enforces
them) and the same envelope: ``Recorded`` with the id, the session, the time
from the store's clock and the event rebuilt through the registry.

Each process (one Voila kernel per browser) keeps a small psycopg pool, every
connection switched to the writer role, in autocommit: an append is one short
transaction. A live page may also wait for news (``wait_for_news``): one LISTEN
connection per session it follows, opened on first use (``postgres_news``).
Connections per kernel are therefore at most ``POOL_MAX + 1``, usually two:
size PostgreSQL's ``max_connections`` for about twice the kernels you serve.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from facilitate.core.errors import StoreUnavailable
from facilitate.core.events import Event, Recorded, event_from_payload
from facilitate.core.store.address import redacted
from facilitate.core.store.base import Clock
from facilitate.core.store.postgres_schema import (
    SCHEMA_VERSION,
    WRITER_ROLE,
    create_schema,
    schema_version,
)

if TYPE_CHECKING:
    from psycopg_pool import ConnectionPool

    from facilitate.core.store.postgres_news import SessionNews

POOL_MIN = 1
POOL_MAX = 4
#: Seconds to wait for a pooled connection (or to connect) before giving up.
CONNECT_TIMEOUT = 10
INSTALL_HINT = (
    "PostgreSQL support needs the psycopg driver and its pool, which are not "
    "installed. Install them with: pip install 'facilitate[postgresql]' "
    "(or: pip install 'psycopg[binary,pool]')."
)
SELECT = "SELECT id, session, kind, at, payload FROM facilitate.events"
UNLINKED_NOT_YET = (
    "This was not saved: the PostgreSQL store cannot yet keep it apart from your "
    "name, as it must be. Please tell the facilitator, who can run the session "
    "on the default store instead."
)


def _driver() -> Any:
    """psycopg and psycopg_pool, or a sentence saying how to install them."""
    try:
        import psycopg
        import psycopg_pool
    except ImportError:
        raise StoreUnavailable(INSTALL_HINT) from None
    return psycopg, psycopg_pool


class PostgresStore:
    """The session log in PostgreSQL, safe to share between machines."""

    def __init__(self, url: str, clock: Clock | None = None) -> None:
        self.url = url
        self.shown = redacted(url)
        self._clock: Clock = clock or time.time
        self._psycopg, pool_module = _driver()
        self._prepare_database()
        self._pool: ConnectionPool[Any] = pool_module.ConnectionPool(
            url,
            min_size=POOL_MIN,
            max_size=POOL_MAX,
            kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT},
            configure=_as_writer,
            check=pool_module.ConnectionPool.check_connection,
            timeout=CONNECT_TIMEOUT,
            num_workers=1,
            name="facilitate",
            open=True,
        )
        self._news: dict[str, SessionNews] = {}

    def _prepare_database(self) -> None:
        """Connect once, now: create the schema if needed, or say what is wrong."""
        psycopg = self._psycopg
        try:
            with psycopg.connect(
                self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT
            ) as conn:
                if schema_version(conn) < SCHEMA_VERSION:
                    create_schema(conn)
                _as_writer(conn)
        except psycopg.errors.InsufficientPrivilege as error:
            raise StoreUnavailable(
                f"The PostgreSQL store at {self.shown} is not set up, and this "
                f"user may not set it up ({_reason(error)}). Open it once with the "
                "database owner's address, or ask the database administrator to "
                f"run: CREATE ROLE {WRITER_ROLE} NOLOGIN; GRANT {WRITER_ROLE} TO "
                "<the owner>."
            ) from None
        except psycopg.Error as error:
            raise StoreUnavailable(
                f"Cannot reach the PostgreSQL store at {self.shown} "
                f"({_reason(error)}). Check that PostgreSQL is running (on Debian: "
                "apt-get install postgresql) and that the address given with "
                "--store or FACILITATE_STORE is right."
            ) from None

    def append(self, session: str, event: Event) -> Recorded:
        at = self._clock()
        payload = json.dumps(event.payload(), ensure_ascii=False)
        try:
            with self._pool.connection() as conn:
                row = conn.execute(
                    "INSERT INTO facilitate.events (session, kind, at, payload) "
                    "VALUES (%s, %s, %s, %s::json) RETURNING id",
                    (session, event.kind, at, payload),
                ).fetchone()
        except (self._psycopg.Error, _pool_errors()) as error:
            raise StoreUnavailable(
                f"Could not save to the session store at {self.shown} "
                f"({_reason(error)}). Your answer may not have been saved: check "
                "that PostgreSQL is running and reachable, then try again."
            ) from None
        return Recorded(id=int(row[0]), session=session, at=at, event=event)

    def read(
        self, session: str, after: int = 0, kinds: Iterable[str] | None = None
    ) -> list[Recorded]:
        query = SELECT + " WHERE session = %s"
        params: list[object] = [session]
        if after:
            query += " AND id > %s"
            params.append(after)
        if kinds is not None:
            query += " AND kind = ANY(%s)"
            params.append(list(kinds))
        return self._fetch(query + " ORDER BY id", params)

    def read_kind(self, kind: str) -> list[Recorded]:
        return self._fetch(SELECT + " WHERE kind = %s ORDER BY id", [kind])

    def _fetch(self, query: str, params: list[object]) -> list[Recorded]:
        rows = self._run(query, params)
        return [
            Recorded(
                id=int(row[0]),
                session=row[1],
                at=float(row[3]),
                event=event_from_payload(row[2], row[4]),
            )
            for row in rows
        ]

    def _run(self, query: str, params: list[object]) -> list[Any]:
        """Run a read, once more on a fresh connection if the first one broke."""
        for attempt in (1, 2):
            try:
                with self._pool.connection() as conn:
                    return list(conn.execute(query, params).fetchall())
            except _pool_errors() as error:
                raise StoreUnavailable(
                    f"The session store at {self.shown} did not answer in "
                    f"{CONNECT_TIMEOUT} s ({_reason(error)}). Check that PostgreSQL "
                    "is running and accepts enough connections (max_connections)."
                ) from None
            except self._psycopg.OperationalError as error:
                if attempt == 2:
                    raise StoreUnavailable(
                        f"Cannot read the session store at {self.shown} "
                        f"({_reason(error)}). Check that PostgreSQL is running and "
                        "reachable; the page will try again."
                    ) from None
        return []

    def delete_session(self, session: str) -> int:
        rows = self._run("SELECT facilitate.delete_session(%s)", [session])
        return int(rows[0][0]) if rows else 0

    def append_unlinked(
        self, session: str, marker: Event, content: Event, batch: int
    ) -> list[Recorded]:
        """Not offered here yet: refused, rather than kept beside its sender."""
        raise StoreUnavailable(UNLINKED_NOT_YET)

    def is_deleted(self, session: str) -> bool:
        """This log keeps no tombstones yet: a deleted session is simply gone."""
        return False

    async def wait_for_news(self, session: str, timeout: float) -> bool:
        news = self._news.get(session)
        if news is None:
            from facilitate.core.store.postgres_news import SessionNews

            news = self._news[session] = SessionNews(self.url, session)
        return await news.wait(timeout)

    def close(self) -> None:
        for news in self._news.values():
            news.close()
        self._news.clear()
        self._pool.close()


def _as_writer(conn: Any) -> None:
    """Switch a fresh connection to the role that may only read and insert."""
    conn.execute(f"SET ROLE {WRITER_ROLE}")


def _pool_errors() -> type[Exception]:
    from psycopg_pool import PoolTimeout

    return PoolTimeout


def _reason(error: BaseException) -> str:
    """The first line of a driver error, which is the part a person can act on."""
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
