"""The widgets of a participant's join page, for the plain layout and style tests."""

from __future__ import annotations

from collections.abc import Iterator

import ipywidgets as widgets

from facilitate.core.store import EventStore
from facilitate.ui.participant_page import ParticipantPage


def code_step_root(store: EventStore) -> widgets.Widget:
    """The root of a join page asking for the session code."""
    page = ParticipantPage(store=store)
    page.start()
    page.show_code_step()
    return page.root


def inside(root: widgets.Widget) -> Iterator[widgets.Widget]:
    """``root`` and every widget inside it."""
    yield root
    for child in getattr(root, "children", ()):
        yield from inside(child)
