"""The shared screen in the closing phase: feedback progress, then ratings.

Progress is said in steps of k; the ratings appear when the facilitator shows
them and follow the latest release only. Open answers never reach the projected
screen: they are for the leader's summary, escaped, sorted and unattributed.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from facilitate.activities.feedback.charts import feedback_figure
from facilitate.activities.feedback.content import load_feedback
from facilitate.activities.feedback.metrics import released_feedback
from facilitate.core.events import Recorded
from facilitate.core.language import N_, counted, phrased
from facilitate.core.release import ReleaseState
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.display_states import ScreenFrame
from facilitate.ui.live_chart import LiveChart
from facilitate.ui.revealed_panel import ReleasedChartPanel

ACTIVITY = "feedback"
CHART_TITLE = "How the facilitation supported equitable collaboration"


class FeedbackPanel(ReleasedChartPanel):
    """Named widgets: ``frame`` (a ``ScreenFrame``) and ``chart`` (a ``LiveChart``)."""

    activity = ACTIVITY
    done = N_("have given feedback")

    def __init__(self, context: DisplayContext) -> None:
        self.form = load_feedback()
        chart = LiveChart(
            "fc-feedback-chart", screen=context.screen, width=0.86, height=0.6
        )
        super().__init__(ScreenFrame("fc-feedback-screen", CHART_TITLE), chart)

    def release(self, records: list[Recorded]) -> tuple[ReleaseState, Any]:
        state, released, _ = released_feedback(records, self.form)
        return state, released

    def figure(self, released: pd.DataFrame, k: int) -> go.Figure:
        return feedback_figure(released, CHART_TITLE, k)

    def prompt_for(self, released: pd.DataFrame) -> str:
        return prompt_for(released)

    def waiting(self, state: ReleaseState, hidden_again: bool) -> None:
        self.show_waiting(
            state.submitted,
            state.k,
            hidden_again,
            invite="Tell us how this session went, on your phone.",
            detail="How did it support equitable collaboration? Your answers "
            "are anonymous.",
            next_step=counted(
                "Next: the room's ratings, in groups of at least {count}.",
                "Next: the room's ratings, in groups of at least {count}.",
                state.k,
            ),
        )


def prompt_for(released: pd.DataFrame) -> str:
    """The statement the room rated lowest, where its average may be shown."""
    means = [
        (float(m), str(s))
        for m, s in zip(released["mean"], released["statement"], strict=True)
        if m is not None and not math.isnan(float(m))
    ]
    if not means:
        return N_("What would make the next session more equitable?")
    _, lowest = min(means)
    return phrased(
        "We rated “{statement}” lowest. What would make it truer next time?",
        statement=lowest,
    )
