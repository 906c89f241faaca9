"""What an activity's views are given, and what the pages expect back.

A participant view gets a ``ParticipantContext`` (the store, the session and who
this browser is), a shared-screen view a ``DisplayContext`` and the facilitator's
controls for an activity a ``ControlsContext``. Participant views and controls
record through ``record`` (see ``facilitate.ui.record``), so every write from a
widget is guarded in one place. The shared screen cannot write at all: its
context holds a reader, not the store, because the projected page is opened
with a view-only token. The pages find an activity's views through the agenda.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import ipywidgets as widgets

from facilitate.core.events import Event, Recorded
from facilitate.core.roster import Roster
from facilitate.core.sessions import SessionInfo
from facilitate.core.store.base import EventStore
from facilitate.ui.record import EventsToRecord, record, record_unlinked
from facilitate.ui.screen import Screen


@dataclass(frozen=True)
class ParticipantContext:
    store: EventStore
    session: SessionInfo
    participant: str

    def record(
        self, events: EventsToRecord, status: widgets.HTML, saved: str = ""
    ) -> list[Recorded] | None:
        """Append ``events`` (or what a callable builds); on failure say so."""
        return record(
            self.store, self.session.code, events, status, saved, self.participant
        )

    def record_unlinked(
        self,
        marker: Event,
        content: Event | Callable[[], Event],
        batch: int,
        status: widgets.HTML,
        saved: str = "",
    ) -> list[Recorded] | None:
        """Record ``marker`` now and ``content`` apart from this person, in a
        batch of ``batch`` (see ``EventStore.append_unlinked``)."""
        return record_unlinked(
            self.store,
            self.session.code,
            marker,
            content,
            batch,
            status,
            saved,
            self.participant,
        )


class ParticipantActivity(Protocol):
    root: widgets.Widget

    def refresh(self, roster: Roster, new: list[Recorded]) -> None: ...


class EventReader(Protocol):
    """The reading half of an event store: all a shared screen may do."""

    def read(
        self, session: str, after: int = 0, kinds: Iterable[str] | None = None
    ) -> list[Recorded]: ...


@dataclass(frozen=True)
class ReadOnly:
    """An event store seen through its reads only: there is no ``append`` here."""

    _store: EventStore

    def read(
        self, session: str, after: int = 0, kinds: Iterable[str] | None = None
    ) -> list[Recorded]:
        return self._store.read(session, after=after, kinds=kinds)


@dataclass(frozen=True)
class DisplayContext:
    """What a shared-screen panel is given: it reads, and it fits the screen."""

    store: EventReader
    session: SessionInfo
    screen: Screen = field(default_factory=Screen)


class DisplayPanel(Protocol):
    """Refreshed when the log grows (every tick too if it has ``ticks = True``)."""

    root: widgets.Widget

    def refresh(self, roster: Roster, records: list[Recorded]) -> None: ...


@dataclass(frozen=True)
class ControlsContext:
    """What an activity's controls on the remote are given; they record."""

    store: EventStore
    session: SessionInfo

    def record(
        self, events: EventsToRecord, status: widgets.HTML, saved: str = ""
    ) -> list[Recorded] | None:
        """Append ``events`` (or what a callable builds); on failure say so."""
        return record(self.store, self.session.code, events, status, saved)


class ActivityControls(Protocol):
    """The facilitator's buttons for one activity, refreshed as the log grows."""

    root: widgets.Widget

    def refresh(self, roster: Roster, records: list[Recorded]) -> None: ...


class JoinQuestion(Protocol):
    """A question asked on the join form; ``answer()`` raises InvalidInput."""

    root: widgets.Widget

    def answer(self, participant: str) -> Sequence[Event]: ...


ParticipantFactory = Callable[[ParticipantContext], ParticipantActivity]
DisplayFactory = Callable[[DisplayContext], DisplayPanel]
ControlsFactory = Callable[[ControlsContext], ActivityControls]
JoinFactory = Callable[[], JoinQuestion]
ClosingFactory = Callable[[ParticipantContext], Any]
