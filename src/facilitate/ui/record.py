"""One guarded path for every write a person makes from a widget.

A callback that raises vanishes into Voila's hidden log: the person sees nothing
and believes their answer was kept. So every append from a widget goes through
``record``: on success it says nothing more (or a short ``saved`` line); when the
input is refused or the store cannot be written, it tells the person in one
sentence on their own screen and returns None. The widget keeps what they typed,
so nothing is lost: they can simply try again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import ipywidgets as widgets

from facilitate.core.errors import FacilitateError
from facilitate.core.events import Event, Recorded
from facilitate.core.store.base import EventStore
from facilitate.ui.widgets import say

log = logging.getLogger(__name__)
NOT_SAVED = (
    "Something went wrong and this was not saved. Your answer is still here: "
    "please try again in a moment."
)

#: One event, several, or a callable that validates input and builds them.
EventsToRecord = Event | Sequence[Event] | Callable[[], Event | Sequence[Event]]


def record(
    store: EventStore,
    session: str,
    events: EventsToRecord,
    status: widgets.HTML,
    saved: str = "",
) -> list[Recorded] | None:
    """Append ``events`` to ``session``; on any failure say why on ``status``."""
    try:
        built = events() if callable(events) else events
        batch = [built] if isinstance(built, Event) else list(built)
        recorded = [store.append(session, event) for event in batch]
    except FacilitateError as error:
        say(status, str(error), "error")
        return None
    except Exception:
        log.exception("a write from a widget failed")
        say(status, NOT_SAVED, "error")
        return None
    if saved:
        say(status, saved, "success")
    elif "fc-say-error" in status.value:
        say(status, "")
    return recorded
