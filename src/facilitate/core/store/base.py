"""What every event store promises: one write path, ordered reads, real deletion.

A new store implements each method of ``EventStore`` with the same meaning;
``tests/unit/test_store.py`` states the meaning as tests a store must pass. A
store may also offer ``NewsSource``: a way to await "something new may have
arrived" for one session, so live pages wake at once instead of at their next
poll. It is optional; pages keep polling where a store does not offer it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, runtime_checkable

from facilitate.core.events import Event, Recorded

Clock = Callable[[], float]


class EventStore(Protocol):
    """An append-only log of session events.

    ``append`` (and ``append_unlinked``) are the only ways anything is written.
    Reads return events in the order they were appended; ``after`` lets a polling
    loop ask only for what is new: the ids of one session become readable in
    increasing order, so a reader that remembers the last id it saw never skips an
    event, whoever else is writing. A deleted session leaves a tombstone: every
    later write under its code raises ``SessionEnded``.
    """

    def append(self, session: str, event: Event) -> Recorded:
        """Record one event now and return it with its sequence number.

        Raises ``SessionEnded`` when ``session`` was deleted.
        """
        ...

    def append_unlinked(
        self, session: str, marker: Event, content: Event, batch: int
    ) -> list[Recorded]:
        """Record that someone acted, and what they said, without linking the two.

        In one transaction: ``marker`` (which names the person) is appended now,
        once only (an identical marker already in the log raises
        ``AlreadyRecorded``); ``content`` (which must not name the person) is held
        apart, with no time and no order. Once ``batch`` contents of its kind are
        held for the session, all of them are appended together, with one time, in
        random order. No trace of the order things were held in may outlive the
        call (for SQLite: the journal is emptied; for PostgreSQL: one row per
        session and kind, reshuffled each time, though the server's write-ahead
        log keeps the order until it is recycled). Returns the marker's record,
        then any contents released. Raises ``SessionEnded`` like ``append``.
        """
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
        """Remove everything stored under ``session`` and leave its tombstone.

        The one deletion path, used on a facilitator's request. It removes every
        event and held content with that code, whether or not the session's
        ``session_created`` is still there, and leaves no readable copy behind
        (for SQLite: ``secure_delete`` and an emptied journal; for PostgreSQL:
        a vacuum, so no row version remains). Deleting again removes nothing and
        is not an error. Returns how many entries went.
        """
        ...

    def is_deleted(self, session: str) -> bool:
        """True once ``session`` has been deleted (its tombstone exists)."""
        ...

    def deleted_sessions(self) -> list[str]:
        """The codes of every deleted session (for copying a log)."""
        ...

    def held_contents(self, session: str) -> list[Event]:
        """The contents ``append_unlinked`` holds for ``session``, in no order.

        Only for copying a log to another store: showing them anywhere would
        undo the batching that keeps them apart from their senders.
        """
        ...

    def replace_held_contents(self, session: str, contents: Sequence[Event]) -> None:
        """Make ``contents`` what is held for ``session`` (for copying a log).

        Nothing is released until the next ``append_unlinked`` completes a batch.
        Raises ``SessionEnded`` like ``append``.
        """
        ...

    def close(self) -> None: ...


@runtime_checkable
class NewsSource(Protocol):
    """Optional: wake a live page as soon as its session's log may have grown."""

    async def wait_for_news(
        self, session: str, timeout: float, quiet: frozenset[str] = frozenset()
    ) -> bool:
        """True soon after an event of ``session`` may have been appended; False
        when ``timeout`` seconds passed without one (or news cannot be had now).
        Events of a ``quiet`` kind do not wake the caller; it reads them with the
        next event that does, or when it looks for itself.

        A True may be spurious: the caller reads the log to find out.
        """
        ...
