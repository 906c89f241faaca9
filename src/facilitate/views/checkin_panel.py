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
    """A bar chart of answers that updates in place as people check in.

    The chart widget is created on the first refresh, with the data already in
    it: plotly sends later updates as messages that a chart not yet on the page
    would miss, so a chart must never be updated before it is first drawn.
    """

    def __init__(self, context: ConsoleContext | None = None) -> None:
        self.question: CheckinQuestion = load_checkin()
        self.shown: list[int] | None = None
        self.seen = -1
        self.chart: go.FigureWidget | None = None
        self.root = widgets.VBox()

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        if len(records) == self.seen:
            return
        self.seen = len(records)
        counts = checkin_counts(
            kind_frame(records, CheckinAnswered.kind), self.question
        )
        values = counts["count"].tolist()
        if values == self.shown:
            return
        self.shown = values
        if self.chart is None:
            figure = checkin_figure(counts, self.question.prompt)
            self.chart = styled(go.FigureWidget(figure), "fc-checkin-chart")
            self.root.children = [self.chart]
            return
        with self.chart.batch_update():
            self.chart.data[0].x = values
            self.chart.data[0].text = values
