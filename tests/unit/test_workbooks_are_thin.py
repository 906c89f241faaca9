"""Workbooks are pages, not programs: short, no definitions, no loops."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
#: The top-level workbooks, and the pages activities ship in their folders.
WORKBOOKS = sorted(
    [
        *(ROOT / "workbooks").glob("*.ipynb"),
        *(ROOT / "src" / "facilitate" / "activities").glob("*/*.ipynb"),
    ]
)


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.name)
def test_workbook_is_thin(path: Path):
    notebook = json.loads(path.read_text())
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert all(not c["outputs"] for c in code), "strip outputs before committing"
    source = "\n".join("".join(c["source"]) for c in code)
    lines = [line for line in source.splitlines() if line.strip()]
    assert len(lines) <= 30
    banned = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.For, ast.While)
    assert not [n for n in ast.walk(ast.parse(source)) if isinstance(n, banned)]


def test_the_core_workbooks_exist():
    names = {p.name for p in WORKBOOKS}
    assert {"participant.ipynb", "display.ipynb", "remote.ipynb"} <= names
