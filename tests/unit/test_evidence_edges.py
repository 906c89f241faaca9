"""The evidence pack sits at the edge: it reads the activities, nothing reads it."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).parents[2] / "src" / "facilitate"


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_activity_core_or_ui_module_imports_the_evidence_pack():
    for layer in ("activities", "core", "ui"):
        for path in (SOURCE / layer).rglob("*.py"):
            bad = [m for m in imports_of(path) if m.startswith("facilitate.evidence")]
            assert not bad, f"{path.relative_to(SOURCE)} imports {bad}"


def test_the_evidence_pack_reaches_activities_only_through_the_agenda():
    for path in (SOURCE / "evidence").rglob("*.py"):
        direct = [m for m in imports_of(path) if m.startswith("facilitate.activities")]
        assert not direct, f"{path.relative_to(SOURCE)} imports {direct}"
