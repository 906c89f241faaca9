"""The layers of STYLE.md are held by import-linter, and a planted import breaks them.

``make lint`` runs ``lint-imports`` on the real tree. Each test here copies the
package, plants one import the contracts in ``pyproject.toml`` forbid, and runs
the same command with the same contracts on the copy: it must fail and name the
planted import. A contract that stopped covering a layer fails its test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SOURCE = ROOT / "src" / "facilitate"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_with_planted(tmp_path: Path, module: str, planted: str) -> str:
    """``lint-imports`` output for a copy of the package with ``planted`` appended
    to ``module``; fails unless the contracts are broken."""
    copy = tmp_path / "src" / "facilitate"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    path = copy / module
    path.write_text(path.read_text(encoding="utf-8") + planted, encoding="utf-8")
    done = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(ROOT / "pyproject.toml")],
        cwd=tmp_path,
        # wide enough that no import in the report is wrapped
        env={**os.environ, "PYTHONPATH": str(copy.parent), "COLUMNS": "300"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    return done.stdout


@pytest.mark.parametrize(
    ("module", "planted", "broken"),
    [
        (
            "core/errors.py",
            "from facilitate.ui import widgets\n",
            "facilitate.core.errors -> facilitate.ui.widgets",
        ),
        (
            "ui/widgets.py",
            "from facilitate.activities.checkin import content\n",
            "facilitate.ui.widgets -> facilitate.activities.checkin.content",
        ),
        (
            "evidence/pointer.py",
            "\n\ndef planted() -> None:\n    from facilitate.export import run\n",
            "facilitate.evidence.pointer -> facilitate.export.run",
        ),
        (
            "export/tables.py",
            "from facilitate.cli import common\n",
            "facilitate.export.tables -> facilitate.cli.common",
        ),
    ],
    ids=["core-imports-ui", "ui-imports-an-activity", "lazy-import-up", "export-cli"],
)
def test_an_upward_import_breaks_the_layers(tmp_path, module, planted, broken):
    output = lint_with_planted(tmp_path, module, planted)
    assert "Layers, each importing only those below it BROKEN" in output
    assert broken in output


def test_an_activity_importing_another_breaks_their_independence(tmp_path):
    output = lint_with_planted(
        tmp_path,
        "activities/checkin/content.py",
        "from facilitate.activities.feedback import metrics\n",
    )
    assert "An activity never imports another BROKEN" in output
    assert (
        "facilitate.activities.checkin.content -> "
        "facilitate.activities.feedback.metrics" in output
    )


def test_inside_an_activity_metrics_importing_its_charts_breaks_its_layers(
    tmp_path,
):
    output = lint_with_planted(
        tmp_path,
        "activities/checkin/metrics.py",
        "from facilitate.activities.checkin import charts\n",
    )
    assert (
        "Inside an activity: content and events, then metrics, charts and views "
        "BROKEN" in output
    )
    assert (
        "facilitate.activities.checkin.metrics -> facilitate.activities.checkin.charts"
        in output
    )


@pytest.mark.parametrize(
    ("module", "importer"),
    [
        ("evidence/pointer.py", "facilitate.evidence.pointer"),
        ("compare/files.py", "facilitate.compare.files"),
    ],
)
def test_the_evidence_pack_or_comparison_importing_an_activity_breaks_its_contract(
    tmp_path, module, importer
):
    output = lint_with_planted(
        tmp_path, module, "from facilitate.activities.checkin import content\n"
    )
    assert (
        "The evidence pack and the comparison reach the activities only through "
        "the agenda BROKEN" in output
    )
    assert f"{importer} -> facilitate.activities.checkin.content" in output


def test_a_cycle_between_two_modules_of_a_layer_is_refused(tmp_path):
    output = lint_with_planted(
        tmp_path,
        "core/errors.py",
        "\n\ndef planted() -> None:\n    from facilitate.core import sessions\n",
    )
    assert "No cycles are allowed in facilitate.core." in output
