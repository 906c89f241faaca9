"""One way to put a live chart on a shared screen: a small widget around plotly.js.

plotly's own ``FigureWidget`` carries its 5 MB JavaScript bundle in every
widget's state, so each chart sent that much down the kernel's websocket and made
the browser parse it again: a new panel took seconds, and a display with five
charts moved 25 MB. ``PlotlyChart`` instead holds only the figure (a few KB of
JSON); its front end loads plotly.js once per page, from the front door
(``/assets/plotly.min.js``, compressed and cached), and redraws with
``Plotly.react`` whenever the figure changes. The figure is plain widget state,
so a chart created or changed before it is on the page still draws right.
"""

from __future__ import annotations

import json
from typing import Any

import anywidget
import ipywidgets as widgets
import plotly.graph_objects as go
import traitlets

from facilitate.ui.screen import Screen
from facilitate.ui.widgets import styled

PLOTLY_ASSET = "/assets/plotly.min.js"

_LOADER = """
const SOURCE = "PLOTLY_ASSET";
function plotly() {
  if (window.Plotly) { return Promise.resolve(window.Plotly); }
  if (!window.fcPlotlyLoading) {
    window.fcPlotlyLoading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = SOURCE;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => {
        window.fcPlotlyLoading = null;
        reject(new Error("plotly.js"));
      };
      document.head.appendChild(script);
    });
  }
  return window.fcPlotlyLoading;
}
"""

_CHART = """
function render({ model, el }) {
  const config = { displayModeBar: false, responsive: true };
  const draw = async () => {
    const figure = model.get("figure") || {};
    try {
      const Plotly = await plotly();
      await Plotly.react(el, figure.data || [], figure.layout || {}, config);
    } catch (error) {
      el.textContent = "This chart could not be drawn. Reload the page.";
    }
  };
  model.on("change:figure", draw);
  const resized = new ResizeObserver(() => {
    if (window.Plotly && el.data && el.offsetWidth) { window.Plotly.Plots.resize(el); }
  });
  resized.observe(el);
  draw();
  return () => {
    resized.disconnect();
    if (window.Plotly) { window.Plotly.purge(el); }
  };
}
export default { render };
"""

_PRELOAD = """
function render({ el }) {
  el.style.display = "none";
  const later = window.requestIdleCallback || ((go) => setTimeout(go, 1000));
  later(() => { plotly().catch(() => {}); }, { timeout: 3000 });
}
export default { render };
"""
_CHART_ESM = (_LOADER + _CHART).replace("PLOTLY_ASSET", PLOTLY_ASSET)
_PRELOAD_ESM = (_LOADER + _PRELOAD).replace("PLOTLY_ASSET", PLOTLY_ASSET)


class PlotlyPreload(anywidget.AnyWidget):  # type: ignore[misc]
    """Fetches plotly.js once the page is idle, so the first chart a shared
    screen reveals is drawn at once instead of after a 1.5 MB download."""

    _esm = _PRELOAD_ESM


class PlotlyChart(anywidget.AnyWidget):  # type: ignore[misc]
    """A figure as JSON state; ``data`` reads it back as plotly traces."""

    _esm = _CHART_ESM
    figure = traitlets.Dict().tag(sync=True)

    @property
    def data(self) -> tuple[Any, ...]:
        return tuple(go.Figure(self.figure).data)

    def to_plotly_json(self) -> dict[str, Any]:
        return dict(self.figure)


def figure_state(figure: go.Figure) -> dict[str, Any]:
    """A figure as plain JSON (numbers, strings, lists) for widget state."""
    state: dict[str, Any] = json.loads(figure.to_json())
    return state


class LiveChart:
    """Named widgets: ``root`` (always on the page) and ``chart`` (once drawn).

    With a ``screen``, the chart takes ``width`` × ``height`` of it (fractions,
    see ``facilitate.ui.screen``) and is redrawn in place when the screen
    changes size; without one (tests, exports) the figure is kept as is.
    """

    def __init__(
        self,
        *css_classes: str,
        screen: Screen | None = None,
        width: float = 0.9,
        height: float = 0.6,
    ) -> None:
        self.css_classes = css_classes
        self.screen = screen
        self.share = (width, height)
        self.chart: PlotlyChart | None = None
        self.figure: go.Figure | None = None
        self.root = styled(widgets.Box(), "fc-chart-box")
        if screen is not None:
            screen.watch(self.redraw)

    @property
    def shown(self) -> bool:
        return self.chart is not None and self.chart in self.root.children

    def show(self, figure: go.Figure) -> None:
        """Draw ``figure``; nothing is sent when it equals what is drawn."""
        self.figure = figure
        state = figure_state(self.fitted(figure))
        if self.chart is None:
            self.chart = styled(PlotlyChart(figure=state), *self.css_classes)
        elif self.chart.figure != state:
            self.chart.figure = state
        if self.chart not in self.root.children:
            self.root.children = [self.chart]

    def fitted(self, figure: go.Figure) -> go.Figure:
        if self.screen is None:
            return figure
        return self.screen.fit(figure, *self.share)

    def redraw(self) -> None:
        """Fit the chart on the page to the screen's new size, in place."""
        if self.figure is not None and self.shown:
            self.show(self.figure)

    def clear(self) -> None:
        """Take the chart off the page, and its data with it: hidden results are
        not kept in the page either. Showing it again redraws it."""
        self.root.children = []
        self.figure = None
        if self.chart is not None and self.chart.figure:
            self.chart.figure = {}


def chart_of(figure: go.Figure, *css_classes: str) -> PlotlyChart:
    """A chart widget drawn with ``figure`` (for panels that lay charts out)."""
    return styled(PlotlyChart(figure=figure_state(figure)), *css_classes)
