"""The polling task that keeps pages live.

Voila drops output produced after a notebook has finished, but widget value changes
still reach the page. So each page runs one asyncio task on the kernel's own event
loop (ipywidgets is not thread-safe) that asks the store for new events a few times
a second and updates widget values. No click is needed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

CONSOLE_INTERVAL = 0.25
PARTICIPANT_INTERVAL = 1.0


def keep_polling(
    refresh: Callable[[], None], interval: float
) -> asyncio.Task[None] | None:
    """Run ``refresh`` every ``interval`` seconds on the running loop.

    Returns None where no loop runs (plain tests call ``refresh`` themselves).
    A failing refresh is logged and retried; it never stops the page.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None

    async def poll() -> None:
        while True:
            try:
                refresh()
            except Exception:
                log.exception("live refresh failed; retrying")
            await asyncio.sleep(interval)

    return loop.create_task(poll())
