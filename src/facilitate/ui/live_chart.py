"""One way to keep a projected chart live: born with its data, then updated in place.

A plotly ``FigureWidget`` sends later changes as messages, and a chart that is not
on the page yet never sees them; the state it is created with always arrives. So
a chart is created with its first figure, updated in place while it stays on the
page, and created afresh whenever it comes back after being taken off.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import plotly.graph_objects as go

from facilitate.ui.widgets import styled


class LiveChart:
    """Named widgets: ``root`` (always on the page) and ``chart`` (when drawn)."""

    def __init__(self, *css_classes: str) -> None:
        self.css_classes = css_classes
        self.chart: go.FigureWidget | None = None
        self.drawn: dict[str, Any] | None = None
        self.root = widgets.Box()

    def show(self, figure: go.Figure) -> None:
        """Draw ``figure``; nothing is sent when it equals what is already drawn."""
        state = figure.to_plotly_json()
        if self.chart is not None and self.chart in self.root.children:
            if state != self.drawn:
                update_figure(self.chart, figure)
        else:
            self.chart = styled(go.FigureWidget(figure), *self.css_classes)
            self.root.children = [self.chart]
        self.drawn = state

    def clear(self) -> None:
        """Take the chart off the page; the next ``show`` draws it afresh."""
        self.root.children = []
        self.drawn = None


def update_figure(widget: go.FigureWidget, figure: go.Figure) -> None:
    """Copy a freshly built figure into a live FigureWidget without re-creating it."""
    with widget.batch_update():
        if len(widget.data) != len(figure.data):
            widget.data = []
            widget.add_traces(list(figure.data))
        else:
            for live, new in zip(widget.data, figure.data, strict=True):
                fresh = new.to_plotly_json()
                fresh.pop("type", None)
                live.update(fresh, overwrite=True)
        widget.update_layout(figure.layout.to_plotly_json(), overwrite=True)
