"""The shared screen in the welcome phase: how the room is arriving.

The display page shows the join screen (code, QR, address) through the welcome
until the facilitator chooses to show how the room is arriving. The chart shows
released check-ins only (see ``metrics.released_checkins``): it appears once k
people have checked in and moves in batches of k, so nobody can watch a bar grow
as their neighbour joins.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from facilitate.activities.checkin.charts import checkin_figure
from facilitate.activities.checkin.content import CheckinQuestion, load_checkin
from facilitate.activities.checkin.metrics import released_checkins
from facilitate.core.events import Recorded
from facilitate.core.language import N_, counted, phrased
from facilitate.core.release import ReleaseState
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.display_states import ScreenFrame
from facilitate.ui.live_chart import LiveChart
from facilitate.ui.revealed_panel import ReleasedChartPanel

ACTIVITY = "checkin"


class CheckinPanel(ReleasedChartPanel):
    """Named widgets: ``frame`` (a ``ScreenFrame``) and ``chart`` (a ``LiveChart``)."""

    activity = ACTIVITY
    done = N_("have checked in")

    def __init__(self, context: DisplayContext) -> None:
        self.question: CheckinQuestion = load_checkin()
        chart = LiveChart(
            "fc-checkin-chart", screen=context.screen, width=0.84, height=0.6
        )
        super().__init__(ScreenFrame("fc-checkin-screen", self.question.prompt), chart)

    @property
    def note(self) -> str:
        """The words on the screen now (for checks and tests)."""
        return str(self.frame.state.value)

    def release(self, records: list[Recorded]) -> tuple[ReleaseState, Any]:
        return released_checkins(records, self.question)

    def figure(self, released: pd.DataFrame, k: int) -> go.Figure:
        return checkin_figure(released, self.question.prompt, k)

    def prompt_for(self, released: pd.DataFrame) -> str:
        return prompt_for(released)

    def waiting(self, state: ReleaseState, hidden_again: bool) -> None:
        self.show_waiting(
            state.submitted,
            state.k,
            hidden_again,
            detail="Check in as you join: one tap, and nobody sees your answer.",
            next_step=counted(
                "Next: we see how the room is arriving, in groups of at least {count}.",
                "Next: we see how the room is arriving, in groups of at least {count}.",
                state.k,
            ),
        )


def prompt_for(released: pd.DataFrame) -> str:
    """One question drawn from the released groups: the most shared feeling.

    A merged group ("Tired or another feeling") names no one feeling, and a
    tie has no most shared one: then the prompt asks without naming any.
    """
    groups = released.loc[~released["hidden"]]
    ranked = groups.sort_values("count", ascending=False, kind="stable")
    counts = ranked["count"].tolist()
    tied = len(counts) > 1 and counts[0] == counts[1]
    if ranked.empty or tied or bool(ranked["merged"].iloc[0]):
        return "What would help each of us be fully here for the next hour?"
    top = ranked.iloc[0]
    return phrased(
        "Many of us are arriving {feeling}. "
        "What would help each of us be fully here for the next hour?",
        feeling=str(top["label"]).lower(),
    )
