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

Deletion and unlinked appends are one call each to a function the database
owns (``postgres_schema``), so the writer role needs no right to delete or to
read held contents. After a deletion the store asks PostgreSQL to vacuum the
tables, on a connection of its own as the login user (the owner may; a login
with only the writer role may not, and the tables are then vacuumed by
PostgreSQL's autovacuum later). Where the login user may, it then switches to a
new write-ahead log segment and checkpoints, so the segments holding the deleted
rows are recycled at once. What PostgreSQL keeps outside its tables (recycled
segments until overwritten, any archive or replica) is the database
administrator's to manage.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from facilitate.core.agenda import event_from_payload
from facilitate.core.errors import AlreadyRecorded, SessionEnded, StoreUnavailable
from facilitate.core.events import Event, Recorded
from facilitate.core.store.address import redacted
from facilitate.core.store.base import Clock
from facilitate.core.store.postgres_schema import (
    ALREADY_RECORDED,
    SCHEMA_VERSION,
    TOMBSTONE_REFUSAL,
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
APPEND_UNLINKED = (
    "SELECT event_id, event_kind, event_payload FROM facilitate.append_unlinked"
    "(%s, %s, %s::json, %s, %s::json, %s, %s)"
)
HOLD_SHUFFLED = (
    "INSERT INTO facilitate.held (session, kind, contents) "
    "SELECT %s, %s, json_agg(c::json ORDER BY gen_random_uuid()) "
    "FROM unnest(%s::text[]) AS c"
)
#: Seconds a vacuum after a deletion may take before it is left to autovacuum.
VACUUM_TIMEOUT = 120
log = logging.getLogger(__name__)
T = TypeVar("T")


def _payload(event: Event) -> str:
    return json.dumps(event.payload(), ensure_ascii=False)


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
                f"The PostgreSQL store at {self.shown} is not set up (or not up "
                f"to date), and this user may not do it ({_reason(error)}). Open "
                "it once with the "
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
        rows = self._write(
            "INSERT INTO facilitate.events (session, kind, at, payload) "
            "VALUES (%s, %s, %s, %s::json) RETURNING id",
            [session, event.kind, at, _payload(event)],
        )
        return Recorded(id=int(rows[0][0]), session=session, at=at, event=event)

    def append_unlinked(
        self, session: str, marker: Event, content: Event, batch: int
    ) -> list[Recorded]:
        at = self._clock()
        marked, said = _payload(marker), _payload(content)
        rows = self._write(
            APPEND_UNLINKED,
            [session, marker.kind, marked, content.kind, said, int(batch), at],
        )
        (marker_id, _, _), *released = rows
        return [
            Recorded(id=int(marker_id), session=session, at=at, event=marker),
            *(
                Recorded(int(row[0]), session, at, event_from_payload(row[1], row[2]))
                for row in released
            ),
        ]

    def _write(self, statement: str, params: list[object]) -> list[Any]:
        """Run one write (one transaction); the database's refusals become ours."""
        psycopg = self._psycopg
        try:
            with self._pool.connection() as conn:
                return list(conn.execute(statement, params).fetchall())
        except (psycopg.errors.RestrictViolation, psycopg.errors.UniqueViolation) as e:
            said = e.diag.message_primary
            if said == TOMBSTONE_REFUSAL:
                raise SessionEnded() from None
            if said == ALREADY_RECORDED:
                raise AlreadyRecorded() from None
            raise self._unwritable(e) from None
        except (psycopg.Error, _pool_errors()) as error:
            raise self._unwritable(error) from None

    def _unwritable(self, error: BaseException) -> StoreUnavailable:
        return StoreUnavailable(
            f"Could not save to the session store at {self.shown} "
            f"({_reason(error)}). Your answer may not have been saved: check "
            "that PostgreSQL is running and reachable, then try again."
        )

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
        rows = self._write(
            "SELECT facilitate.delete_session(%s, %s)", [session, self._clock()]
        )
        removed = int(rows[0][0])
        if removed:
            self._vacuum()
        return removed

    def _vacuum(self) -> None:
        """Let PostgreSQL prune the deleted rows now rather than at its leisure,
        then retire the write-ahead log that recorded them (``_retire_wal``)."""
        psycopg = self._psycopg
        try:
            with psycopg.connect(
                self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT
            ) as conn:
                conn.execute(f"SET statement_timeout = '{VACUUM_TIMEOUT}s'")
                try:
                    conn.execute("VACUUM facilitate.events, facilitate.held")
                except psycopg.Error as error:
                    log.warning(
                        "deleted rows are left to autovacuum: %s", _reason(error)
                    )
                self._retire_wal(conn)
        except psycopg.Error as error:
            log.warning("deleted rows are left to autovacuum: %s", _reason(error))

    def _retire_wal(self, conn: Any) -> bool:
        """End the write-ahead log segment holding the deletion and checkpoint, so
        PostgreSQL no longer needs the segments with the deleted rows' images and
        recycles them now rather than after its next timed checkpoint. Needs the
        right to run ``pg_switch_wal()`` and ``CHECKPOINT`` (a superuser, or one
        granted them, see the README); without it, nothing changes."""
        for statement in ("SELECT pg_switch_wal()", "CHECKPOINT"):
            try:
                conn.execute(statement)
            except self._psycopg.Error as error:
                log.info("the write-ahead log is left to recycle: %s", _reason(error))
                return False
        return True

    def is_deleted(self, session: str) -> bool:
        rows = self._run(
            "SELECT 1 FROM facilitate.tombstones WHERE session = %s", [session]
        )
        return bool(rows)

    def deleted_sessions(self) -> list[str]:
        rows = self._run("SELECT session FROM facilitate.tombstones ORDER BY 1", [])
        return [str(row[0]) for row in rows]

    def held_contents(self, session: str) -> list[Event]:
        rows = self._as_owner(
            lambda conn: conn.execute(
                "SELECT h.kind, c FROM facilitate.held h, "
                "json_array_elements(h.contents) AS c WHERE h.session = %s",
                [session],
            ).fetchall()
        )
        return [event_from_payload(kind, payload) for kind, payload in rows]

    def replace_held_contents(self, session: str, contents: Sequence[Event]) -> None:
        by_kind: dict[str, list[str]] = {}
        for content in contents:
            by_kind.setdefault(content.kind, []).append(_payload(content))

        def replace(conn: Any) -> None:
            with conn.transaction():
                conn.execute("SELECT facilitate.lock_open_session(%s)", [session])
                conn.execute(
                    "DELETE FROM facilitate.held WHERE session = %s", [session]
                )
                for kind, payloads in by_kind.items():
                    conn.execute(HOLD_SHUFFLED, [session, kind, payloads])

        self._as_owner(replace)

    def _as_owner(self, action: Callable[[Any], T]) -> T:
        """Run ``action`` on a connection of the login user, not the writer role.

        Held contents are not the writer role's to read or set, so copying them
        needs the address of the database owner.
        """
        psycopg = self._psycopg
        try:
            with psycopg.connect(
                self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT
            ) as conn:
                conn.execute("SET default_transaction_isolation = 'read committed'")
                return action(conn)
        except psycopg.errors.InsufficientPrivilege as error:
            raise StoreUnavailable(
                f"Forms held for their batch at {self.shown} can be read and copied "
                f"only by the database owner ({_reason(error)}). Give the address "
                "of the user that owns the store (the one that set it up)."
            ) from None
        except psycopg.errors.RestrictViolation as error:
            if error.diag.message_primary == TOMBSTONE_REFUSAL:
                raise SessionEnded() from None
            raise self._held_unavailable(error) from None
        except psycopg.Error as error:
            raise self._held_unavailable(error) from None

    def _held_unavailable(self, error: BaseException) -> StoreUnavailable:
        return StoreUnavailable(
            f"Could not reach the forms held for their batch at {self.shown} "
            f"({_reason(error)}). Check that PostgreSQL is running and reachable, "
            "then try again."
        )

    async def wait_for_news(
        self, session: str, timeout: float, quiet: frozenset[str] = frozenset()
    ) -> bool:
        news = self._news.get(session)
        if news is None:
            from facilitate.core.store.postgres_news import SessionNews

            news = self._news[session] = SessionNews(self.url, session)
        return await news.wait(timeout, quiet)

    def close(self) -> None:
        for news in self._news.values():
            news.close()
        self._news.clear()
        self._pool.close()


def _as_writer(conn: Any) -> None:
    """Switch a fresh connection to the role that may only read and insert.

    READ COMMITTED whatever the server's default: the session lock the triggers
    take is what orders writes, and only this level lets a write that waited
    for it see what the deletion before it committed.
    """
    conn.execute(f"SET ROLE {WRITER_ROLE}")
    conn.execute("SET default_transaction_isolation = 'read committed'")


def _pool_errors() -> type[Exception]:
    from psycopg_pool import PoolTimeout

    return PoolTimeout


def _reason(error: BaseException) -> str:
    """The first line of a driver error, which is the part a person can act on."""
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
