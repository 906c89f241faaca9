"""The front door's budgets: page loads, and tries with a wrong code.

Every page load starts (or takes) a kernel, so a client reloading in a loop, or
guessing session codes, costs the whole room. But a whole room may reach us from
one address (a school network behind one public address, or everyone behind a
proxy): 250 people joining within a minute must all get in. So a participant's
page load is counted against the narrowest thing that is one person:

- a **browser** the front door has seen before, by the signed cookie it gave
  that browser (``BrowserCookies``): a few reloads at once, then a few a minute;
- a **newcomer** (no cookie of ours yet) against the session they open, at their
  address: a room's worth at once, then a steady trickle;
- and every load against its **address**, as a high backstop.

A browser reloading in a loop keeps its cookie and soon meets its own budget; a
script that drops cookies spends its address's newcomer budget, a room's worth,
and is then held to the trickle. Facilitator pages are loaded by one person and
keep the tighter per-address budget. Wrong codes count per browser, with the
address as backstop; without our cookie, the address is the device.

Every budget is a ``core.ratelimit.TokenBucket`` per key, kept in this process
(with several workers, HAProxy keeps each browser on one worker).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from facilitate.core.ratelimit import TokenBucket

#: Buckets kept per budget before full ones (which cost nothing) are forgotten.
MOST_BUCKETS = 10_000
BROWSER_COOKIE = "facilitate-browser"


@dataclass
class RateLimit:
    """``burst`` actions at once, then ``per_minute`` a minute, per key."""

    burst: int
    per_minute: float
    clock: Callable[[], float] = time.monotonic
    buckets: dict[str, TokenBucket] = field(default_factory=dict)

    def allow(self, key: str) -> bool:
        """Take one token for ``key``; False when ``key`` is over its budget."""
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(self.per_minute / 60, self.burst, self.clock)
            self.buckets[key] = bucket
            if len(self.buckets) > MOST_BUCKETS:
                self._forget_full()
        return bucket.take()

    def _forget_full(self) -> None:
        """Drop keys whose bucket has refilled: they cost nothing to recreate."""
        for key in [key for key, bucket in self.buckets.items() if bucket.is_full()]:
            del self.buckets[key]


@dataclass(frozen=True)
class BrowserCookies:
    """Cookies that name a browser, signed so a client cannot invent new ones."""

    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    def issue(self) -> str:
        name = secrets.token_urlsafe(12)
        return f"{name}.{self._sign(name)}"

    def browser(self, cookie: str | None) -> str | None:
        """The browser a cookie of ours names; None for none, or a forged one."""
        name, _, signature = (cookie or "").partition(".")
        if not name or not hmac.compare_digest(signature, self._sign(name)):
            return None
        return name

    def _sign(self, name: str) -> str:
        digest = hmac.new(self.secret, name.encode(), hashlib.sha256)
        return digest.hexdigest()[:32]


def _budget(burst: int, per_minute: float) -> Callable[[], RateLimit]:
    return lambda: RateLimit(burst, per_minute)


@dataclass
class RoomLimits:
    """The participant page's budgets (see the module's docstring)."""

    browsers: RateLimit = field(default_factory=_budget(20, 10))
    newcomers: RateLimit = field(default_factory=_budget(300, 60))
    addresses: RateLimit = field(default_factory=_budget(600, 300))
    browser_wrong_codes: RateLimit = field(default_factory=_budget(10, 6))
    wrong_codes_backstop: RateLimit = field(default_factory=_budget(100, 30))

    def page_load(self, client: str, browser: str | None, code: str) -> bool:
        """Whether a participant page may load for this browser or newcomer."""
        if browser is not None:
            own = self.browsers.allow(browser)
        else:
            own = self.newcomers.allow(f"{client} {code.upper()}")
        return own and self.addresses.allow(client)

    def wrong_code(self, client: str, browser: str | None, devices: RateLimit) -> bool:
        """Whether one more wrong code may be answered (False: too many).

        ``devices`` counts a client without our cookie by its address, as one device.
        """
        if browser is None:
            return devices.allow(client)
        return self.browser_wrong_codes.allow(
            browser
        ) and self.wrong_codes_backstop.allow(client)
