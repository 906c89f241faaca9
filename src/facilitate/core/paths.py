"""Where the project's own folders are: workbooks, templates and sample data.

They sit at the top of the project (``workbooks/``, ``templates/``, ``data/``),
where people edit them. A wheel (``pip install .``, ``pipx install .``) carries
each as a folder of the ``facilitate`` package (``setup.py``), found here through
``importlib.resources``; in a checkout installed editable (``make``) the
package has no such folder, and the project's own is used. ``FACILITATE_HOME``
moves all three elsewhere for a packaged deployment. Activity content ships
inside the package instead (see ``facilitate.core.content``); only a
facilitator's edited copy of it is looked for here.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

HOME_VARIABLE = "FACILITATE_HOME"


def project_root() -> Path:
    """``FACILITATE_HOME``, else the checkout this module sits in."""
    override = os.environ.get(HOME_VARIABLE, "").strip()
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3]


def shipped_folder(name: str) -> Path:
    """The folder ``name`` as installed with the package, else the project's."""
    if not os.environ.get(HOME_VARIABLE, "").strip():
        installed = Path(str(files("facilitate") / name))
        if installed.is_dir():
            return installed
    return project_root() / name


def workbooks_dir() -> Path:
    return shipped_folder("workbooks")


def templates_dir() -> Path:
    return shipped_folder("templates")


def content_dir() -> Path:
    """The ``data/`` folder: sample data such as the synthetic district."""
    return shipped_folder("data")


def content_override_dir() -> Path | None:
    """``$FACILITATE_HOME/data`` when ``FACILITATE_HOME`` is set, else None: a content
    file found there replaces the one shipped with its activity."""
    override = os.environ.get(HOME_VARIABLE, "").strip()
    return Path(override) / "data" if override else None
