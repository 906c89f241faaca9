"""No activity is named by hand outside its own folder.

The agenda (``facilitate.activities.AGENDA``) is the one list of activities, and
every registry asks it. This test reads every module and content file of
``facilitate`` outside ``activities/``, and every workbook, for a name the agenda
owns: a string equal to an activity's key, its phase's key or its evidence item's
key, or an import of (or reference to) ``facilitate.activities.<name>``.

Page names (``core/pages.py`` and each spec's ``pages``) name workbooks, not
activities, and are held only where they equal one of those keys.

``KNOWN`` lists what is found today, each with its reason. It may only shrink:
a new name fails, and so does an entry that is no longer found.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

import facilitate
from facilitate.core.agenda import current_agenda
from facilitate.core.paths import workbooks_dir

PACKAGE = Path(facilitate.__file__).parent
ROOT = PACKAGE.parents[1]
ACTIVITIES = "facilitate.activities"

PACK_PART = "the evidence pack's own Part 4, named like the feedback phase"
KNOWN = {
    ("src/facilitate/evidence/demo.py", "reflection"): PACK_PART,
    ("src/facilitate/evidence/summary_sections.py", "reflection"): PACK_PART,
    ("src/facilitate/evidence/evidence.yaml", "reflection"): PACK_PART,
}


def owned_names() -> set[str]:
    """Every key the agenda owns: activities, phases and evidence items."""
    agenda = current_agenda()
    return (
        {activity.key for activity in agenda.activities}
        | set(agenda.phase_keys)
        | {item.key for _, item in agenda.loaded("evidence")}
    )


def activity_module(module: str) -> str | None:
    """``facilitate.activities.<name>`` for a module inside an activity."""
    parts = module.split(".")
    if module.startswith(f"{ACTIVITIES}.") and len(parts) > 2:
        return ".".join(parts[:3])
    return None


def python_names(source: str, names: set[str]) -> Iterator[str]:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value in names:
                yield node.value
            found = activity_module(node.value.partition(":")[0])
            if found:
                yield found
        elif isinstance(node, ast.Import):
            yield from filter(None, (activity_module(a.name) for a in node.names))
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == ACTIVITIES:
                modules = [f"{ACTIVITIES}.{a.name}" for a in node.names]
            else:
                modules = [node.module]
            yield from filter(None, (activity_module(m) for m in modules))


def content_names(content: Any, names: set[str]) -> Iterator[str]:
    if isinstance(content, dict):
        for key, value in content.items():
            yield from content_names(key, names)
            yield from content_names(value, names)
    elif isinstance(content, list):
        for value in content:
            yield from content_names(value, names)
    elif isinstance(content, str) and content in names:
        yield content


def workbook_source(path: Path) -> str:
    cells = json.loads(path.read_text())["cells"]
    code = ("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return "\n".join(code)


def hand_kept() -> set[tuple[str, str]]:
    names = owned_names()
    found: set[tuple[str, str]] = set()
    outside = [
        p
        for p in sorted(PACKAGE.rglob("*"))
        if p.relative_to(PACKAGE).parts[0] != "activities"
    ]
    for path in outside:
        if path.suffix == ".py":
            hits = python_names(path.read_text(), names)
        elif path.suffix == ".yaml":
            hits = content_names(yaml.safe_load(path.read_text()), names)
        else:
            continue
        found |= {(path.relative_to(ROOT).as_posix(), hit) for hit in hits}
    for path in sorted(workbooks_dir().glob("*.ipynb")):
        hits = python_names(workbook_source(path), names)
        found |= {(path.relative_to(ROOT).as_posix(), hit) for hit in hits}
    return found


def test_no_activity_is_named_by_hand_outside_its_folder():
    found = hand_kept()
    new = sorted(found - set(KNOWN))
    assert not new, f"Ask the agenda instead of naming activities here: {new}"
    gone = sorted(set(KNOWN) - found)
    assert not gone, f"No longer found, so remove them from KNOWN: {gone}"


def test_the_scan_finds_a_name_kept_by_hand():
    """The scan itself can see each way of naming an activity."""
    names = {"checkin"}
    source = (
        "import facilitate.activities.checkin.spec\n"
        "from facilitate.activities import checkin\n"
        "from facilitate.activities.checkin.views import x\n"
        "PAGES = {'checkin': 'facilitate.activities.checkin.views:page'}\n"
    )
    assert sorted(python_names(source, names)) == [
        "checkin",
        *[f"{ACTIVITIES}.checkin"] * 4,
    ]
    assert list(content_names({"notes": {"checkin": ["x"]}}, names)) == ["checkin"]
