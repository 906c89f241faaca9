"""Where the project's own folders are: workbooks, templates and editable content.

They sit beside ``src/`` in the project (installed editable by ``make``), and may be
moved elsewhere with ``FACILITATE_HOME`` for a packaged deployment.
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    override = os.environ.get("FACILITATE_HOME", "").strip()
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3]


def workbooks_dir() -> Path:
    return project_root() / "workbooks"


def templates_dir() -> Path:
    return project_root() / "templates"


def content_dir() -> Path:
    return project_root() / "data"
