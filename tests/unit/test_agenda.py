"""The agenda is the only list: everything it names loads, every field has a policy,
and the folders keep to their direction (core <- ui <- activities <- the edge)."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from facilitate.activities import AGENDA
from facilitate.core.agenda import ActivitySpec, Agenda, AgendaError, Lazy, Phase
from facilitate.core.events import POLICIES

SOURCE = Path(__file__).parents[2] / "src" / "facilitate"


@pytest.mark.parametrize(
    ("activity", "role", "target"),
    [(a.key, role, lazy) for a in AGENDA.activities for role, lazy in a.references()],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_every_reference_in_the_agenda_loads(activity, role, target):
    assert callable(target.load()), f"{activity}.{role} -> {target.target}"


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


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_core_and_ui_import_no_activity_and_activities_not_each_other():
    for path in SOURCE.rglob("*.py"):
        layer = path.relative_to(SOURCE).parts[0]
        imports = imported_modules(path)
        if layer in ("core", "ui"):
            assert not any(m.startswith("facilitate.activities") for m in imports), path
        if layer == "core":
            assert not any(m.startswith("facilitate.ui") for m in imports), path
        if layer == "activities" and path.parent != SOURCE / "activities":
            own = f"facilitate.activities.{path.relative_to(SOURCE).parts[1]}"
            others = [
                m
                for m in imports
                if m.startswith("facilitate.activities.") and not m.startswith(own)
            ]
            assert not others, f"{path} imports {others}"
