"""The shared screen in the closing phase: feedback progress, then ratings.

Progress is said in steps of k; the ratings appear when the facilitator shows
them and follow the latest release only. Open answers never reach the projected
screen: they are for the leader's summary, escaped, sorted and unattributed.
"""

from __future__ import annotations

import math

import pandas as pd

from facilitate.activities.feedback.charts import feedback_figure
from facilitate.activities.feedback.content import load_feedback
from facilitate.activities.feedback.metrics import released_feedback
from facilitate.core.events import Recorded
from facilitate.core.release import ReleaseState, shown_once
from facilitate.core.roster import Roster
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.display_states import (
    ANSWERING,
    NOT_ENOUGH,
    WAITING,
    ScreenFrame,
    progress_key,
    progress_words,
    was_revealed,
)
from facilitate.ui.live_chart import LiveChart

ACTIVITY = "feedback"
CHART_TITLE = "How the facilitation supported equitable collaboration"


class FeedbackPanel:
    """Named widgets: ``frame`` (a ``ScreenFrame``) and ``chart`` (a ``LiveChart``)."""

    def __init__(self, context: DisplayContext) -> None:
        self.form = load_feedback()
        self.seen = -1
        self.shown: tuple[object, ...] | None = None
        self.frame = ScreenFrame("fc-feedback-screen", CHART_TITLE)
        self.chart = LiveChart(
            "fc-feedback-chart", screen=context.screen, width=0.86, height=0.6
        )
        self.root = self.frame.root

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        if len(records) == self.seen:
            return
        self.seen = len(records)
        state, released, _ = released_feedback(records, self.form)
        batch = state.latest.batch if state.latest else 0
        revealed = roster.revealed.get(ACTIVITY, False)
        key = (batch, state.k, state.progress(), revealed)
        if key == self.shown:
            return
        self.shown = key
        if not revealed:
            self.waiting(state, was_revealed(records, ACTIVITY))
        elif released is None:
            self.chart.clear()
            self.frame.show_state(
                NOT_ENOUGH,
                shown_once(state.k, "people have given feedback"),
                progress_words(state.submitted, state.k, "have given feedback"),
                key=progress_key(state.submitted, state.k),
            )
        else:
            self.chart.show(feedback_figure(released, CHART_TITLE, state.k))
            self.frame.show_result([self.chart.root], prompt_for(released))

    def waiting(self, state: ReleaseState, hidden_again: bool) -> None:
        self.chart.clear()
        if hidden_again:
            self.frame.show_hidden_again()
            return
        self.frame.show_state(
            ANSWERING if state.submitted else WAITING,
            progress_words(state.submitted, state.k, "have given feedback")
            if state.submitted
            else "Tell us how this session went, on your phone.",
            "How did it support equitable collaboration? Your answers are anonymous.",
            key=progress_key(state.submitted, state.k),
            next_step=f"Next: the room's ratings, in groups of at least {state.k}.",
        )


def prompt_for(released: pd.DataFrame) -> str:
    """The statement the room rated lowest, where its average may be shown."""
    means = [
        (float(m), str(s))
        for m, s in zip(released["mean"], released["statement"], strict=True)
        if m is not None and not math.isnan(float(m))
    ]
    if not means:
        return "What would make the next session more equitable?"
    _, lowest = min(means)
    return f"We rated “{lowest}” lowest. What would make it truer next time?"
