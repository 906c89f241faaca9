"""The poll's spec: a phase, one event kind, its views and parts by reference,
a page of its own (``poll.ipynb`` here) behind the facilitator key, and a command
of its own (``facilitate poll-question``)."""

from __future__ import annotations

from facilitate.core.agenda import ActivitySpec, Phase, lazy
from facilitate.core.pages import Page
from tests.activities.poll.events import PollAnswered

SPEC = ActivitySpec(
    key="poll",
    phase=Phase("poll", "Quick poll", "One question before we close."),
    events=(PollAnswered,),
    participant=lazy(__package__, "views:PollQuestion"),
    display=lazy(__package__, "views:PollPanel"),
    report=lazy(__package__, "views:poll_part"),
    evidence=lazy(__package__, "evidence:EVIDENCE"),
    comparison=lazy(__package__, "comparison:compare_polls"),
    contributions=(PollAnswered.kind,),
    pages=(Page("poll.ipynb", package=__package__),),
    commands=(lazy(__package__, "command:register"),),
)
