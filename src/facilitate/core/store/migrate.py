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

Two things live beside the events and are carried too. A deleted session's
tombstone: the target refuses its code from then on, as the source does (a
code deleted in one log and holding events in the other stops the copy). And
feedback forms held until their batch is complete (``append_unlinked``): they
are held in the target exactly as in the source, still unreleased and in no
order, so a copy neither loses them nor lets them out before their batch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from facilitate.core.errors import FacilitateError
from facilitate.core.events import Event, Recorded, SessionCreated
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
    #: What the target must hold for this session's batches; None: as it is.
    held: list[Event] | None = None

    @property
    def missing(self) -> list[Recorded]:
        return self.source[self.already :]


@dataclass
class Plan:
    sessions: list[SessionCopy]
    #: Codes deleted in the source whose tombstone the target still lacks.
    tombstones: list[str]


@dataclass
class MigrationResult:
    copied: dict[str, int] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    tombstones: list[str] = field(default_factory=list)
    held: dict[str, int] = field(default_factory=dict)

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


def plan(source: EventStore, target: EventStore) -> Plan:
    """Every session of ``source``, what the target holds of it, and tombstones."""
    copies, clashes = [], []
    for created in source.read_kind(SessionCreated.kind):
        code = created.session
        events = source.read(code)
        held = plan_session(events, target.read(code))
        if held < 0:
            clashes.append(code)
        title = created.event.title if isinstance(created.event, SessionCreated) else ""
        copies.append(SessionCopy(code, title, events, max(held, 0)))
    refuse_if(
        clashes,
        "The target already holds {sessions} with other events, so nothing was "
        "copied. Check that --to names the store you mean; a session both logs "
        "hold must be deleted from one of them (facilitate --store ADDRESS "
        "session delete CODE) before copying.",
    )
    refuse_if(
        [copy.code for copy in copies if target.is_deleted(copy.code)],
        "The target has deleted {sessions}, which the source still holds, so "
        "nothing was copied. A deleted code takes no more answers: delete it from "
        "the source too (facilitate --store ADDRESS session delete CODE) if it "
        "should go, or copy into another store.",
    )
    for copy in copies:
        copy.held = plan_held(source, target, copy)
    return Plan(copies, plan_tombstones(source, target))


def plan_held(
    source: EventStore, target: EventStore, copy: SessionCopy
) -> list[Event] | None:
    """The forms the target must hold for ``copy``, or None when it holds them.

    A target without the session's events holds none of its forms (a form is
    held with its sender's marker), so it is only asked when it has events.
    """
    wanted = source.held_contents(copy.code)
    if not copy.already:
        return wanted or None
    if sorted(map(repr, target.held_contents(copy.code))) == sorted(map(repr, wanted)):
        return None
    return wanted


def plan_tombstones(source: EventStore, target: EventStore) -> list[str]:
    """Codes deleted in the source and not yet in the target (refused if held)."""
    deleted = [
        code for code in source.deleted_sessions() if not target.is_deleted(code)
    ]
    refuse_if(
        [code for code in deleted if target.read(code)],
        "The source has deleted {sessions}, which the target still holds, so "
        "nothing was copied. If they are the same sessions, delete them from the "
        "target too (facilitate --store ADDRESS session delete CODE), then copy "
        "again.",
    )
    return deleted


def refuse_if(codes: list[str], sentence: str) -> None:
    """Stop the copy, naming ``codes`` in ``sentence``, when there are any."""
    if codes:
        named = f"session{'s' if len(codes) > 1 else ''} {', '.join(codes)}"
        raise MigrationRefused(sentence.format(sessions=named))


def copy_log(
    source: EventStore,
    target: EventStore,
    clock: ReplayClock,
    progress: Callable[[str], None] = print,
) -> MigrationResult:
    """Copy what the target lacks; ``target`` must have been opened with ``clock``."""
    result = MigrationResult()
    planned = plan(source, target)
    for session in planned.sessions:
        copy_session(session, target, clock, result, progress)
    for code in planned.tombstones:
        target.delete_session(code)
        result.tombstones.append(code)
        progress(f"  {code}  deleted in the source: its code stays closed here too")
    return result


def copy_session(
    session: SessionCopy,
    target: EventStore,
    clock: ReplayClock,
    result: MigrationResult,
    progress: Callable[[str], None],
) -> None:
    """Append the events the target lacks, then hold the forms it must hold."""
    missing = session.missing
    for record in missing:
        clock.now = record.at
        target.append(session.code, record.event)
    said = f"{len(missing)} events copied" if missing else "already there"
    if session.held is not None:
        target.replace_held_contents(session.code, session.held)
        result.held[session.code] = len(session.held)
        said += f", {len(session.held)} forms held for their batch"
    elif not missing:
        said += ", unchanged"
    if missing:
        result.copied[session.code] = len(missing)
    else:
        result.unchanged.append(session.code)
    progress(f"  {session.code}  {said}  {session.title}")


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
    """A sentence about what a copy did (and one each for tombstones and forms)."""
    copied = len(result.copied)
    said = (
        f"Copied {result.events} events of {copied} "
        f"session{'' if copied == 1 else 's'}; "
        f"{len(result.unchanged)} already in the target were left unchanged."
    )
    if result.tombstones:
        count = len(result.tombstones)
        said += (
            f" {count} deleted session code{'' if count == 1 else 's'} "
            "will take no answers in the target either."
        )
    forms = sum(result.held.values())
    if forms:
        said += (
            " 1 feedback form waiting for its batch is"
            if forms == 1
            else f" {forms} feedback forms waiting for their batch are"
        ) + " held in the target, not released."
    return said
