"""Copying a session log from one store to another (SQLite to PostgreSQL, say).

The copy goes through the target's ``append``, the one write path, with a replay
clock so every event keeps the time it was first recorded; the target gives new
ids in the same order. Sessions are compared before anything is written:

- a session the target does not hold is copied;
- a session the target holds with exactly the same events is left alone, so
  running the copy twice changes nothing;
- a session the target holds as the start of the source's (an interrupted
  copy) is completed;
- a session the target holds with other events (a code both logs used, or a
  session that went on in the target) stops the copy before anything is
  written, naming the codes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from facilitate.core.errors import FacilitateError
from facilitate.core.events import Recorded, SessionCreated
from facilitate.core.store.address import SQLITE, StoreAddress
from facilitate.core.store.base import EventStore


class MigrationRefused(FacilitateError):
    """The copy would mix two different logs; nothing was written."""


@dataclass
class ReplayClock:
    """The target's clock during a copy: the time of the event being copied."""

    now: float = 0.0

    def __call__(self) -> float:
        return self.now


@dataclass
class SessionCopy:
    code: str
    title: str
    source: list[Recorded]
    already: int

    @property
    def missing(self) -> list[Recorded]:
        return self.source[self.already :]


@dataclass
class MigrationResult:
    copied: dict[str, int] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)

    @property
    def events(self) -> int:
        return sum(self.copied.values())


def same(one: Recorded, other: Recorded) -> bool:
    """The same event at the same time (ids differ between stores)."""
    return one.at == other.at and one.event == other.event


def plan_session(source: list[Recorded], target: list[Recorded]) -> int:
    """How many of ``source`` the target already holds; -1 when it holds others."""
    if len(target) > len(source):
        return -1
    matches = all(same(a, b) for a, b in zip(source, target, strict=False))
    return len(target) if matches else -1


def plan(source: EventStore, target: EventStore) -> list[SessionCopy]:
    """Every session of ``source`` and what the target holds of it already."""
    copies, clashes = [], []
    for created in source.read_kind(SessionCreated.kind):
        code = created.session
        events = source.read(code)
        held = plan_session(events, target.read(code))
        if held < 0:
            clashes.append(code)
        title = created.event.title if isinstance(created.event, SessionCreated) else ""
        copies.append(SessionCopy(code, title, events, max(held, 0)))
    if clashes:
        raise MigrationRefused(
            f"The target already holds session{'s' if len(clashes) > 1 else ''} "
            f"{', '.join(clashes)} with other events, so nothing was copied. "
            "Check that --to names the store you mean; a session both logs hold "
            "must be deleted from one of them (facilitate --store ADDRESS session "
            "delete CODE) before copying."
        )
    return copies


def copy_log(
    source: EventStore,
    target: EventStore,
    clock: ReplayClock,
    progress: Callable[[str], None] = print,
) -> MigrationResult:
    """Copy what the target lacks; ``target`` must have been opened with ``clock``."""
    result = MigrationResult()
    for session in plan(source, target):
        missing = session.missing
        if not missing:
            result.unchanged.append(session.code)
            progress(f"  {session.code}  already there, unchanged  {session.title}")
            continue
        for record in missing:
            clock.now = record.at
            target.append(session.code, record.event)
        result.copied[session.code] = len(missing)
        progress(f"  {session.code}  {len(missing)} events copied  {session.title}")
    return result


def check_addresses(source: StoreAddress, target: StoreAddress) -> None:
    """Refuse a copy onto itself, or from a SQLite file that does not exist."""
    if source == target:
        raise MigrationRefused(
            f"--from and --to both name {source.shown}. Give the new store with --to."
        )
    if source.kind == SQLITE and source.path is not None and not source.path.exists():
        raise MigrationRefused(
            f"There is no session log at {source.path}. Give the data directory "
            "that holds facilitate.sqlite3 with --from sqlite:///path/to/data-dir."
        )


def describe(result: MigrationResult) -> str:
    """One sentence about what a copy did."""
    copied = len(result.copied)
    return (
        f"Copied {result.events} events of {copied} "
        f"session{'' if copied == 1 else 's'}; "
        f"{len(result.unchanged)} already in the target were left unchanged."
    )
