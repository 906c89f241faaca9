"""Participation equity: who talks, how much, and who follows whom."""

from __future__ import annotations

from facilitate.activities.participation.events import (
    SpeakerAdded,
    TapUndone,
    TurnStarted,
)
from facilitate.core.agenda import ANSWER, OBSERVATION, ActivitySpec, Phase, lazy
from facilitate.core.pages import Page

#: Figures everyone in the room saw happen, and the one that is an answer:
#: written contributions are made on a person's own device, not in the open.
PEOPLE_BY_ROLE = "people_by_role"
TALK_BY_ROLE = "talk_by_role"
TURNS_BY_ROLE = "turns_by_role"
FOLLOWS_BY_ROLE = "follows_by_role"
CONTRIBUTIONS_BY_ROLE = "contributions_by_role"

SPEC = ActivitySpec(
    key="participation",
    phase=Phase(
        "participation",
        "Participation equity",
        "Talk together. Notice who speaks, how much, and who follows whom.",
    ),
    events=(SpeakerAdded, TurnStarted, TapUndone),
    unseen_by_participants=(SpeakerAdded.kind, TurnStarted.kind, TapUndone.kind),
    display=lazy(__package__, "display:ParticipationPanel"),
    controls=lazy(__package__, "controls:ParticipationControls"),
    report=lazy(__package__, "report:participation_part"),
    demo=lazy(__package__, "demo:seed_discussion"),
    evidence=lazy(__package__, "evidence:EVIDENCE"),
    comparison=lazy(__package__, "comparison:compare_equity"),
    pages=(Page("tracker.ipynb"),),
    numbers=(
        (PEOPLE_BY_ROLE, OBSERVATION),
        (TALK_BY_ROLE, OBSERVATION),
        (TURNS_BY_ROLE, OBSERVATION),
        (FOLLOWS_BY_ROLE, OBSERVATION),
        (CONTRIBUTIONS_BY_ROLE, ANSWER),
    ),
)
