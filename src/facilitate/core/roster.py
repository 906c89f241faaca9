"""Who is in the room and where the session stands, folded from events.

Pure Python (no pandas) because every participant kernel runs it while joining.
Later events win: a rejoin with a new name, a phase moved back and forth.
Nothing is lost; the fold just reads the latest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from facilitate.core.agenda import current_agenda
from facilitate.core.events import (
    ParticipantJoined,
    PhaseChanged,
    Recorded,
    ResultsRevealed,
    SettingChanged,
)
from facilitate.core.language import N_

ROLES: tuple[tuple[str, str], ...] = (
    ("", N_("Prefer not to say")),
    ("teacher", N_("Teacher")),
    ("administrator", N_("Administrator")),
    ("specialist", N_("Specialist")),
    ("support_staff", N_("Support staff")),
    ("family", N_("Family member")),
    ("student", N_("Student")),
    ("community", N_("Community member")),
    ("other", N_("Other")),
)
ROLE_LABELS = dict(ROLES)


@dataclass(frozen=True)
class Member:
    participant: str
    name: str
    role: str


@dataclass
class Roster:
    """The session's current state as seen by everyone (no private content)."""

    phase: str = field(default_factory=lambda: current_agenda().first_phase)
    members: dict[str, Member] = field(default_factory=dict)
    revealed: dict[str, bool] = field(default_factory=dict)
    settings: dict[str, object] = field(default_factory=dict)
    last_id: int = 0
    #: How many had joined when results were first revealed (fixes a fitted k).
    joined_at_first_reveal: int | None = None

    @property
    def count(self) -> int:
        return len(self.members)

    def min_group_size(self, default: int) -> int:
        """The facilitator's current k (set from the remote), else ``default``."""
        value = self.settings.get("min_group_size", default)
        return int(value) if isinstance(value, int | str) else default

    def show_names(self) -> bool:
        """Whether the facilitator chose to show names on the projected screen."""
        return bool(self.settings.get("show_names", False))

    def apply(self, records: Iterable[Recorded]) -> Roster:
        """Fold new events in (in place) and return self, for chaining."""
        for record in records:
            self._apply_one(record)
            self.last_id = max(self.last_id, record.id)
        return self

    def _apply_one(self, record: Recorded) -> None:
        event = record.event
        if isinstance(event, ParticipantJoined):
            self.members[event.participant] = Member(
                event.participant, event.name, event.role
            )
        elif isinstance(event, PhaseChanged):
            self.phase = event.phase
        elif isinstance(event, ResultsRevealed):
            self.revealed[event.activity] = event.revealed
            if event.revealed and self.joined_at_first_reveal is None:
                self.joined_at_first_reveal = len(self.members)
        elif isinstance(event, SettingChanged):
            self.settings[event.name] = event.value


def roster_of(records: Iterable[Recorded]) -> Roster:
    return Roster().apply(records)
