"""Console panel for the welcome phase: the room's check-in answers, live."""

from __future__ import annotations

import ipywidgets as widgets
import plotly.graph_objects as go

from facilitate.charts.checkin import checkin_figure
from facilitate.content import CheckinQuestion, load_checkin
from facilitate.events import CheckinAnswered, Recorded
from facilitate.frames import kind_frame
from facilitate.metrics.checkin import checkin_counts
from facilitate.roster import Roster
from facilitate.views.activities import ConsoleContext
from facilitate.views.widgets import styled


class CheckinPanel:
    """A bar chart of answers that updates in place as people check in."""

    def __init__(self, context: ConsoleContext | None = None) -> None:
        self.question: CheckinQuestion = load_checkin()
        self.shown: list[int] = []
        empty = kind_frame([], CheckinAnswered.kind)
        figure = checkin_figure(
            checkin_counts(empty, self.question), self.question.prompt
        )
        self.chart = styled(go.FigureWidget(figure), "fc-checkin-chart")
        self.root = widgets.VBox([self.chart])

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        counts = checkin_counts(
            kind_frame(records, CheckinAnswered.kind), self.question
        )["count"].tolist()
        if counts == self.shown:
            return
        self.shown = counts
        with self.chart.batch_update():
            self.chart.data[0].x = counts
            self.chart.data[0].text = counts
