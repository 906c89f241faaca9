"""SQLite's news: a page wakes when another process writes, and sleeps otherwise."""

from __future__ import annotations

import asyncio
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.agenda import current_agenda
from facilitate.core.events import PhaseChanged
from facilitate.core.store import SQLiteStore
from facilitate.core.store.base import NewsSource
from facilitate.core.store.sqlite_news import watcher_for

ARRIVAL_SECONDS = 0.5
#: Another kernel writing the log: a separate process, as in a room.
WRITER = """
import sys
from facilitate.core.store import SQLiteStore
from facilitate.core.events import PhaseChanged
from facilitate.activities.checkin.events import CheckinAnswered
store = SQLiteStore(sys.argv[1])
for line in sys.stdin:
    session, what = line.split()
    if what == "delete":
        store.delete_session(session)
    elif what == "answer":
        store.append(session, CheckinAnswered("p-1", "curious"))
    else:
        store.append(session, PhaseChanged(what))
    print("done", flush=True)
"""


class Writer:
    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def write(self, session: str, what: str) -> None:
        assert self.process.stdin
        assert self.process.stdout
        self.process.stdin.write(f"{session} {what}\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "done"

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def store(tmp_path):
    opened = SQLiteStore(tmp_path / "log.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def writer(store):
    started = Writer(store.path)
    yield started
    started.close()


def test_the_sqlite_store_offers_news(store):
    assert isinstance(store, NewsSource)


def test_news_arrives_when_another_process_appends(store, writer):
    async def scenario() -> tuple[bool, bool, float]:
        await store.wait_for_news("NEWS01", 5)  # subscribed (says True once)
        quiet = await store.wait_for_news("NEWS01", 0.3)
        loop = asyncio.get_running_loop()
        started = time.monotonic()
        loop.run_in_executor(None, writer.write, "NEWS01", "x")
        woke = await store.wait_for_news("NEWS01", 10)
        return quiet, woke, time.monotonic() - started

    quiet, woke, seconds = asyncio.run(scenario())
    assert quiet is False
    assert woke is True
    assert seconds < ARRIVAL_SECONDS


def test_news_of_another_session_does_not_wake(store, writer):
    async def scenario() -> bool:
        await store.wait_for_news("MINE01", 5)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, writer.write, "OTHER1", "x")
        return await store.wait_for_news("MINE01", 0.5)

    assert asyncio.run(scenario()) is False


def test_a_phone_sleeps_through_answers_it_never_shows(store, writer):
    unseen = current_agenda().unseen_by_participants()
    assert CheckinAnswered.kind in unseen

    async def scenario() -> tuple[bool, bool]:
        await store.wait_for_news("QUIET1", 5, unseen)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, writer.write, "QUIET1", "answer")
        slept = await store.wait_for_news("QUIET1", 0.5, unseen)
        loop.run_in_executor(None, writer.write, "QUIET1", "x")
        woke = await store.wait_for_news("QUIET1", 10, unseen)
        return slept, woke

    slept, woke = asyncio.run(scenario())
    assert slept is False
    assert woke is True


def test_news_written_between_two_waits_is_kept(store, writer):
    """A page refreshing when the answer lands still hears of it next time."""

    async def scenario() -> bool:
        await store.wait_for_news("KEPT01", 5)
        watcher = watcher_for(store.path)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, writer.write, "KEPT01", "x")
        deadline = time.monotonic() + 5
        while watcher.last_id == 0 and time.monotonic() < deadline:
            await asyncio.sleep(0.01)  # the watcher has read it, nobody waiting
        return await store.wait_for_news("KEPT01", 0.01)

    assert asyncio.run(scenario()) is True


def test_a_deletion_wakes_the_pages_following_the_session(store, writer):
    async def scenario() -> bool:
        await store.wait_for_news("GONE01", 5)
        loop = asyncio.get_running_loop()
        loop.run_in_executor(None, writer.write, "GONE01", "delete")
        return await store.wait_for_news("GONE01", 10)

    assert asyncio.run(scenario()) is True
    assert store.is_deleted("GONE01")


def test_a_waiting_page_uses_no_processor(store):
    """Waiting is sleeping on the file, not looking at it again and again."""

    async def scenario() -> float:
        await store.wait_for_news("IDLE01", 5)
        before = resource.getrusage(resource.RUSAGE_SELF)
        await store.wait_for_news("IDLE01", 1.0)
        after = resource.getrusage(resource.RUSAGE_SELF)
        return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)

    assert asyncio.run(scenario()) < 0.01
    assert store.read("IDLE01") == []
    store.append("IDLE01", PhaseChanged("x"))  # the store still writes
