"""A demo session with a realistic room, so a new user sees every chart at once."""

from __future__ import annotations

import random

from facilitate.alignment_demo import seed_alignment
from facilitate.content import load_checkin
from facilitate.events import CheckinAnswered, ParticipantJoined
from facilitate.participation_demo import seed_discussion
from facilitate.reflection_demo import seed_reflection
from facilitate.self_assessment.demo import seed_self_assessment
from facilitate.sessions import SessionInfo, create_session
from facilitate.store.base import EventStore

DEMO_TITLE = "Demo: Aligning our practice with our vision"
DEMO_PEOPLE = (
    ("Amara", "teacher"),
    ("Ben", "teacher"),
    ("Chen", "administrator"),
    ("Dolores", "specialist"),
    ("Eli", "teacher"),
    ("Fatima", "support_staff"),
    ("Gus", "teacher"),
    ("Hana", "family"),
    ("Ivan", "teacher"),
    ("Jo", "community"),
    ("Kofi", "teacher"),
    ("Lena", "specialist"),
)


def seed_demo(store: EventStore, seed: int = 7) -> SessionInfo:
    """Create a demo session where a dozen people have joined and checked in."""
    rng = random.Random(seed)
    session = create_session(store, DEMO_TITLE)
    choices = [c.key for c in load_checkin().choices]
    for index, (name, role) in enumerate(DEMO_PEOPLE):
        participant = f"demo-{index:02d}"
        store.append(session.code, ParticipantJoined(participant, name, role))
        store.append(session.code, CheckinAnswered(participant, rng.choice(choices)))
    seed_discussion(store, session)
    people = [f"demo-{index:02d}" for index in range(len(DEMO_PEOPLE))]
    seed_self_assessment(store, session, people, rng)
    seed_alignment(store, session, people, rng)
    seed_reflection(store, session, [f"demo-{i:02d}" for i in range(len(DEMO_PEOPLE))])
    return session


def demo_session(store: EventStore) -> SessionInfo:
    """The existing demo session, or a freshly seeded one."""
    from facilitate.sessions import list_sessions

    for session in list_sessions(store):
        if session.title == DEMO_TITLE:
            return session
    return seed_demo(store)
