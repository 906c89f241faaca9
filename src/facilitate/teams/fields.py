"""Small helpers the team's forms share: live options, the meeting, fresh ids."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from facilitate.core.errors import InvalidInput
from facilitate.teams.board import label_order
from facilitate.teams.state import TeamState
from facilitate.ui.widgets import styled, typed_on_leave

Options = list[tuple[str, Any]]
_WIDE = widgets.Layout(width="95%", max_width="32em")


def set_options(choice: widgets.Dropdown, options: Options) -> None:
    """Replace a dropdown's options (live) and keep the person's choice if it stays."""
    if tuple(options) == tuple(choice.options):
        return
    kept = choice.value
    choice.options = options
    values = [value for _, value in options]
    if kept in values:
        choice.value = kept
    elif values:
        choice.value = values[0]


def student_options(state: TeamState, cycle: str | None) -> Options:
    """Students known at ``cycle``, by label."""
    known = [s for s in state.students.values() if cycle and s.cycle <= cycle]
    return [(s.label, s.student) for s in sorted(known, key=label_order)]


def meeting(cycle: str | None) -> str:
    """The meeting a form records into, or a sentence saying to open one."""
    if not cycle:
        raise InvalidInput(
            "Open a meeting first: choose its date at the top of the page and "
            "press Open meeting."
        )
    return cycle


def chosen(value: object, what: str) -> str:
    if value in (None, ""):
        raise InvalidInput(f"Please choose {what}.")
    return str(value)


def new_id(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(6)}"


def dropdown(
    css_class: str, options: Sequence[tuple[str, Any]] = ()
) -> widgets.Dropdown:
    return styled(widgets.Dropdown(options=list(options), layout=_WIDE), css_class)


def text(css_class: str, placeholder: str) -> widgets.Text:
    return styled(
        typed_on_leave(widgets.Text(placeholder=placeholder, layout=_WIDE)), css_class
    )
