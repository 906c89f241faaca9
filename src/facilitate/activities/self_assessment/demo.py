"""Realistic self-assessment data for the demo session.

Each person answers the statements written for their role, leaning towards the
middle of the scale with a few "prefer not to say", as a real room would. Two
educators are still working; the educators' and the families' statements have
enough people to draw, the support staff's are too few and wait, which shows the
release rules at work. Every zone moment has enough answers to draw, and results
are revealed so the demo shows the charts.
Private reflections are never stored, so the demo has none.
"""

from __future__ import annotations

import random

from facilitate.activities.self_assessment.content import (
    PREFER_NOT,
    SelfAssessment,
    load_self_assessment,
)
from facilitate.activities.self_assessment.events import (
    IdentityReflected,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
    ZoneChecked,
)
from facilitate.core.events import ParticipantJoined, ResultsRevealed
from facilitate.core.sessions import SessionInfo
from facilitate.core.store.base import EventStore

#: Weights for never, sometimes, often, always (prefer-not is drawn separately).
_LEAN = (1, 4, 4, 2)
_COMMON_IDENTITIES = ("race", "gender", "language", "class", "age")
#: Where people tend to move by the end: out of danger, a few out of comfort.
_END_CHOICES = {
    "danger": ("risk",),
    "risk": ("risk", "risk", "comfort"),
    "comfort": ("comfort", "risk"),
}
#: How many of the educators have not submitted yet.
_STILL_WORKING = 2


def _variants(
    store: EventStore, session: SessionInfo, people: list[str], content: SelfAssessment
) -> list[str]:
    """The variant each person meets, from the role they joined with."""
    roles = {
        r.event.participant: r.event.role
        for r in store.read(session.code, kinds=[ParticipantJoined.kind])
        if isinstance(r.event, ParticipantJoined)
    }
    default = content.variant(content.default_variant)
    return [
        (content.variant_for_role(roles.get(person, "")) or default).key
        for person in people
    ]


def seed_self_assessment(
    store: EventStore, session: SessionInfo, people: list[str], rng: random.Random
) -> None:
    """Give ``people`` start zones, their role's statements and identities."""
    content = load_self_assessment()
    code = session.code
    scale = [point.key for point in content.scale]
    identity_keys = [c.key for c in content.identities]
    variants = _variants(store, session, people, content)
    educators = [p for p, v in zip(people, variants, strict=True) if v == "educators"]
    working = set(educators[-_STILL_WORKING:])
    for person, variant in zip(people, variants, strict=True):
        start = rng.choices(["comfort", "risk", "danger"], weights=(5, 6, 1))[0]
        store.append(code, ZoneChecked(person, "start", start))
        for item in content.variant(variant).items:
            answer = PREFER_NOT if rng.random() < 0.05 else rng.choices(scale, _LEAN)[0]
            store.append(code, SelfAssessmentAnswered(person, item.key, answer))
        for question in content.identity_questions:
            pool = (
                list(_COMMON_IDENTITIES) if question.key != "least" else identity_keys
            )
            chosen = sorted(set(rng.sample(pool, 2)), key=identity_keys.index)
            store.append(code, IdentityReflected(person, question.key, chosen))
        if person not in working:
            store.append(code, SelfAssessmentSubmitted(person))
        end = rng.choice(_END_CHOICES[start])
        store.append(code, ZoneChecked(person, "end", end))
    store.append(code, ResultsRevealed(activity="self_assessment", revealed=True))
