"""Running ``workbooks/summary.ipynb`` headlessly and turning it into one HTML file.

The workbook runs in a fresh kernel (nbclient, which nbconvert's
ExecutePreprocessor wraps) whose environment names the data directory and the
session, so the page is built exactly as Voila would build it. The HTML comes from
our own nbconvert template in ``templates/nbconvert/templates/facilitate_summary``:
no code, a cover, print-friendly CSS and nothing fetched from the internet.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from traitlets.config import Config as TraitletsConfig

from facilitate.core.config import DATA_DIR_VARIABLE
from facilitate.core.cover import Cover
from facilitate.core.paths import templates_dir, workbooks_dir
from facilitate.core.sessions import SessionInfo
from facilitate.export.summary import CODE_VARIABLE, KEY_VARIABLE

SUMMARY_NOTEBOOK = "summary.ipynb"
TEMPLATE_NAME = "facilitate_summary"
CELL_TIMEOUT_SECONDS = 120


def nbconvert_templates() -> Path:
    """The folder holding our nbconvert template (found beside Voila's)."""
    return templates_dir() / "nbconvert" / "templates"


def kernel_environment(session: SessionInfo, data_dir: Path) -> dict[str, str]:
    """The kernel's environment: the store, the session, and our templates."""
    env = {k: v for k, v in os.environ.items() if k != "QUERY_STRING"}
    env[DATA_DIR_VARIABLE] = str(data_dir)
    env[CODE_VARIABLE] = session.code
    env[KEY_VARIABLE] = session.key
    extra = env.get("JUPYTER_PATH", "")
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(templates_dir()), extra) if p)
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def run_summary(session: SessionInfo, data_dir: Path) -> Any:
    """The summary workbook executed for ``session`` (a NotebookNode)."""
    path = workbooks_dir() / SUMMARY_NOTEBOOK
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    with tempfile.TemporaryDirectory(prefix="facilitate-export-") as sockets:
        client = NotebookClient(
            notebook,
            timeout=CELL_TIMEOUT_SECONDS,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
            config=local_kernel(Path(sockets)),
        )
        client.execute(env=kernel_environment(session, data_dir))
    return notebook


def local_kernel(sockets: Path) -> TraitletsConfig:
    """The export's kernel talks over local sockets in ``sockets``, not TCP ports:
    nothing listens on the network, and the kernel has no reason to print its
    warning about unencrypted TCP on the facilitator's terminal."""
    return TraitletsConfig(
        {"KernelManager": {"transport": "ipc", "ip": str(sockets / "kernel")}}
    )


def notebook_html(notebook: Any, cover: Cover) -> str:
    """One self-contained HTML document from the executed workbook."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(  # type: ignore[no-untyped-call]
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(nbconvert_templates())],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    cover_facts = asdict(cover)
    body, _ = exporter.from_notebook_node(
        notebook, resources={"facilitate_cover": cover_facts}
    )
    return str(body)
