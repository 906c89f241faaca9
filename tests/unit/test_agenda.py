"""The agenda is the only list: everything it names loads, every field has a policy.

The folders' direction (core <- ui <- activities <- the edge) is held by the
import-linter contracts in pyproject.toml (see ``test_import_contracts``)."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

import pytest

from facilitate.activities import AGENDA
from facilitate.core.agenda import ActivitySpec, Agenda, AgendaError, Lazy, Phase
from facilitate.core.events import POLICIES, Event
from facilitate.core.evidence import EvidencePart
from facilitate.teams.events import TeamCreated


@pytest.mark.parametrize(
    ("activity", "role", "target"),
    [(a.key, role, lazy) for a in AGENDA.activities for role, lazy in a.references()],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_every_reference_in_the_agenda_loads(activity, role, target):
    loaded = target.load()
    if role == "evidence":  # an item's key and title are read before it is built
        assert isinstance(loaded, EvidencePart), f"{activity}.{role}"
    else:
        assert callable(loaded), f"{activity}.{role} -> {target.target}"


def test_every_field_of_every_kind_has_an_export_policy():
    for kind, cls in AGENDA.event_kinds.items():
        fields = {f.name for f in dataclasses.fields(cls)}
        assert set(cls.policy) == fields, f"{kind}: policy {set(cls.policy)}"
        assert set(cls.policy.values()) <= set(POLICIES), kind


def test_phases_come_from_the_agenda_in_order():
    assert AGENDA.phase_keys == (
        "welcome",
        "self_assessment",
        "alignment",
        "root_causes",
        "participation",
        "reflection",
    )
    assert AGENDA.next_phase("reflection") == "reflection"
    assert AGENDA.previous_phase("welcome") == "welcome"
    assert AGENDA.phase("nonsense").key == "welcome"


def test_a_broken_reference_or_a_twice_listed_activity_says_so():
    with pytest.raises(AgendaError, match="Cannot load 'facilitate.nowhere:Thing'"):
        Lazy("facilitate.nowhere:Thing").load()
    with pytest.raises(AgendaError, match="write it as module:attribute"):
        Lazy("facilitate.activities").load()
    spec = ActivitySpec("x", Phase("x", "X", "x"))
    with pytest.raises(AgendaError, match="lists the activity 'x' twice"):
        Agenda((spec, spec))


def test_teams_is_no_activity_but_the_store_reads_its_kinds():
    assert [a.key for a in AGENDA.activities if a.phase is None] == []
    assert AGENDA.activity("teams") is None
    assert AGENDA.event_kinds["team_created"] is TeamCreated


@dataclasses.dataclass(frozen=True)
class TeamLookalike(Event):
    kind: ClassVar[str] = "team_created"


def test_a_kind_declared_by_an_activity_and_a_log_beside_sessions_says_so():
    spec = ActivitySpec("x", Phase("x", "X", "x"), events=(TeamLookalike,))
    with pytest.raises(AgendaError, match="The event 'team_created' is declared"):
        _ = Agenda((spec,)).event_kinds
