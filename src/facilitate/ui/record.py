"""One guarded path for every write a person makes from a widget.

A callback that raises vanishes into Voila's hidden log: the person sees nothing
and believes their answer was kept. So every append from a widget goes through
``record`` (or ``record_unlinked``): on success it says nothing more (or a short
``saved`` line); when the input is refused, the session has ended or the store
cannot be written, it tells the person in one sentence on their own screen and
returns None. The widget keeps what they typed, so nothing is lost: they can
simply try again.

Writes from a participant's page (``who`` set) are capped per participant by a
token bucket (``facilitate.core.ratelimit``): a person never comes near it, a
script driving the widgets stops there with a sentence instead of filling the
disk the whole room shares.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import ipywidgets as widgets

from facilitate.core.errors import FacilitateError, TooFast
from facilitate.core.events import Event, Recorded
from facilitate.core.language import N_
from facilitate.core.ratelimit import APPEND_BURST, APPEND_RATE, TokenBucket
from facilitate.core.store.base import EventStore
from facilitate.ui.widgets import say

log = logging.getLogger(__name__)
NOT_SAVED = N_(
    "Something went wrong and this was not saved. Your answer is still here: "
    "please try again in a moment."
)
TOO_FAST = N_(
    "That is more than we can save at once. Wait a few seconds, then try again: "
    "your answer is still here."
)

#: One event, several, or a callable that validates input and builds them.
EventsToRecord = Event | Sequence[Event] | Callable[[], Event | Sequence[Event]]
#: (session, participant) -> what that participant may still append now.
_allowances: dict[tuple[str, str], TokenBucket] = {}


def record(
    store: EventStore,
    session: str,
    events: EventsToRecord,
    status: widgets.HTML,
    saved: str = "",
    who: str | None = None,
) -> list[Recorded] | None:
    """Append ``events`` to ``session``; on any failure say why on ``status``.

    ``who`` is the participant whose page writes (None for facilitator pages).
    """

    def write() -> list[Recorded]:
        built = events() if callable(events) else events
        batch = [built] if isinstance(built, Event) else list(built)
        spend(session, who, len(batch))
        return [store.append(session, event) for event in batch]

    return guarded(write, status, saved)


def record_unlinked(
    store: EventStore,
    session: str,
    marker: Event,
    content: Event | Callable[[], Event],
    batch: int,
    status: widgets.HTML,
    saved: str = "",
    who: str | None = None,
) -> list[Recorded] | None:
    """Record ``marker`` now and ``content`` apart from it (see
    ``EventStore.append_unlinked``); on any failure say why on ``status``."""

    def write() -> list[Recorded]:
        built = content() if callable(content) else content
        spend(session, who, 2)
        return store.append_unlinked(session, marker, built, batch)

    return guarded(write, status, saved)


def spend(session: str, who: str | None, count: int) -> None:
    """Take ``count`` appends from ``who``'s allowance; TooFast when it is used up."""
    if who is None:
        return
    allowance = _allowances.setdefault(
        (session, who), TokenBucket(APPEND_RATE, APPEND_BURST)
    )
    if not allowance.take(count):
        raise TooFast(TOO_FAST)


def guarded(
    write: Callable[[], list[Recorded]], status: widgets.HTML, saved: str
) -> list[Recorded] | None:
    """Run ``write``; say the outcome on ``status`` (None when nothing was kept)."""
    try:
        recorded = write()
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
