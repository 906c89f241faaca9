"""The summary's cover: title, date and who was present, by role.

Counts per role pass the release gate like every shared figure: roles it
withholds are merged into one line of at least k people, so a lone administrator
is never singled out, and neither is the next smallest role.

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
from facilitate.core.release import hidden_total, release_k, release_partition
from facilitate.core.roster import ROLE_LABELS, roster_of
from facilitate.core.sessions import SessionInfo


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
    """What the cover page says; roles the gate withholds are merged, never named."""
    k = release_k(roster_of(records), session)
    counts = present_roles(records)
    released = release_partition(dict(counts), k)
    shown = sorted(
        (
            (ROLE_LABELS.get(role) or role or "Prefer not to say", n)
            for role, n in released.items()
            if n is not None
        ),
        key=lambda pair: (-pair[1], pair[0]),
    )
    merged = hidden_total(counts, released)
    note = ""
    if merged:
        note = (
            f"{merged} more {'person' if merged == 1 else 'people'} in roles with "
            f"fewer than {k} people each (not named, to keep them private)."
        )
    return Cover(
        title=session.title,
        date=time.strftime("%d %B %Y", time.localtime(session.created_at)),
        present=sum(counts.values()),
        roles=tuple(shown),
        roles_note=note,
        min_group_size=k,
    )
