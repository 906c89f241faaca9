"""The evidence page's form for what the leader heard (Part 1's qualitative data).

One row of boxes per source (source, date, themes, quotes), and a button for
another. The page autosaves the rows with the written parts, so a row is kept a
moment after typing stops, like everything else on the page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import ipywidgets as widgets

from facilitate.core.text import escape
from facilitate.evidence.heard import FIELDS, HEADING, INTRODUCTION
from facilitate.ui.widgets import button, styled


@dataclass
class HeardPanel:
    """Named widgets: ``rows`` (one dict of boxes per source), ``add``, ``root``."""

    changed: Callable[[], None]
    rows: list[dict[str, widgets.Textarea | widgets.Text]] = field(default_factory=list)
    table: widgets.VBox = field(default_factory=widgets.VBox)
    add: widgets.Button = field(
        default_factory=lambda: button("Add another source", "fc-heard-add", "")
    )
    root: widgets.VBox = field(default_factory=widgets.VBox)

    def __post_init__(self) -> None:
        self.add.on_click(lambda _: self.add_row())
        intro = widgets.HTML(
            f'<p class="fc-label">{escape(HEADING)}</p><p>{escape(INTRODUCTION)}</p>'
        )
        self.root.children = [intro, self.table, self.add]
        styled(self.root, "fc-heard")

    def add_row(self, entry: Mapping[str, str] | None = None) -> None:
        """One more source's boxes, filled from ``entry`` when given."""
        number = len(self.rows)
        row: dict[str, widgets.Textarea | widgets.Text] = {}
        for key, label, placeholder, _ in FIELDS:
            kind = widgets.Textarea if key in ("themes", "quotes") else widgets.Text
            box = styled(
                kind(
                    value=(entry or {}).get(key, ""),
                    description=label,
                    placeholder=placeholder,
                    continuous_update=True,
                    style={"description_width": "8em"},
                    layout=widgets.Layout(width="100%"),
                ),
                f"fc-heard-{key}",
                f"fc-heard-{key}-{number}",
            )
            box.observe(lambda _: self.changed(), "value")
            row[key] = box
        self.rows.append(row)
        boxes = styled(widgets.VBox(list(row.values())), "fc-heard-row")
        self.table.children = [*self.table.children, boxes]

    def show(self, entries: Sequence[Mapping[str, str]]) -> None:
        """The saved entries, and one empty row when there are none."""
        self.rows = []
        self.table.children = []
        for entry in entries or [{}]:
            self.add_row(entry)

    def values(self) -> list[dict[str, str]]:
        return [{key: str(box.value) for key, box in row.items()} for row in self.rows]
