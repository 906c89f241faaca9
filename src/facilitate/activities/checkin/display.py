"""The shared screen in the welcome phase: how the room is arriving.

The display page shows the join screen (code, QR, address) through the welcome
until the facilitator chooses to show how the room is arriving. The chart shows
released check-ins only (see ``metrics.released_checkins``): it appears once k
people have checked in and moves in batches of k, so nobody can watch a bar grow
as their neighbour joins.
"""

from __future__ import annotations

import pandas as pd

from facilitate.activities.checkin.charts import checkin_figure
from facilitate.activities.checkin.content import CheckinQuestion, load_checkin
from facilitate.activities.checkin.metrics import released_checkins
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

ACTIVITY = "checkin"


class CheckinPanel:
    """Named widgets: ``frame`` (a ``ScreenFrame``) and ``chart`` (a ``LiveChart``)."""

    def __init__(self, context: DisplayContext) -> None:
        self.question: CheckinQuestion = load_checkin()
        self.shown: tuple[object, ...] | None = None
        self.seen = -1
        self.chart = LiveChart(
            "fc-checkin-chart", screen=context.screen, width=0.84, height=0.6
        )
        self.frame = ScreenFrame("fc-checkin-screen", self.question.prompt)
        self.root = self.frame.root

    @property
    def note(self) -> str:
        """The words on the screen now (for checks and tests)."""
        return str(self.frame.state.value)

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        """Redraw only when a new batch was released, k changed or a reveal."""
        if len(records) == self.seen:
            return
        self.seen = len(records)
        state, released = released_checkins(records, self.question)
        batch = state.latest.batch if state.latest else 0
        revealed = roster.revealed.get(ACTIVITY, False)
        key = (batch, state.k, revealed, state.progress())
        if key == self.shown:
            return
        self.shown = key
        if not revealed:
            self.waiting(state, was_revealed(records, ACTIVITY))
        elif released is None:
            self.chart.clear()
            self.frame.show_state(
                NOT_ENOUGH,
                shown_once(state.k, "people have checked in"),
                progress_words(state.submitted, state.k, "have checked in"),
                key=progress_key(state.submitted, state.k),
            )
        else:
            self.chart.show(checkin_figure(released, self.question.prompt, state.k))
            self.frame.show_result([self.chart.root], prompt_for(released))

    def waiting(self, state: ReleaseState, hidden_again: bool) -> None:
        self.chart.clear()
        if hidden_again:
            self.frame.show_hidden_again()
            return
        self.frame.show_state(
            ANSWERING if state.submitted else WAITING,
            progress_words(state.submitted, state.k, "have checked in"),
            "Check in as you join: one tap, and nobody sees your answer.",
            key=progress_key(state.submitted, state.k),
            next_step="Next: we see how the room is arriving, in groups of "
            f"at least {state.k}.",
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
    return (
        f"Many of us are arriving {str(top['label']).lower()}. "
        "What would help each of us be fully here for the next hour?"
    )
