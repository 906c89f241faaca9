"""The projected screen's size, so every chart on it fits and reads from the back.

A plotly chart takes its size in pixels and its type in pixels, and the kernel
does not know the projector: the display page reports the browser's viewport
here. Charts are designed for a 1920×1080 screen; ``fit`` gives a figure its
share of the real screen and scales its type by the screen's height, so a
1280×720 projector shows the same picture in the same proportions. When the
viewport changes, every chart that asked to be told is redrawn.

"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # plotly stays out of participant kernels, which import contexts
    import plotly.graph_objects as go

DESIGN_WIDTH = 1920
DESIGN_HEIGHT = 1080
#: Chart text at the design height; smaller sizes are raised to it (20 px is
#: the least a projected chart may use; 22 reads better from the back).
SMALLEST_CHART_TEXT = 22
#: Room a chart's own title took at the top; the screen's title line replaces it.
TITLE_ROOM = 50
#: Plotly's keys whose value is a font (its ``size`` is type, not a marker).
FONT_KEYS = frozenset(
    {"font", "tickfont", "textfont", "insidetextfont", "outsidetextfont"}
)
MARGIN_SIDES = ("l", "r", "t", "b", "pad")
SMALLEST_SCREEN = (640, 360)


@dataclass
class Screen:
    """The viewport the charts are drawn for, and who to tell when it changes."""

    width: int = DESIGN_WIDTH
    height: int = DESIGN_HEIGHT
    watchers: list[Callable[[], None]] = field(default_factory=list)

    @property
    def scale(self) -> float:
        """Type scale: 1 at 1080 pixels high, 2/3 at 720."""
        return self.height / DESIGN_HEIGHT

    def resize(self, width: int, height: int) -> None:
        """Take the browser's viewport; redraw the charts if it changed."""
        size = (
            max(int(width), SMALLEST_SCREEN[0]),
            max(int(height), SMALLEST_SCREEN[1]),
        )
        if size == (self.width, self.height):
            return
        self.width, self.height = size
        for redraw in list(self.watchers):
            redraw()

    def watch(self, redraw: Callable[[], None]) -> None:
        self.watchers.append(redraw)

    def fit(self, figure: go.Figure, width: float, height: float) -> go.Figure:
        """A copy of ``figure`` sized to ``width`` × ``height`` of the screen
        (fractions) with its type and margins scaled to the screen's height.

        The chart's own title is dropped: the screen's title line names it."""
        import plotly.graph_objects as go

        state = copy.deepcopy(figure.to_plotly_json())
        layout = state.setdefault("layout", {})
        margin = layout.setdefault("margin", {})
        if layout.pop("title", None) is not None:
            margin["t"] = max(int(margin.get("t", 70)) - TITLE_ROOM, 20)
        layout["paper_bgcolor"] = "rgba(0,0,0,0)"
        _scale_fonts(layout, self.scale)
        for trace in state.get("data", []):
            _scale_fonts(trace, self.scale)
        for side in MARGIN_SIDES:
            if isinstance(margin.get(side), int | float):
                margin[side] = round(margin[side] * self.scale)
        layout["width"] = max(round(self.width * width), 200)
        layout["height"] = max(round(self.height * height), 150)
        layout["autosize"] = False
        return go.Figure(state)


def _scale_fonts(node: Any, scale: float, in_font: bool = False) -> None:
    """Scale every font size in a plotly JSON tree; raise small type first."""
    if isinstance(node, dict):
        for key, value in node.items():
            if in_font and key == "size" and isinstance(value, int | float):
                node[key] = round(max(value, SMALLEST_CHART_TEXT) * scale, 1)
            elif key in FONT_KEYS and isinstance(value, dict):
                value.setdefault("size", SMALLEST_CHART_TEXT)
                _scale_fonts(value, scale, in_font=True)
            else:
                _scale_fonts(value, scale)
    elif isinstance(node, list):
        for item in node:
            _scale_fonts(item, scale)
