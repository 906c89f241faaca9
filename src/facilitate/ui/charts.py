"""One look for every chart: colour-blind-safe colours, projector-size type.

The palette is Okabe & Ito's, chosen because it stays distinguishable for the
common forms of colour blindness and on washed-out projectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
FONT_SIZE = 20
TITLE_SIZE = 26


def projector_layout(title: str, **extra: Any) -> dict[str, Any]:
    """Layout settings shared by all display and export charts."""
    return {
        "title": {"text": title, "font": {"size": TITLE_SIZE}},
        "font": {
            "size": FONT_SIZE,
            "family": "Atkinson Hyperlegible, Arial, sans-serif",
        },
        "colorway": list(OKABE_ITO),
        "template": "plotly_white",
        "margin": {"l": 60, "r": 30, "t": 70, "b": 60},
        **extra,
    }


def empty_figure(title: str, note: str) -> go.Figure:
    """A figure that says why nothing is drawn yet (e.g. too few answers)."""
    figure = go.Figure(layout=projector_layout(title))
    figure.add_annotation(
        text=note,
        showarrow=False,
        font={"size": FONT_SIZE},
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
    )
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return figure


#: Withheld groups are labelled in words, never drawn as zero, and have one look
#: everywhere: white hatched in dark grey. No answer is drawn hatched, so they are
#: never mistaken for one (a "Neutral" grey included), in colour, in greyscale
#: print or by a colour-blind reader.
WITHHELD_COLOUR = "#FFFFFF"
WITHHELD_HATCH = "#4D4D4D"
WITHHELD_MARKER: dict[str, Any] = {
    "color": WITHHELD_COLOUR,
    "line": {"color": WITHHELD_HATCH, "width": 1.5},
    "pattern": {"shape": "/", "fgcolor": WITHHELD_HATCH, "solidity": 0.25},
}


def withheld_bars(colours: Sequence[str], withheld: Sequence[bool]) -> dict[str, Any]:
    """The marker of a bar trace where some bars stand for withheld people."""
    bars = list(zip(colours, withheld, strict=True))
    return {
        "color": [WITHHELD_COLOUR if hidden else c for c, hidden in bars],
        "line": {
            "color": [WITHHELD_HATCH if hidden else c for c, hidden in bars],
            "width": [1.5 if hidden else 0 for _, hidden in bars],
        },
        "pattern": {
            "shape": ["/" if hidden else "" for _, hidden in bars],
            "fgcolor": WITHHELD_HATCH,
            "solidity": 0.25,
        },
    }


def withheld_label(k: int) -> str:
    """The label of the bar that stands for all groups smaller than k."""
    return f"Smaller groups (under {k} each)"


def wrap_words(text: str, width: int) -> str:
    """Break a long label over lines of about ``width`` characters, so bars
    keep most of a chart's width."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "<br>".join(lines)
