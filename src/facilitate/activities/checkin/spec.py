"""The check-in: how each person is arriving, asked as they join."""

from __future__ import annotations

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.agenda import ANSWER, ActivitySpec, Phase, lazy

SPEC = ActivitySpec(
    key="checkin",
    phase=Phase("welcome", "Welcome & check-in", "Welcome! Settle in and check in."),
    events=(CheckinAnswered,),
    unseen_by_participants=(CheckinAnswered.kind,),
    join_question=lazy(__package__, "join:CheckinQuestionField"),
    participant=lazy(__package__, "participant:CheckinChoice"),
    display=lazy(__package__, "display:CheckinPanel"),
    controls=lazy(__package__, "controls:CheckinControls"),
    guide=lazy(__package__, "guide:GUIDE"),
    report=lazy(__package__, "report:checkin_part"),
    demo=lazy(__package__, "demo:seed_checkins"),
    # every number it shares is an answer: it passes k everywhere
    numbers=(
        ("feelings", ANSWER),
        ("feelings_by_role", ANSWER),
    ),
)
