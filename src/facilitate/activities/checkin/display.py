"""The shared screen in the welcome phase: how the room is arriving.

The chart shows released check-ins only (see ``metrics.released_checkins``): it
appears once k people have checked in and moves in batches of k, so nobody can
watch a bar grow as their neighbour joins.
"""

from __future__ import annotations

import ipywidgets as widgets

from facilitate.activities.checkin.charts import checkin_figure
from facilitate.activities.checkin.content import CheckinQuestion, load_checkin
from facilitate.activities.checkin.metrics import released_checkins
from facilitate.core.events import Recorded
from facilitate.core.release import shown_once
from facilitate.core.roster import Roster
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.live_chart import LiveChart
from facilitate.ui.widgets import message, say


class CheckinPanel:
    """Named widgets: ``chart`` (a ``LiveChart``) and ``note``."""

    def __init__(self, context: DisplayContext | None = None) -> None:
        self.question: CheckinQuestion = load_checkin()
        self.shown: tuple[int, int] | None = None
        self.seen = -1
        self.chart = LiveChart("fc-checkin-chart")
        self.note = message("fc-checkin-note")
        self.root = widgets.VBox([self.note, self.chart.root])

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        """Redraw only when a new batch was released or k changed."""
        if len(records) == self.seen:
            return
        self.seen = len(records)
        state, released = released_checkins(records, self.question)
        batch = state.latest.batch if state.latest else 0
        if (batch, state.k) == self.shown:
            return
        self.shown = (batch, state.k)
        if released is None:
            say(self.note, shown_once(state.k, "people have checked in"))
            self.chart.clear()
            return
        say(self.note, "")
        self.chart.show(checkin_figure(released, self.question.prompt, state.k))
