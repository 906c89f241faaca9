"""Saving a moment after typing stops, and now and then during long typing.

Every keystroke reaches the kernel (text boxes update continuously), but one event
per keystroke would flood the log. ``Debounced`` runs its action once the person
has paused for ``pause`` seconds, and at least every ``longest`` seconds while they
keep typing, so a reload mid-sentence loses at most the last few seconds, and the
page warns about those (see ``facilitate.ui.unsaved``). It runs on the kernel's
own event loop, as the live pages do: ipywidgets is not thread-safe.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

PAUSE_SECONDS = 1.0
LONGEST_SECONDS = 8.0


class Debounced:
    """Call ``action`` after a pause in ``poke()`` calls; ``flush()`` calls it now.

    Where no event loop runs (plain tests), ``poke()`` only marks the action as
    pending and the test calls ``flush()``.
    """

    def __init__(
        self,
        action: Callable[[], None],
        pause: float = PAUSE_SECONDS,
        longest: float = LONGEST_SECONDS,
    ) -> None:
        self.action = action
        self.pause = pause
        self.longest = longest
        self.pending = False
        self.first_poke = 0.0
        self.timer: asyncio.TimerHandle | None = None

    def poke(self) -> None:
        """Something changed: save after a pause (or soon, if it has been long)."""
        now = time.monotonic()
        if not self.pending:
            self.first_poke = now
        self.pending = True
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        if self.timer is not None:
            self.timer.cancel()
        waited = now - self.first_poke
        delay = max(0.0, min(self.pause, self.longest - waited))
        self.timer = loop.call_later(delay, self.flush)

    def flush(self) -> None:
        """Run the action now if anything is pending."""
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        if not self.pending:
            return
        self.pending = False
        self.action()
