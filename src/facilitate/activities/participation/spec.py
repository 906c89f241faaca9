"""Participation equity: who talks, how much, and who follows whom."""

from __future__ import annotations

from facilitate.activities.participation.events import (
    SpeakerAdded,
    TapUndone,
    TurnStarted,
)
from facilitate.activities.participation.numbers import ACTIVITY, NUMBERS
from facilitate.core.agenda import ActivitySpec, Phase, lazy
from facilitate.core.pages import Page

SPEC = ActivitySpec(
    key=ACTIVITY,
    phase=Phase(
        "participation",
        "Participation equity",
        "Talk together. Notice who speaks, how much, and who follows whom.",
    ),
    events=(SpeakerAdded, TurnStarted, TapUndone),
    unseen_by_participants=(SpeakerAdded.kind, TurnStarted.kind, TapUndone.kind),
    display=lazy(__package__, "display:ParticipationPanel"),
    controls=lazy(__package__, "controls:ParticipationControls"),
    guide=lazy(__package__, "guide:GUIDE"),
    report=lazy(__package__, "report:participation_part"),
    demo=lazy(__package__, "demo:seed_discussion"),
    evidence=lazy(__package__, "evidence:EVIDENCE"),
    comparison=lazy(__package__, "comparison:compare_equity"),
    pages=(Page("tracker.ipynb", package=__package__, remote="Participation tracker"),),
    numbers=NUMBERS,
)
