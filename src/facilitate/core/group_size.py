"""How large a group must be before the room sees it: k, as the log has set it.

Rule 1 of the release gate (``core.release``): k is the facilitator's choice,
never below ``SMALLEST_ALLOWED_GROUP_SIZE``; unless one is chosen it fits the
room (3 for a room of up to 14, 5 from 15 people), decided by how many had
joined when results were first revealed and fixed from then on, so nobody can
move k to difference two screens. The roster reads it (``release_k``) and a
walk through the log folds it one event at a time (``GroupSize``); both agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from facilitate.core.config import (
    AUTO_GROUP_SIZE,
    DEFAULT_MIN_GROUP_SIZE,
    LARGE_ROOM,
    SMALLEST_ALLOWED_GROUP_SIZE,
)
from facilitate.core.events import (
    ParticipantJoined,
    ResultsRevealed,
    SessionCreated,
    SettingChanged,
)

if TYPE_CHECKING:
    from facilitate.core.roster import Roster
    from facilitate.core.sessions import SessionInfo

MIN_GROUP_SETTING = "min_group_size"


def floored(k: int) -> int:
    """``k``, raised to the privacy floor if a setting slipped below it."""
    return max(int(k), SMALLEST_ALLOWED_GROUP_SIZE)


def fitted_k(joined: int) -> int:
    """The k that fits a room of ``joined`` people: the floor up to
    ``LARGE_ROOM - 1`` (a room of 6 must learn something about itself), 5 from
    ``LARGE_ROOM`` on."""
    return (
        SMALLEST_ALLOWED_GROUP_SIZE if joined < LARGE_ROOM else DEFAULT_MIN_GROUP_SIZE
    )


def k_in_force(session_k: int, chosen: object, joined: int) -> int:
    """k from the facilitator's choice on the remote, else the session's, else
    (``AUTO_GROUP_SIZE``) the one that fits ``joined`` people, the floor applied.

    ``joined`` is the room's size when results were first revealed, or now if
    nothing was revealed yet: fixed at the first release, so people joining or
    leaving later cannot move k and difference two screens.
    """
    if chosen is not None:
        fallback = session_k if session_k != AUTO_GROUP_SIZE else fitted_k(joined)
        return floored(_whole(chosen, fallback))
    if session_k != AUTO_GROUP_SIZE:
        return floored(session_k)
    return fitted_k(joined)


def release_k(roster: Roster, session: SessionInfo) -> int:
    """The minimum group size in force for ``session`` now (the floor applied)."""
    joined = roster.joined_at_first_reveal
    return k_in_force(
        session.min_group_size,
        roster.settings.get(MIN_GROUP_SETTING),
        roster.count if joined is None else joined,
    )


def k_is_fitted(roster: Roster, session: SessionInfo) -> bool:
    """True while k fits the room (nobody chose one)."""
    chosen = roster.settings.get(MIN_GROUP_SETTING)
    return chosen is None and session.min_group_size == AUTO_GROUP_SIZE


@dataclass
class GroupSize:
    """k as the log has set it so far: what ``release_k`` reads off a roster,
    folded one event at a time for a walk through the log."""

    session_k: int = SMALLEST_ALLOWED_GROUP_SIZE
    chosen: object = None
    joined: set[str] = field(default_factory=set)
    fixed: int | None = None

    def apply(self, event: object) -> None:
        if isinstance(event, SessionCreated):
            self.session_k = event.min_group_size
        elif isinstance(event, SettingChanged) and event.name == MIN_GROUP_SETTING:
            self.chosen = event.value
        elif isinstance(event, ParticipantJoined):
            self.joined.add(event.participant)
        elif isinstance(event, ResultsRevealed) and event.revealed:
            self.fixed = len(self.joined) if self.fixed is None else self.fixed

    @property
    def k(self) -> int:
        joined = len(self.joined) if self.fixed is None else self.fixed
        return k_in_force(self.session_k, self.chosen, joined)


def _whole(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default
