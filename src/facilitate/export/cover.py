"""The summary's cover: title, date and who was present, by role.

Counts per role follow the k rule like every shared figure: roles with fewer than
k people are merged into one line, so a lone administrator is never singled out.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from facilitate.events import ParticipantJoined, Recorded, SpeakerAdded
from facilitate.metrics.privacy import is_shown
from facilitate.roster import ROLE_LABELS, roster_of
from facilitate.sessions import SessionInfo


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
        event = record.event
        if isinstance(event, ParticipantJoined):
            roles[event.participant] = event.role
        elif isinstance(event, SpeakerAdded):
            roles[f"speaker:{event.speaker}"] = event.role
    return Counter(roles.values())


def cover_facts(records: Sequence[Recorded], session: SessionInfo) -> Cover:
    """What the cover page says; role groups under k are merged, never named."""
    k = roster_of(records).min_group_size(session.min_group_size)
    counts = present_roles(records)
    shown = sorted(
        (
            (ROLE_LABELS.get(role) or role or "Prefer not to say", n)
            for role, n in counts.items()
            if is_shown(n, k)
        ),
        key=lambda pair: (-pair[1], pair[0]),
    )
    merged = sum(n for n in counts.values() if not is_shown(n, k))
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
