"""Where the project's own folders are: workbooks, templates and sample data.

They sit beside ``src/`` in the project (installed editable by ``make``), and may be
moved elsewhere with ``FACILITATE_HOME`` for a packaged deployment. Activity content
ships inside the package instead (see ``facilitate.core.content``); only a
facilitator's edited copy of it is looked for here.
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
    """The top-level ``data/`` folder: sample data such as the synthetic district."""
    return project_root() / "data"


def content_override_dir() -> Path | None:
    """``$FACILITATE_HOME/data`` when ``FACILITATE_HOME`` is set, else None: a content
    file found there replaces the one shipped with its activity."""
    override = os.environ.get("FACILITATE_HOME", "").strip()
    return Path(override) / "data" if override else None
