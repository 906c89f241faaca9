"""The root-cause protocol: from a finding in the district's data to its causes.

The leader runs the equity audit (``facilitate audit`` or ``audit.ipynb``) and
shares one or more released findings; the room names possible causes in four
categories, asks "why?" up to five deep, and dot-votes.
"""

from __future__ import annotations

from facilitate.activities.root_cause.events import (
    CauseAdded,
    CauseHidden,
    CauseVoted,
    FindingShared,
    FindingWithdrawn,
)
from facilitate.core.agenda import ANSWER, ActivitySpec, Lazy, Phase, lazy
from facilitate.core.pages import Page

SPEC = ActivitySpec(
    key="root_cause",
    phase=Phase(
        "root_causes",
        "Root causes",
        "What do our data show, and why? Name possible causes, ask why, then vote.",
    ),
    events=(FindingShared, FindingWithdrawn, CauseAdded, CauseVoted, CauseHidden),
    participant=lazy(__package__, "participant:RootCauseActivity"),
    display=lazy(__package__, "display:RootCausePanel"),
    controls=lazy(__package__, "controls:RootCauseControls"),
    guide=lazy(__package__, "guide:GUIDE"),
    report=lazy(__package__, "report:root_cause_part"),
    demo=lazy(__package__, "demo:seed_root_causes"),
    evidence=lazy(__package__, "evidence:EVIDENCE"),
    contributions=(CauseAdded.kind, CauseVoted.kind),
    pages=(Page("audit.ipynb", package=__package__),),
    commands=(Lazy("facilitate.audit.command:register"),),
    # every number it shares is an answer: it passes k everywhere
    numbers=(
        ("causes", ANSWER),
        ("votes", ANSWER),
    ),
)
