"""The two Voila processes a room needs, and every Voila option, at this edge.

- The **room** Voila serves the participant page from a pool of preheated kernels
  and loads only the front-end code a phone needs. After a mass join it refills
  its pool a kernel at a time, and its kernels run at the lowest priority
  (``room_kernels``), so neither a refill nor a hundred phones building their
  next activity at once starve the projected display.
- The **lead** Voila serves the facilitator's pages under ``/lead``: one warm
  kernel each for the display and the remote (their polling starts only once a
  page connects), the others started on request after the front door checked the
  key.

Neither loads plotly's own front-end extension (4.7 MB, 1.4 MB compressed): no
page uses it, since charts are drawn by ``ui.live_chart`` with the plotly.js the
front door serves, fetched only by a page that draws a chart.

Both listen on loopback only; ``proxy`` is the one public address. Options are
written to a ``voila.json`` in each process's working directory under the data
directory's ``run/`` folder.

Each serves a folder of its own, gathered there from the one page table
(``core.page_table``): every declared page's workbook, copied from wherever its
declaration says it ships (the project's ``workbooks/``, or an activity's own
folder). A workbook nobody declared is not served at all.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitate.core.config import DATA_DIR_VARIABLE, PUBLIC_URL_VARIABLE
from facilitate.core.links import LEAD_PREFIX
from facilitate.core.page_table import PageTable, page_table
from facilitate.core.pages import PageError
from facilitate.core.paths import templates_dir
from facilitate.server.children import start_child
from facilitate.server.priority import lower_session_priority
from facilitate.ui.room_memory import kernels_forked

#: The folder, in each Voila's working directory, holding the pages it serves.
SERVED_FOLDER = "pages"
DEFAULT_POOL = 30
#: A closed tab's kernel is not shut down by the page (Voila's unload request is
#: refused for a missing XSRF token), so kernels with no browser attached are
#: culled after this long; kernels with a connected page are never culled.
CULL_IDLE_SECONDS = 300
CULL_INTERVAL_SECONDS = 60
TEMPLATE_NAME = "facilitate"
#: Seconds Voila waits after a pooled kernel is taken before replacing it.
FILL_DELAY_SECONDS = 0.5
ROOM_KERNEL_MANAGER = "facilitate.server.room_kernels.RoomKernelManager"
#: How the room's Voila launches kernels: an entry point of ours (``pyproject.toml``)
#: naming ``room_kernels.RoomProvisioner``.
ROOM_PROVISIONER = "facilitate-room"
#: The room's Voila (relaying every phone's messages) runs a little behind the
#: front door and the lead's, in a session of its own; its kernels run lower
#: still (``room_kernels``).
ROOM_NICENESS = 5
#: Seconds Voila waits for a cell's output once its kernel says the cell is done.
#: nbclient's 4 s default is too short while a pool of 100 kernels starts on two
#: cores: the outputs came later and were dropped, so every preheated page was
#: empty and never showed the join form.
OUTPUT_WAIT_SECONDS = 60
#: Front-end extensions no page of ours uses (plotly's is 4.7 MB).
UNUSED_EXTENSIONS = ("jupyterlab-plotly",)


@dataclass(frozen=True)
class ServeOptions:
    """Where one front door listens, and how many participant kernels it keeps warm.

    ``worker`` names it among several (its answers say so, and its Voilas keep
    their files under ``run/<worker>/``). ``trusted_proxies`` are the addresses
    (or networks) of the proxies in front of it, such as our HAProxy: only on
    their connections is a person's address read from a forwarding header, so
    per-device limits still apply per device and nobody else can choose theirs.
    """

    host: str = "127.0.0.1"
    port: int = 8866
    pool: int = DEFAULT_POOL
    worker: str = ""
    trusted_proxies: tuple[str, ...] = ()


@dataclass(frozen=True)
class VoilaRole:
    """What differs between the room's Voila and the lead's."""

    name: str
    base_url: str
    pools: dict[str, int]
    extension_denylist: tuple[str, ...] = ()
    niceness: int = 0
    #: Its kernels are the room's: paced and behind the display (``room_kernels``).
    room_kernels: bool = False
    #: Its kernels are forked from a template that did their imports once.
    fork_kernels: bool = False


def room_role(options: ServeOptions) -> VoilaRole:
    return VoilaRole(
        name="room",
        base_url="/",
        pools={page_table().join.name: max(options.pool, 0)},
        extension_denylist=UNUSED_EXTENSIONS,
        niceness=ROOM_NICENESS,
        room_kernels=True,
        fork_kernels=kernels_forked(),
    )


def lead_role() -> VoilaRole:
    warm = {page.name: 1 for page in page_table().pages if page.lead and page.warm}
    return VoilaRole(
        name="lead",
        base_url=f"{LEAD_PREFIX}/",
        pools=warm,
        extension_denylist=UNUSED_EXTENSIONS,
    )


def voila_settings(role: VoilaRole, port: int) -> dict[str, Any]:
    """The contents of one process's ``voila.json``."""
    others = [p.name for p in page_table().pages if p.name not in role.pools]
    preheat = any(size > 0 for size in role.pools.values())
    configuration: dict[str, Any] = {
        "template": TEMPLATE_NAME,
        "preheat_kernel": preheat,
        "default_pool_size": 0,
        "show_tracebacks": False,
        "strip_sources": True,
        "allow_template_override": "NO",
        "allow_theme_override": "NO",
        "file_allowlist": [],
    }
    if role.extension_denylist:
        configuration["extension_denylist"] = list(role.extension_denylist)
    if role.room_kernels:
        configuration["multi_kernel_manager_class"] = ROOM_KERNEL_MANAGER
    return {
        "Voila": {
            "ip": "127.0.0.1",
            "port": port,
            "port_retries": 0,
            "open_browser": False,
            "base_url": role.base_url,
            # Our own lines say where to go; Voila's per-kernel notices (one
            # "not trusted" warning per pooled kernel) would bury them.
            "log_level": "ERROR",
            # traitlets keeps the logger itself at DEBUG and filters at the
            # handler, so every debug line was still built: 5 % of the room
            # Voila's time while its pool warmed.
            "logging_config": {"loggers": {"Voila": {"level": "ERROR"}}},
        },
        "VoilaConfiguration": configuration,
        "VoilaExecutor": {"iopub_timeout": OUTPUT_WAIT_SECONDS},
        **(
            {
                "KernelProvisionerFactory": {
                    "default_provisioner_name": ROOM_PROVISIONER
                },
                "RoomProvisioner": {"fork_from_template": role.fork_kernels},
            }
            if role.room_kernels
            else {}
        ),
        "VoilaKernelManager": {
            "kernel_pools_config": {
                "default": {"pool_size": 0},
                **{name: {"pool_size": size} for name, size in role.pools.items()},
            },
            "preheat_denylist": others,
            "fill_delay": FILL_DELAY_SECONDS,
        },
        # Kernels talk to Voila over local sockets, not TCP ports: many kernels
        # starting at once cannot race for a port, and nothing listens on the
        # network.
        "KernelManager": {"transport": "ipc"},
        "MappingKernelManager": {
            "cull_idle_timeout": CULL_IDLE_SECONDS,
            "cull_interval": CULL_INTERVAL_SECONDS,
            "cull_connected": False,
        },
    }


def voila_environment(data_dir: Path, public_url: str) -> dict[str, str]:
    """Kernels inherit this: the data, the room's address and our template."""
    env = dict(os.environ)
    env[DATA_DIR_VARIABLE] = str(data_dir)
    env[PUBLIC_URL_VARIABLE] = public_url
    extra = env.get("JUPYTER_PATH", "")
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(templates_dir()), extra) if p)
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def gather_pages(pages: PageTable, folder: Path) -> Path:
    """Copy every declared page's workbook into ``folder``, emptied first, so
    Voila serves exactly the table; a declared page with no workbook is refused."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for page in pages.pages:
        workbook = page.workbook()
        if not workbook.is_file():
            where = page.package or "the workbooks folder"
            raise PageError(
                f"The page '{page.name}' is declared but {where} has no such "
                "workbook; add the workbook or remove the declaration."
            )
        (folder / page.name).write_bytes(workbook.read_bytes())
    return folder


def voila_command(
    role: VoilaRole, port: int, data_dir: Path, worker: str = ""
) -> tuple[list[str], Path]:
    """The command line and working directory that start one Voila."""
    run_dir = data_dir / "run" / worker / role.name
    run_dir.mkdir(parents=True, exist_ok=True)
    settings = json.dumps(voila_settings(role, port), indent=2)
    (run_dir / "voila.json").write_text(settings, encoding="utf-8")
    served = gather_pages(page_table(), run_dir / SERVED_FOLDER)
    command = [
        sys.executable,
        "-m",
        "facilitate.server.voila_process",  # Voila, its templates compiled once
        str(served),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        f"--Voila.base_url={role.base_url}",
    ]
    return command, run_dir


def start_voila(
    role: VoilaRole,
    port: int,
    data_dir: Path,
    public_url: str,
    worker: str = "",
    output: int | None = None,
) -> subprocess.Popen[bytes]:
    """Start one Voila; stopping it (SIGTERM) stops its kernels too.

    ``output`` (``subprocess.PIPE``) sends what it and its kernels print to the
    starting process, which passes it on (``stopping.OutputRelay``).
    """
    command, run_dir = voila_command(role, port, data_dir, worker)
    niceness = role.niceness
    process = subprocess.Popen(
        command,
        cwd=run_dir,
        env=voila_environment(data_dir, public_url),
        preexec_fn=start_child(niceness),
        stdout=output,
        stderr=None if output is None else subprocess.STDOUT,
        # Each Voila runs in a session of its own: the terminal's Ctrl-C reaches
        # only ``serve``, which stops the kernels and then the Voilas quietly
        # (``stopping``); and a lowered Voila's session is what Linux weighs
        # against the front door's and the lead's (see ``priority``).
        start_new_session=True,
    )
    if niceness:
        # Called before the front door's event loop runs (``serve_room``).
        asyncio.run(lower_session_priority(process.pid, niceness))
    return process
