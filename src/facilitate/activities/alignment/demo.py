"""Realistic alignment answers for the demo session.

The demo room agrees that relationship-based practices belong in its vision,
splits into two camps over letter grades and reward celebrations, admits that
points systems drive the school more than anyone wants, sits in the middle on
the contested practices, and places positive behaviour support further toward
intrinsic than its design suggests: the picture a facilitator most needs to
recognise on the display.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from facilitate.activities.alignment.content import (
    LEVEL_POINTS,
    SPECTRUM_POINTS,
    load_alignment,
)
from facilitate.activities.alignment.events import PracticeRated, VisionOffered
from facilitate.core.sessions import SessionInfo
from facilitate.core.store.base import EventStore

#: Practices where the demo room splits into two camps; the rest follow "leans",
#: except those the room sees otherwise than their design.
SPLIT_PRACTICES = {"letter_grades", "reward_celebrations"}
PLACED_OTHERWISE = {"pbis": "intrinsic"}
#: Spectrum, now and vision at the centre of each model's answers.
CENTRES = {
    "extrinsic": (2.0, 4.0, 2.0),
    "mixed": (4.0, 3.5, 3.5),
    "intrinsic": (6.0, 2.0, 4.5),
}
VISIONS = (
    "Curious, known and brave learners",
    "Every student belongs and has a voice",
    "Joy in learning, not points",
    "Students own their learning together",
    "Belonging, curiosity and purpose",
    "Known by name, strength and need",
    "Kind, curious, independent thinkers",
    "Learning that matters to our community",
    "Every voice heard; everyone grows",
)


def _clip(value: float, points: int) -> int:
    return max(1, min(points, round(value)))


def _answer(leans: str, split_camp: int | None, rng: random.Random) -> tuple[int, ...]:
    """Spectrum, now and vision for one person, with a little honest noise."""
    if split_camp is not None:
        # two camps near the ends, each holding its place firmly
        centre = (1.3, 4.0, 1.5) if split_camp == 0 else (6.7, 4.0, 4.5)
        spread = (0.6, 0.7, 0.6)
    else:
        centre = CENTRES.get(leans, CENTRES["mixed"])
        spread = (0.8, 0.7, 0.7)
    points = (SPECTRUM_POINTS, LEVEL_POINTS, LEVEL_POINTS)
    return tuple(
        _clip(rng.gauss(c, s), p)
        for c, s, p in zip(centre, spread, points, strict=True)
    )


def seed_alignment(
    store: EventStore,
    session: SessionInfo,
    people: Sequence[str],
    rng: random.Random,
) -> None:
    """Everyone places every practice (one in ten skipped); most offer a vision."""
    for index, participant in enumerate(people):
        for practice in load_alignment().practices:
            if rng.random() < 0.1:
                event = PracticeRated(participant, practice.key, skipped=True)
            else:
                camp = index % 2 if practice.key in SPLIT_PRACTICES else None
                leans = PLACED_OTHERWISE.get(practice.key, practice.leans)
                spectrum, now, vision = _answer(leans, camp, rng)
                event = PracticeRated(participant, practice.key, spectrum, now, vision)
            store.append(session.code, event)
        if index < len(VISIONS):
            store.append(session.code, VisionOffered(participant, VISIONS[index]))
