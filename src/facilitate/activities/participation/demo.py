"""A tracked fifteen-minute discussion for the demo session, unevenly shared.

The log stamps each event with the time it is appended, and a demo is seeded in a
second. So the discussion is written through a second connection to the same
SQLite file whose clock we set tap by tap, ending a minute before seeding. A few
voices dominate, two people added by seat label join in, three people never
speak, one mistaken tap is undone: what a real room tends to look like.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence

from facilitate.activities.participation.events import (
    SpeakerAdded,
    TapUndone,
    TurnStarted,
)
from facilitate.core.sessions import SessionInfo
from facilitate.core.store.base import EventStore
from facilitate.core.store.sqlite import SQLiteStore

DISCUSSION_SECONDS = 15 * 60
#: How often each person (in join order) takes the floor; zeros never speak.
VOICE_WEIGHTS = (9.0, 1.0, 7.0, 2.0, 3.0, 0.0, 5.0, 0.5, 1.5, 0.0, 2.0, 0.0) * 2
SEATS = (("Seat 13", "teacher", 1.5), ("Seat 14", "", 0.5))


class SetClock:
    """A clock that says whatever time it was last set to."""

    def __init__(self, at: float) -> None:
        self.at = at

    def __call__(self) -> float:
        return self.at


def seed_discussion(
    store: EventStore, session: SessionInfo, people: Sequence[str], rng: random.Random
) -> None:
    """Record a realistic tracked discussion among ``people``."""
    clock = SetClock(time.time() - DISCUSSION_SECONDS - 60)
    timed = (
        SQLiteStore(store.path, clock=clock)
        if isinstance(store, SQLiteStore)
        else store
    )
    weights = dict(zip(people, VOICE_WEIGHTS, strict=False))
    for index, (label, role, weight) in enumerate(SEATS):
        speaker = f"seat-demo-{index}"
        timed.append(session.code, SpeakerAdded(speaker, label, role))
        weights[speaker] = weight
    try:
        _talk(timed, session.code, clock, weights, rng)
    finally:
        if timed is not store:
            timed.close()


def _talk(
    store: EventStore,
    code: str,
    clock: SetClock,
    weights: dict[str, float],
    rng: random.Random,
) -> None:
    """Taps until the discussion time is used; long turns for the loudest voices."""
    end = clock.at + DISCUSSION_SECONDS
    voices = [s for s, w in weights.items() if w > 0]
    current = ""
    while clock.at < end:
        if rng.random() < 0.08:
            store.append(code, TurnStarted(None))
            clock.at += rng.uniform(4, 12)
            continue
        others = [s for s in voices if s != current]
        current = rng.choices(others, [weights[s] for s in others])[0]
        tap = store.append(code, TurnStarted(current))
        if rng.random() < 0.03:
            clock.at += 2
            store.append(code, TapUndone(target=tap.id))
            continue
        clock.at += rng.uniform(6, 20) * (1 + weights[current] / 4)
    clock.at = min(clock.at, end)
    store.append(code, TurnStarted(None))
