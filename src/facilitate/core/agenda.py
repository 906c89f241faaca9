"""The agenda: the session's activities in order, and everything derived from it.

An activity is one folder under ``facilitate/activities`` whose ``spec.py`` declares
an ``ActivitySpec``: its phase, its event kinds, and lazy references to its views,
report part, demo seeder, evidence item and comparison part.
``facilitate.activities.AGENDA`` lists the specs in order; phases, the event
registry (``event_kinds``, ``event_from_payload``), contribution kinds, report
parts, demo seeders, the evidence pack's items and the comparison's sections are
all derived here, so adding an activity edits no other file.

Logs kept beside sessions in the same store (a team's, under its own code) are
not activities: they have no phase and no place in the room. The agenda names
only their event kinds (``beside``), so the store can read them back.

The core never imports an activity: it asks for the agenda by name (``Lazy``),
the way pytest finds its plugins, and for the kinds of the logs beside sessions
the same way. ``FACILITATE_AGENDA`` may name another agenda
(``module:attribute``), which is how a deployment or a test adds an activity.
Heavy parts (pandas, plotly) stay behind ``Lazy`` references, so a participant's
kernel imports only what its page shows.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import import_module
from typing import Any

from facilitate.core.errors import FacilitateError
from facilitate.core.events import CORE_EVENTS, Event
from facilitate.core.pages import Page

#: The two kinds of number an activity shares (``ActivitySpec.numbers``). An
#: answer is what a person chose or wrote: it passes k everywhere. An observation
#: is what everyone in the room saw happen (who was there, who talked): exact in
#: the leader's exports, grouped by role on the projected display.
ANSWER = "answer"
OBSERVATION = "observation"
AGENDA_VARIABLE = "FACILITATE_AGENDA"
DEFAULT_AGENDA = "facilitate.activities:AGENDA"
#: Event kinds of the logs kept beside sessions (``module:attribute``, a tuple).
BESIDE_SESSIONS = ("facilitate.teams.events:TEAM_EVENTS",)
#: Pages of the packages beside sessions (``module:attribute``, a tuple of
#: ``Page``): the team's page, and the evidence pack's.
PAGES_BESIDE = ("facilitate.teams.pages:PAGES", "facilitate.evidence.pages:PAGES")
REFERENCE_ROLES = (
    "participant",
    "display",
    "controls",
    "guide",
    "report",
    "demo",
    "evidence",
    "comparison",
    "join_question",
    "closing",
)


class AgendaError(FacilitateError):
    """The agenda names something that cannot be loaded or is inconsistent."""


@dataclass(frozen=True)
class Lazy:
    """A ``module:attribute`` reference, imported only when first needed.

    The one loader of the project: activity views, report parts, demo seeders and
    the agenda itself are all reached through it.
    """

    target: str

    def load(self) -> Any:
        module_name, _, attribute = self.target.partition(":")
        if not module_name or not attribute:
            raise AgendaError(
                f"'{self.target}' is not a reference; write it as module:attribute."
            )
        try:
            return getattr(import_module(module_name), attribute)
        except (ImportError, AttributeError) as error:
            raise AgendaError(f"Cannot load '{self.target}': {error}.") from None


def lazy(package: str, target: str) -> Lazy:
    """A reference to ``module:attribute`` inside ``package`` (an activity folder)."""
    return Lazy(f"{package}.{target}")


@dataclass(frozen=True)
class Phase:
    key: str
    title: str
    invitation: str


@dataclass(frozen=True)
class ActivitySpec:
    """Everything the rest of the product needs to know about one activity.

    ``phase`` is None for an activity that happens outside the room: it has
    events and pages but no place in the session's phases. ``participant`` and
    ``display`` build the participant's and the shared screen's view for the
    phase, and ``controls`` what the facilitator presses for it on the remote
    (reveal, hide, ...); the shared screen itself has no
    controls, since everyone reads it and nobody touches it. ``guide`` reads the
    facilitator's guide notes shown beside those controls, from a file in the
    activity's folder. ``join_question``
    adds a question to the join form;
    ``closing`` adds a participant widget to the last phase; ``report`` builds the
    summary's section; ``demo`` seeds the demo session; ``evidence`` is the item
    the leader's evidence pack may attach (an ``EvidencePart``); ``comparison``
    builds the activity's section of a comparison of rooms. ``contributions`` are
    the kinds that count as a person's written contribution in participation equity:
    text a person wrote for the group (a vision statement), not a tap on a scale
    and nothing private or anonymous. ``unseen_by_participants`` are kinds that no
    participant's page shows from anyone else (a private answer, a rating): when
    a room of 200 answers, their arrival need not wake every phone.
    ``pages`` are workbooks of the activity's own (``core.pages.Page``), served
    and gated from the same table as the session's pages. ``commands`` are its
    command groups: each a ``register(commands, common)`` function that adds
    its subcommands to the ``facilitate`` command.
    ``numbers`` declares the kind of each figure the activity shares, as
    ``(figure, ANSWER or OBSERVATION)`` pairs; a figure not declared is an
    answer, so only a declared observation ever leaves the gate exact.
    """

    key: str
    phase: Phase | None
    events: tuple[type[Event], ...] = ()
    participant: Lazy | None = None
    display: Lazy | None = None
    controls: Lazy | None = None
    guide: Lazy | None = None
    report: Lazy | None = None
    demo: Lazy | None = None
    evidence: Lazy | None = None
    comparison: Lazy | None = None
    join_question: Lazy | None = None
    closing: Lazy | None = None
    contributions: tuple[str, ...] = ()
    unseen_by_participants: tuple[str, ...] = ()
    pages: tuple[Page, ...] = ()
    commands: tuple[Lazy, ...] = ()
    numbers: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        for figure, kind in self.numbers:
            if kind not in (ANSWER, OBSERVATION):
                raise AgendaError(
                    f"The activity '{self.key}' declares '{figure}' as '{kind}'; "
                    f"declare it as '{ANSWER}' or '{OBSERVATION}'."
                )

    def number_kind(self, figure: str) -> str:
        """``OBSERVATION`` for a figure declared so, else ``ANSWER``."""
        return dict(self.numbers).get(figure, ANSWER)

    def references(self) -> Iterator[tuple[str, Lazy]]:
        """Every lazy reference the spec makes, with its role (for checking)."""
        for role in REFERENCE_ROLES:
            target = getattr(self, role)
            if target is not None:
                yield role, target
        for command in self.commands:
            yield "commands", command


@dataclass(frozen=True)
class Agenda:
    """The ordered activities of a session and the registries derived from them.

    ``beside`` names the event kinds of logs kept beside sessions in the same
    store (a team's): the event registry holds them, nothing else does.
    ``pages_beside`` names the pages of packages beside the activities (the
    team's, the evidence pack's), for the one page table (``core.page_table``).
    """

    activities: tuple[ActivitySpec, ...]
    beside: tuple[Lazy, ...] = tuple(Lazy(target) for target in BESIDE_SESSIONS)
    pages_beside: tuple[Lazy, ...] = tuple(Lazy(target) for target in PAGES_BESIDE)

    def __post_init__(self) -> None:
        keys = [a.key for a in self.activities]
        phases = [a.phase.key for a in self.activities if a.phase is not None]
        for what, names in (("activity", keys), ("phase", phases)):
            twice = sorted({n for n in names if names.count(n) > 1})
            if twice:
                raise AgendaError(f"The agenda lists the {what} '{twice[0]}' twice.")
        if not phases:
            raise AgendaError("The agenda needs at least one activity with a phase.")

    @cached_property
    def phases(self) -> tuple[Phase, ...]:
        return tuple(a.phase for a in self.activities if a.phase is not None)

    @cached_property
    def phase_keys(self) -> tuple[str, ...]:
        return tuple(phase.key for phase in self.phases)

    @property
    def first_phase(self) -> str:
        return self.phase_keys[0]

    @property
    def last_phase(self) -> str:
        return self.phase_keys[-1]

    @cached_property
    def event_kinds(self) -> dict[str, type[Event]]:
        """kind -> class: the core's, the activities', the logs' beside sessions."""
        kinds: dict[str, type[Event]] = {}
        activities = (e for a in self.activities for e in a.events)
        beside = (e for log in self.beside for e in log.load())
        for cls in (*CORE_EVENTS, *activities, *beside):
            if kinds.get(cls.kind, cls) is not cls:
                raise AgendaError(f"The event '{cls.kind}' is declared twice.")
            kinds[cls.kind] = cls
        return kinds

    @cached_property
    def contribution_kinds(self) -> tuple[str, ...]:
        return tuple(kind for a in self.activities for kind in a.contributions)

    def unseen_by_participants(self) -> frozenset[str]:
        return frozenset(k for a in self.activities for k in a.unseen_by_participants)

    def activity(self, key: str) -> ActivitySpec | None:
        return next((a for a in self.activities if a.key == key), None)

    def activity_for_phase(self, phase: str) -> ActivitySpec | None:
        return next(
            (
                a
                for a in self.activities
                if a.phase is not None and a.phase.key == phase
            ),
            None,
        )

    def phase(self, key: str) -> Phase:
        """The phase named ``key``; unknown keys fall back to the first phase."""
        return next((p for p in self.phases if p.key == key), self.phases[0])

    def phase_number(self, key: str) -> int:
        """1-based position of ``key`` (unknown keys count as the first)."""
        return self.phase_keys.index(self.phase(key).key) + 1

    def next_phase(self, key: str) -> str:
        index = self.phase_number(key)
        return self.phase_keys[min(index, len(self.phase_keys) - 1)]

    def previous_phase(self, key: str) -> str:
        index = self.phase_number(key) - 1
        return self.phase_keys[max(index - 1, 0)]

    def loaded(self, role: str) -> list[tuple[ActivitySpec, Callable[..., Any]]]:
        """Each activity's loaded ``role`` reference, in agenda order, where set."""
        found = []
        for activity in self.activities:
            target = getattr(activity, role)
            if target is not None:
                found.append((activity, target.load()))
        return found


def agenda_target(environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    return env.get(AGENDA_VARIABLE, "").strip() or DEFAULT_AGENDA


@lru_cache(maxsize=4)
def _load_agenda(target: str) -> Agenda:
    loaded = Lazy(target).load()
    return loaded if isinstance(loaded, Agenda) else Agenda(tuple(loaded))


def current_agenda() -> Agenda:
    """The agenda this process runs: ``FACILITATE_AGENDA`` or the default one."""
    return _load_agenda(agenda_target())


class UnknownEventKind(FacilitateError):
    def __init__(self, kind: str, valid: list[str]) -> None:
        super().__init__(
            f"'{kind}' is not an event kind. Valid kinds: {', '.join(sorted(valid))}."
        )


def event_kinds() -> dict[str, type[Event]]:
    """Every kind the current agenda knows: the core's, then each activity's."""
    return current_agenda().event_kinds


def event_from_payload(kind: str, payload: dict[str, Any]) -> Event:
    """Rebuild an event from what the store kept."""
    kinds = event_kinds()
    try:
        cls = kinds[kind]
    except KeyError:
        raise UnknownEventKind(kind, list(kinds)) from None
    return cls(**payload)
