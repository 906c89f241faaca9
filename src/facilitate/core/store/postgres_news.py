"""Push for live pages: LISTEN on one session's channel from the kernel's loop.

Every insert into the events table sends NOTIFY on its session's channel (a
trigger, so writers on any machine announce). A page's polling task awaits
``SessionNews.wait(timeout)``: it returns True as soon as a notification arrived
(or the listener just started, since events may have landed before LISTEN took
effect), False when the timeout passed. Notifications in between are folded into
one wake-up; the page then reads everything new, so none is lost.

The listener is an asyncio task on the running loop (ipywidgets is not
thread-safe, and the kernel's loop is where the page lives). It sleeps until the
connection's socket has something to read: psycopg's own ``notifies()`` wakes
every 0.1 s to look for interrupts, which 200 idle pages turned into half a core
of busy work. If PostgreSQL goes away, the task ends, waits time out, and the
page simply polls at its interval; the listener is tried again every
``RETRY_SECONDS``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from facilitate.core.store.postgres_schema import channel_of

log = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
CONNECT_TIMEOUT = 5


class SessionNews:
    """One LISTEN connection for one session, opened on the first wait."""

    def __init__(self, url: str, session: str) -> None:
        self.url = url
        self.channel = channel_of(session)
        self._arrived = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._retry_at = 0.0
        self._quiet: frozenset[str] = frozenset()

    @property
    def listening(self) -> bool:
        return self._task is not None and not self._task.done()

    async def wait(self, timeout: float, quiet: frozenset[str] = frozenset()) -> bool:
        """True once something may have arrived; False after ``timeout`` seconds.
        Notifications of a ``quiet`` kind are let pass without waking."""
        self._quiet = quiet
        self._ensure_listening()
        try:
            await asyncio.wait_for(self._arrived.wait(), timeout)
        except asyncio.TimeoutError:
            return False
        self._arrived.clear()
        return True

    def _ensure_listening(self) -> None:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            self.close()
            self._loop, self._arrived, self._retry_at = loop, asyncio.Event(), 0.0
        if self.listening or time.monotonic() < self._retry_at:
            return
        self._retry_at = time.monotonic() + RETRY_SECONDS
        self._task = loop.create_task(self._listen())

    async def _listen(self) -> None:
        import psycopg
        from psycopg import sql

        try:
            conn: Any = await psycopg.AsyncConnection.connect(
                self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT
            )
            async with conn:
                await conn.execute(
                    sql.SQL("LISTEN {}").format(sql.Identifier(self.channel))
                )
                self._arrived.set()
                await self._follow(conn.pgconn)
        except psycopg.Error as error:
            log.warning("live updates fall back to polling for now: %s", error)

    async def _follow(self, pgconn: Any) -> None:
        """Wake the page on each notification; return if the connection drops."""
        from psycopg import pq

        readable = asyncio.Event()
        loop = asyncio.get_running_loop()
        socket = pgconn.socket
        loop.add_reader(socket, readable.set)
        try:
            while pgconn.status == pq.ConnStatus.OK:
                await readable.wait()
                readable.clear()
                pgconn.consume_input()
                while (notice := pgconn.notifies()) is not None:
                    if self.wakes(notice.extra.decode(errors="replace")):
                        self._arrived.set()
        finally:
            loop.remove_reader(socket)

    def wakes(self, payload: str) -> bool:
        """Whether a notification (``"<id> <kind>"``, or ``deleted``) should wake."""
        _, _, kind = payload.partition(" ")
        return kind not in self._quiet if kind else True

    def close(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
