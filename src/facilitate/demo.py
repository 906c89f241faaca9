"""A demo session with a realistic room, so a new user sees every chart at once.

Two dozen people join (a room big enough for the release gate to show results at
the default group size of 5); then every activity on the agenda seeds its own
answers, in agenda order, and the leader's evidence pack is filled in. A demo
team, four meetings in, is seeded beside it.
"""

from __future__ import annotations

import random

from facilitate.core.agenda import current_agenda
from facilitate.core.events import ParticipantJoined
from facilitate.core.sessions import SessionInfo, create_session, list_sessions
from facilitate.core.store.base import EventStore
from facilitate.evidence.demo import seed_evidence
from facilitate.teams.demo import demo_team

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
    ("Mateo", "teacher"),
    ("Nia", "support_staff"),
    ("Omar", "teacher"),
    ("Priya", "family"),
    ("Quinn", "teacher"),
    ("Rosa", "support_staff"),
    ("Sam", "teacher"),
    ("Tomas", "family"),
    ("Uma", "specialist"),
    ("Vera", "teacher"),
    ("Wen", "support_staff"),
    ("Yusuf", "family"),
)


def seed_demo(store: EventStore, seed: int = 7) -> SessionInfo:
    """Create a demo session where two dozen people took part in every activity."""
    rng = random.Random(seed)
    session = create_session(store, DEMO_TITLE)
    people = []
    for index, (name, role) in enumerate(DEMO_PEOPLE):
        participant = f"demo-{index:02d}"
        store.append(session.code, ParticipantJoined(participant, name, role))
        people.append(participant)
    for _, seed_activity in current_agenda().loaded("demo"):
        seed_activity(store, session, people, rng)
    seed_evidence(store, session)
    demo_team(store)
    return session


def demo_session(store: EventStore) -> SessionInfo:
    """The existing demo session, or a freshly seeded one."""
    for session in list_sessions(store):
        if session.title == DEMO_TITLE:
            return session
    return seed_demo(store)
