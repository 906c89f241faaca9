"""The sessions being compared, each with its log and its own release k."""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.core.agenda import current_agenda
from facilitate.core.comparison import Room
from facilitate.core.errors import InvalidInput
from facilitate.core.events import Recorded
from facilitate.core.group_size import release_k
from facilitate.core.roster import roster_of
from facilitate.core.sessions import SessionInfo, find_session
from facilitate.core.store.base import EventStore

MAX_ROOMS = 12


def activities_run(records: Sequence[Recorded]) -> frozenset[str]:
    """The agenda's activities that left at least one event in ``records``."""
    kinds = {record.kind for record in records}
    return frozenset(
        spec.key
        for spec in current_agenda().activities
        if kinds & {event.kind for event in spec.events}
    )


def room_of(session: SessionInfo, records: Sequence[Recorded]) -> Room:
    records = tuple(records)
    k = release_k(roster_of(records), session)
    return Room(session, records, k, activities_run(records))


def load_rooms(store: EventStore, codes: Sequence[str]) -> list[Room]:
    """The sessions named by ``codes``, in that order (each once)."""
    sessions: list[SessionInfo] = []
    for code in codes:
        session = find_session(store, code)
        if session.code not in {s.code for s in sessions}:
            sessions.append(session)
    check_count(len(sessions))
    return [room_of(s, store.read(s.code)) for s in sessions]


def check_count(count: int) -> None:
    if count < 2:
        raise InvalidInput("Comparing needs at least two different session codes.")
    if count > MAX_ROOMS:
        raise InvalidInput(
            f"{count} sessions are too many to read side by side; compare at most "
            f"{MAX_ROOMS} at a time."
        )


def shared_activities(rooms: Sequence[Room]) -> tuple[frozenset[str], list[str]]:
    """The activities every room ran, and a sentence per room that ran fewer."""
    every = frozenset.intersection(*(room.activities for room in rooms))
    ran_any = frozenset.union(*(room.activities for room in rooms))
    notes = []
    for room in rooms:
        missing = sorted(ran_any - room.activities)
        if missing:
            notes.append(
                f"{room.label} has no results for {', '.join(missing)}: it is left "
                "out of those comparisons."
            )
    return every, notes
