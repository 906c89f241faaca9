"""Where each phase's activity plugs into the participant and console pages.

An activity module registers a factory per phase; the pages ask this registry what
to show when the phase changes, so adding an activity never edits the pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, cast

import ipywidgets as widgets

from facilitate.events import Recorded
from facilitate.roster import Roster
from facilitate.sessions import SessionInfo
from facilitate.store.base import EventStore


@dataclass(frozen=True)
class ParticipantContext:
    store: EventStore
    session: SessionInfo
    participant: str


class ParticipantActivity(Protocol):
    root: widgets.Widget

    def refresh(self, roster: Roster, new: list[Recorded]) -> None: ...


@dataclass(frozen=True)
class ConsoleContext:
    store: EventStore
    session: SessionInfo


class ConsoleActivity(Protocol):
    """Refreshed when the log grows (every tick too if it has ``ticks = True``)."""

    root: widgets.Widget

    def refresh(self, roster: Roster, records: list[Recorded]) -> None: ...


ParticipantFactory = Callable[[ParticipantContext], ParticipantActivity]
ConsoleFactory = Callable[[ConsoleContext], ConsoleActivity]

#: phase key -> "module:factory" of what participants see in that phase.
PARTICIPANT_ACTIVITIES: dict[str, str] = {
    "alignment": "facilitate.views.alignment_participant:AlignmentActivity",
    "reflection": "facilitate.views.feedback_participant:FeedbackActivity",
    "welcome": "facilitate.views.checkin_participant:CheckinChoice",
    "self_assessment": (
        "facilitate.views.self_assessment_participant:SelfAssessmentActivity"
    ),
}
#: phase key -> "module:factory" of what the console projects in that phase.
CONSOLE_ACTIVITIES: dict[str, str] = {
    "alignment": "facilitate.views.alignment_console:AlignmentPanel",
    "reflection": "facilitate.views.feedback_console:FeedbackPanel",
    "welcome": "facilitate.views.checkin_panel:CheckinPanel",
    "self_assessment": "facilitate.views.self_assessment_console:SelfAssessmentPanel",
    "participation": "facilitate.views.participation_console:ParticipationPanel",
}


def participant_activity(phase: str) -> ParticipantFactory | None:
    """The participant factory for ``phase``, imported only when that phase opens."""
    return cast("ParticipantFactory | None", _load(PARTICIPANT_ACTIVITIES.get(phase)))


def console_activity(phase: str) -> ConsoleFactory | None:
    return cast("ConsoleFactory | None", _load(CONSOLE_ACTIVITIES.get(phase)))


def _load(target: str | None) -> Any:
    """Import ``module:function`` lazily so a join never pays for other phases."""
    if not target:
        return None
    from importlib import import_module

    module_name, _, attribute = target.partition(":")
    return getattr(import_module(module_name), attribute)
