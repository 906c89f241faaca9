"""Starting Voila the way a live room needs it.

All of Voila's options live here, at the edge: a preheated kernel pool for the
participant notebook only (the console's polling loop must not run for nobody),
culling of kernels whose browser left, no template or theme override from the URL,
and our own template. The options are written to a ``voila.json`` in the data
directory's ``run/`` folder, which is Voila's working directory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitate.core.config import DATA_DIR_VARIABLE
from facilitate.core.paths import templates_dir, workbooks_dir

PARTICIPANT_NOTEBOOK = "participant.ipynb"
DEFAULT_POOL = 30
#: A closed tab's kernel is not shut down by the page (Voila's unload request is
#: refused for a missing XSRF token), so kernels with no browser attached are
#: culled after this long; kernels with a connected page are never culled.
CULL_IDLE_SECONDS = 300
CULL_INTERVAL_SECONDS = 60
TEMPLATE_NAME = "facilitate"


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8866
    pool: int = DEFAULT_POOL


def voila_settings(options: ServeOptions) -> dict[str, Any]:
    """The contents of ``voila.json`` for a live session."""
    preheat = options.pool > 0
    others = [
        p.name
        for p in workbooks_dir().glob("*.ipynb")
        if p.name != PARTICIPANT_NOTEBOOK
    ]
    return {
        "Voila": {
            "ip": options.host,
            "port": options.port,
            "port_retries": 0,
            "open_browser": False,
            # Our own lines say where to go; Voila's per-kernel notices (one
            # "not trusted" warning per pooled kernel) would bury them.
            "log_level": "ERROR",
        },
        "VoilaConfiguration": {
            "template": TEMPLATE_NAME,
            "preheat_kernel": preheat,
            "default_pool_size": 0,
            "show_tracebacks": False,
            "strip_sources": True,
            "allow_template_override": "NO",
            "allow_theme_override": "NO",
            "file_allowlist": [],
        },
        "VoilaKernelManager": {
            "kernel_pools_config": {
                "default": {"pool_size": 0},
                PARTICIPANT_NOTEBOOK: {"pool_size": max(options.pool, 0)},
            },
            "preheat_denylist": others,
            "fill_delay": 0.2,
        },
        # Kernels talk to Voila over local sockets, not TCP ports: many kernels
        # starting at once (a room joining without a pool) cannot race for a
        # port, and nothing is listening on the network.
        "KernelManager": {"transport": "ipc"},
        "MappingKernelManager": {
            "cull_idle_timeout": CULL_IDLE_SECONDS,
            "cull_interval": CULL_INTERVAL_SECONDS,
            "cull_connected": False,
        },
    }


def voila_environment(data_dir: Path) -> dict[str, str]:
    """Kernels inherit this: where the data lives and where our template is."""
    env = dict(os.environ)
    env[DATA_DIR_VARIABLE] = str(data_dir)
    extra = env.get("JUPYTER_PATH", "")
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(templates_dir()), extra) if p)
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def voila_command(options: ServeOptions, data_dir: Path) -> tuple[list[str], Path]:
    """The command line and working directory that start Voila."""
    run_dir = data_dir / "run"
    run_dir.mkdir(parents=True, exist_ok=True)
    (run_dir / "voila.json").write_text(json.dumps(voila_settings(options), indent=2))
    command = [
        sys.executable,
        "-m",
        "voila",
        str(workbooks_dir()),
        "--no-browser",
        f"--port={options.port}",
        f"--Voila.ip={options.host}",
    ]
    return command, run_dir


def start_voila(options: ServeOptions, data_dir: Path) -> subprocess.Popen[bytes]:
    command, run_dir = voila_command(options, data_dir)
    return subprocess.Popen(command, cwd=run_dir, env=voila_environment(data_dir))
