"""Per-client limits at the front door: page loads, and tries with a wrong code.

Every page load starts (or takes) a kernel, so a client reloading in a loop, or
guessing session codes, costs the whole room. A token bucket per client address
allows a generous burst (a room's shared address still joins) and a steady rate.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Bucket:
    tokens: float
    updated: float


@dataclass
class RateLimit:
    """``burst`` actions at once, then ``per_minute`` a minute, per client."""

    burst: int
    per_minute: float
    clock: Callable[[], float] = time.monotonic
    buckets: dict[str, Bucket] = field(default_factory=dict)

    def allow(self, client: str) -> bool:
        """Take one token for ``client``; False when the client is over its limit."""
        now = self.clock()
        bucket = self.buckets.get(client) or Bucket(float(self.burst), now)
        refill = (now - bucket.updated) * self.per_minute / 60
        bucket.tokens = min(float(self.burst), bucket.tokens + refill)
        bucket.updated = now
        self.buckets[client] = bucket
        if len(self.buckets) > 10_000:
            self._forget_full(now)
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True

    def _forget_full(self, now: float) -> None:
        """Drop clients whose bucket has refilled: they cost nothing to recreate."""
        full = [
            client
            for client, bucket in self.buckets.items()
            if bucket.tokens + (now - bucket.updated) * self.per_minute / 60
            >= self.burst
        ]
        for client in full:
            del self.buckets[client]
