"""The task that keeps pages live: woken by the store when it can, polling otherwise.

Voila drops output produced after a notebook has finished, but widget value changes
still reach the page. So each page runs one asyncio task on the kernel's own event
loop (ipywidgets is not thread-safe) that refreshes its widgets from the store.
No click is needed.

Where the store offers news (``NewsSource``: PostgreSQL's LISTEN/NOTIFY, or
SQLite's journal watched by the kernel, see ``core.store.sqlite_news``), the
task waits for it and refreshes as soon as something may have arrived; it still
refreshes at least every ``interval``, so a page whose picture changes with time
alone keeps ticking and a lost listener only costs latency. Elsewhere it sleeps
``interval`` between refreshes, as before.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from facilitate.core.store.base import NewsSource

log = logging.getLogger(__name__)

CONSOLE_INTERVAL = 0.25
PARTICIPANT_INTERVAL = 1.0
#: A participant's page woken by the store's news has nothing that changes with
#: time alone, so it looks for itself only this often, in case its listener was
#: lost: 200 idle pages each reading the log every second kept most of a core
#: busy on a large event's machine.
PARTICIPANT_NEWS_INTERVAL = 10.0
#: Woken pages refresh at most this often, so a burst of answers is one refresh.
SHORTEST_GAP = 0.05
#: A participant's page needs a phase change within a second, not every other
#: person's answer: with 200 pages each woken by all 20 answers a second, the
#: refreshes alone saturated the machine and the display fell seconds behind.
PARTICIPANT_GAP = 1.0

#: Await "something new may have arrived" for up to the given seconds.
Wake = Callable[[float], Awaitable[bool]]


def news_of(
    store: object, session: str, quiet: frozenset[str] = frozenset()
) -> Wake | None:
    """The store's news for ``session`` (not woken by ``quiet`` kinds), or None
    where it offers none."""
    if not isinstance(store, NewsSource):
        return None

    def wake(timeout: float) -> Awaitable[bool]:
        return store.wait_for_news(session, timeout, quiet)

    return wake


def keep_polling(
    refresh: Callable[[], None],
    interval: float,
    news: Wake | None = None,
    gap: float = SHORTEST_GAP,
) -> asyncio.Task[None] | None:
    """Run ``refresh`` on the running loop: on news (at most every ``gap``
    seconds), else every ``interval`` s.

    Returns None where no loop runs (plain tests call ``refresh`` themselves).
    A failing refresh (or news source) is logged and retried; it never stops
    the page.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None

    async def poll() -> None:
        while True:
            started = time.monotonic()
            try:
                refresh()
            except Exception:
                log.exception("live refresh failed; retrying")
            await _next_turn(news, interval, started, gap)

    return loop.create_task(poll())


async def _next_turn(
    news: Wake | None, interval: float, started: float, gap: float
) -> None:
    """Wait for news (or ``interval``), never refreshing faster than the gap."""
    if news is None:
        await asyncio.sleep(interval)
        return
    try:
        await news(interval)
    except Exception:
        log.exception("live news failed; polling instead")
        await asyncio.sleep(interval)
    await asyncio.sleep(max(0.0, started + gap - time.monotonic()))
