"""What every event store promises: one write path, ordered reads.

A store may also offer ``NewsSource``: a way to await "something new may have
arrived" for one session, so live pages wake at once instead of at their next
poll. It is optional; pages keep polling where a store does not offer it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, runtime_checkable

from facilitate.core.events import Event, Recorded

Clock = Callable[[], float]


class EventStore(Protocol):
    """An append-only log of session events.

    ``append`` is the only way anything is written. Reads return events in the order
    they were appended; ``after`` lets a polling loop ask only for what is new: the
    ids of one session become readable in increasing order, so a reader that
    remembers the last id it saw never skips an event, whoever else is writing.
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


@runtime_checkable
class NewsSource(Protocol):
    """Optional: wake a live page as soon as its session's log may have grown."""

    async def wait_for_news(self, session: str, timeout: float) -> bool:
        """True soon after an event of ``session`` may have been appended; False
        when ``timeout`` seconds passed without one (or news cannot be had now).

        A True may be spurious: the caller reads the log to find out.
        """
        ...
