"""News for live pages on SQLite: one watcher per database file in each process.

SQLite cannot notify, but every commit writes the database's journal (the
``-wal`` file). On Linux, ``inotify`` on the database's folder reports those
writes, so a kernel sleeps until something was written: idle phones cost
nothing, and the projected display wakes within milliseconds of an answer.
Where ``inotify`` is missing (macOS, Windows) the watcher instead asks
``PRAGMA data_version`` every ``CHECK_SECONDS``: a read of shared memory that
says whether another connection committed since.

When the file changed, the watcher reads the kinds and sessions of events newer
than the last it saw (one indexed query for every page of the kernel), and
wakes the subscriptions that care: a page's session, and a kind it does not let
pass quietly. A deletion (a new tombstone) wakes everyone. Subscriptions keep
their wake-up until the page next waits, so nothing that arrives while a page
refreshes is missed.

The watcher lives on the running asyncio loop (the kernel's, where the page
lives); a kernel forked from the room's template starts with no watcher, since
the template never opened the store.
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import os
import sqlite3
import struct
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

#: Between two looks at ``data_version`` where there is no ``inotify``.
CHECK_SECONDS = 0.1
#: After a look, writes in this window are read together: a burst of answers
#: costs one query, not one per answer.
SHORTEST_GAP = 0.02
IN_MODIFY = 0x002
IN_MOVED_TO = 0x080
IN_CREATE = 0x100
IN_NONBLOCK = os.O_NONBLOCK
IN_CLOEXEC = 0o2000000
EVENT_HEADER = struct.Struct("iIII")


@dataclass
class Subscription:
    """What one page waits for: news of ``session``, except ``quiet`` kinds."""

    session: str
    quiet: frozenset[str]
    arrived: asyncio.Event = field(default_factory=asyncio.Event)

    def wakes(self, session: str, kind: str) -> bool:
        return session == self.session and kind not in self.quiet


class FileWatcher:
    """Wakes the subscriptions of one database file as its log grows."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.loop = asyncio.get_running_loop()
        self.subscriptions: dict[tuple[str, frozenset[str]], Subscription] = {}
        self.changed = asyncio.Event()
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.last_id, self.tombstones = self._positions()
        self.inotify = _watch_folder(path, self.changed, self.loop)
        self.task = self.loop.create_task(self._follow())

    def subscribe(self, session: str, quiet: frozenset[str]) -> Subscription:
        key = (session, quiet)
        found = self.subscriptions.get(key)
        if found is None:
            found = self.subscriptions[key] = Subscription(session, quiet)
            found.arrived.set()  # whatever came before it subscribed
        return found

    def _positions(self) -> tuple[int, int]:
        row = self.db.execute(
            "SELECT (SELECT coalesce(max(id), 0) FROM events),"
            " (SELECT count(*) FROM tombstones)"
        ).fetchone()
        return int(row[0]), int(row[1])

    async def _follow(self) -> None:
        version = self._data_version()
        while True:
            if self.inotify is None:
                await asyncio.sleep(CHECK_SECONDS)
                now = self._data_version()
                if now == version:
                    continue
                version = now
            else:
                await self.changed.wait()
                self.changed.clear()
            try:
                self._look()
            except sqlite3.Error as error:  # the next write tries again
                log.warning("live news could not read %s (%s)", self.path, error)
            await asyncio.sleep(SHORTEST_GAP)

    def _data_version(self) -> int:
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def _look(self) -> None:
        """Wake every subscription a new event (or a deletion) concerns."""
        rows = self.db.execute(
            "SELECT id, session, kind FROM events WHERE id > ?", (self.last_id,)
        ).fetchall()
        tombstones = self._positions()[1]
        deleted, self.tombstones = tombstones != self.tombstones, tombstones
        for subscription in self.subscriptions.values():
            if deleted or any(subscription.wakes(s, k) for _, s, k in rows):
                subscription.arrived.set()
        if rows:
            self.last_id = max(self.last_id, max(row[0] for row in rows))

    def close(self) -> None:
        self.task.cancel()
        if self.inotify is not None:
            self.loop.remove_reader(self.inotify)
            os.close(self.inotify)
        self.db.close()


def _watch_folder(
    path: Path, changed: asyncio.Event, loop: asyncio.AbstractEventLoop
) -> int | None:
    """An ``inotify`` descriptor reporting writes to ``path``'s files, or None."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fd = int(libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC))
    except (OSError, AttributeError):  # not Linux
        return None
    if fd < 0:
        return None
    mask = IN_MODIFY | IN_CREATE | IN_MOVED_TO
    if libc.inotify_add_watch(fd, os.fsencode(path.parent), mask) < 0:
        os.close(fd)
        return None
    loop.add_reader(fd, _drain, fd, path.name.encode(), changed)
    return fd


def _drain(fd: int, name: bytes, changed: asyncio.Event) -> None:
    """Read every pending notice; note a change if one concerns the database."""
    try:
        data = os.read(fd, 65536)
    except BlockingIOError:
        return
    offset = 0
    while offset + EVENT_HEADER.size <= len(data):
        _, _, _, length = EVENT_HEADER.unpack_from(data, offset)
        offset += EVENT_HEADER.size
        if data[offset : offset + length].startswith(name):
            changed.set()
        offset += length


_watchers: dict[Path, FileWatcher] = {}


def watcher_for(path: Path) -> FileWatcher:
    """This process's watcher of ``path`` on the running loop (made on first use)."""
    found = _watchers.get(path)
    current = found is not None and found.loop is asyncio.get_running_loop()
    if found is not None and current and not found.task.done():
        return found
    if found is not None:
        found.close()
    found = _watchers[path] = FileWatcher(path)
    return found


def _forget_watchers() -> None:
    """A forked child shares no watcher with its parent (the descriptors, the
    connection and the loop are the parent's)."""
    _watchers.clear()


if hasattr(os, "register_at_fork"):  # not on Windows, which cannot fork
    os.register_at_fork(after_in_child=_forget_watchers)


async def wait_for_news(
    path: Path, session: str, timeout: float, quiet: frozenset[str]
) -> bool:
    """True soon after an event of ``session`` (not ``quiet``) may have been
    appended to the log at ``path``; False after ``timeout`` seconds."""
    subscription = watcher_for(path).subscribe(session, quiet)
    try:
        await asyncio.wait_for(subscription.arrived.wait(), timeout)
    except asyncio.TimeoutError:
        return False
    subscription.arrived.clear()
    return True
