"""What every event store promises: one write path, ordered reads."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from facilitate.core.events import Event, Recorded

Clock = Callable[[], float]


class EventStore(Protocol):
    """An append-only log of session events.

    ``append`` is the only way anything is written. Reads return events in the order
    they were appended; ``after`` lets a polling loop ask only for what is new.
    """

    def append(self, session: str, event: Event) -> Recorded:
        """Record one event now and return it with its sequence number."""
        ...

    def read(
        self, session: str, after: int = 0, kinds: Iterable[str] | None = None
    ) -> list[Recorded]:
        """Events of one session with an id above ``after``, oldest first."""
        ...

    def read_kind(self, kind: str) -> list[Recorded]:
        """Events of one kind across all sessions (for listing sessions)."""
        ...

    def delete_session(self, session: str) -> int:
        """Remove a session's events: the one deletion path, used on request only."""
        ...

    def close(self) -> None: ...
