"""Check-ins for the demo session: a room arriving in mixed states."""

from __future__ import annotations

import random
from collections.abc import Sequence

from facilitate.activities.checkin.content import load_checkin
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.sessions import SessionInfo
from facilitate.core.store.base import EventStore

#: Most arrive curious or hopeful; a few tired or stretched, as on a school evening.
_WEIGHTS = {"curious": 5, "hopeful": 4, "energised": 2, "tired": 3, "stretched": 2}


def seed_checkins(
    store: EventStore, session: SessionInfo, people: Sequence[str], rng: random.Random
) -> None:
    """Everyone checks in as they join."""
    keys = [c.key for c in load_checkin().choices]
    weights = [_WEIGHTS.get(key, 1) for key in keys]
    for person in people:
        answer = rng.choices(keys, weights)[0]
        store.append(session.code, CheckinAnswered(person, answer))
