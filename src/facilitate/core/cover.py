"""The summary's cover: title, date and who was present, by role.

Counts per role pass the release gate like every shared figure, on its
observation path: who was present is something everyone in the room saw, so the
leader's summary and evidence pack count every role exactly, the two family
members and the one student included. That is what a leader must show of a
room's diversity, and it tells nobody anything the room did not already see.

It sits in the core because the export and the evidence pack both print it. It
counts whoever an event says it put in the room (``Event.presence``), so it
needs no activity's events: a person added without a device is counted because
the participation activity's ``SpeakerAdded`` says so.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from facilitate.core.events import Recorded
from facilitate.core.group_size import release_k
from facilitate.core.release import ATTENDANCE, EXPORT, ROOM, release_observation
from facilitate.core.roster import ROLE_LABELS, roster_of
from facilitate.core.sessions import SessionInfo

ROLES_NOTE = (
    "Every role is counted exactly, however small: everyone in the room saw "
    "who was there."
)


@dataclass(frozen=True)
class Cover:
    title: str
    date: str
    present: int
    roles: tuple[tuple[str, int], ...]
    roles_note: str
    min_group_size: int


def present_roles(records: Sequence[Recorded]) -> Counter[str]:
    """Role of everyone present: people who joined and people added without a device."""
    roles: dict[str, str] = {}
    for record in records:
        present = record.event.presence()
        if present is not None:
            person, role = present
            roles[person] = role
    return Counter(roles.values())


def cover_facts(records: Sequence[Recorded], session: SessionInfo) -> Cover:
    """What the cover page says: every role present, counted exactly."""
    k = release_k(roster_of(records), session)
    counts = present_roles(records)
    groups = release_observation(ROOM, ATTENDANCE, dict(counts), k, shown_on=EXPORT)
    shown = sorted(
        (
            (ROLE_LABELS.get(g.members[0]) or g.members[0] or "Prefer not to say", n)
            for g in groups
            if (n := g.count) is not None
        ),
        key=lambda pair: (-pair[1], pair[0]),
    )
    note = ROLES_NOTE if len(shown) > 1 else ""
    return Cover(
        title=session.title,
        date=time.strftime("%d %B %Y", time.localtime(session.created_at)),
        present=sum(counts.values()),
        roles=tuple(shown),
        roles_note=note,
        min_group_size=k,
    )
