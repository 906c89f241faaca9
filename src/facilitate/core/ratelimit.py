"""Token buckets: how much one person may write, and how often a code may be wrong.

A person answering as fast as they can taps a few times a second; a script
driving the widgets over the websocket (Voila accepts any widget message) can
append thousands of events a second and fill the disk everyone shares. A bucket
holds ``burst`` tokens and refills at ``rate`` a second; each write takes one, and
an empty bucket refuses until it refills. Pure Python, clock passed in.

This is the one bucket: a page's writes and code tries here, and the front
door's budgets per browser, per session code and per address
(``server.limits``) are all made of it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

#: Event appends per participant: sustained per second, and the burst allowed.
APPEND_RATE = 20.0
APPEND_BURST = 50
#: Join attempts with a wrong code per page: 5 at once, then one every 12 s.
WRONG_CODE_RATE = 1 / 12
WRONG_CODE_BURST = 5


@dataclass
class TokenBucket:
    """``burst`` tokens, refilled at ``rate`` per second; ``take`` spends them."""

    rate: float
    burst: int
    clock: Callable[[], float] = time.monotonic
    tokens: float = field(init=False)
    checked: float = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = float(self.burst)
        self.checked = self.clock()

    def _refill(self) -> None:
        now = self.clock()
        self.tokens = min(
            float(self.burst), self.tokens + (now - self.checked) * self.rate
        )
        self.checked = now

    def take(self, count: int = 1) -> bool:
        """Spend ``count`` tokens if there are enough; False (nothing spent) if not."""
        self._refill()
        if self.tokens < count:
            return False
        self.tokens -= count
        return True

    def is_full(self) -> bool:
        """Whether it has refilled completely (then it costs nothing to forget)."""
        self._refill()
        return self.tokens >= self.burst

    def wait_seconds(self, count: int = 1) -> float:
        """How long until ``count`` tokens are there (0 when they already are)."""
        self._refill()
        return max(0.0, (count - self.tokens) / self.rate)
