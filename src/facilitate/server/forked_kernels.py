"""The room's side of the kernel template: start it once, ask it for kernels.

``kernel_template`` runs in its own process; this module starts it the first
time the room's Voila needs a kernel, and asks it to fork one for each launch
after that. A forked kernel is not a child of Voila, so ``ForkedProcess``
stands in for the ``subprocess.Popen`` that Jupyter's ``LocalProvisioner``
keeps: it polls, signals and kills by process id, and everything the
provisioner does (interrupt, restart, shut down, cull) works unchanged.

Where the template cannot run (no ``fork``, as on Windows; an import that
started a thread; a template that died twice), ``fork_kernel`` returns None
and the room launches each kernel as Jupyter does.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from facilitate.server.children import stop_with_parent
from facilitate.server.kernel_template import TITLE_ROOM, forkable

log = logging.getLogger(__name__)

#: A template imports pandas, plotly and our pages: seconds on a busy laptop.
TEMPLATE_START_SECONDS = 120.0
#: How often a forked kernel's ``wait`` looks again.
WAIT_STEP_SECONDS = 0.05
#: Libraries that would start thread pools on import, which ``fork`` cannot copy.
SINGLE_THREADED = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
#: Templates started (the first, and one more if it died) before giving up.
TEMPLATE_STARTS = 2


class ForkedProcess:
    """What ``LocalProvisioner`` needs of ``Popen``, for a process not our child.

    The exit status of a forked kernel is not ours to collect (Linux reaps it
    for the template), so a kernel that has gone reports 0.
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None and not running(self.pid):
            self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while (code := self.poll()) is None:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"kernel {self.pid} is still running")
            time.sleep(WAIT_STEP_SECONDS)
        return code

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


def running(pid: int) -> bool:
    """True while process ``pid`` exists and has not exited."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return True  # no /proc here: the signal said it exists
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


class KernelTemplate:
    """One template process and the socket it listens on."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="facilitate-kernels-"))
        self.socket = self.folder / "template.sock"
        self.process: asyncio.subprocess.Process | None = None

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.returncode is None

    async def start(self) -> bool:
        """Start the template; True once it listens."""
        self.socket.unlink(missing_ok=True)
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "facilitate.server.kernel_template",
            str(self.socket),
            " " * TITLE_ROOM,
            stdin=asyncio.subprocess.DEVNULL,
            env={**os.environ, **SINGLE_THREADED},
            stdout=asyncio.subprocess.PIPE,
            preexec_fn=stop_with_parent,
        )
        assert self.process.stdout is not None
        try:
            line = await asyncio.wait_for(
                self.process.stdout.readline(), TEMPLATE_START_SECONDS
            )
        except asyncio.TimeoutError:
            line = b"no answer"
        said = line.decode(errors="replace").strip()
        if said != "ready":
            log.warning("kernels start the usual way: the template said %r", said)
            if self.process.returncode is None:
                self.process.kill()
            return False
        return True

    async def fork(self, argv: list[str], env: dict[str, str], cwd: str) -> int:
        """The process id of a new kernel forked with this command line (0 if
        the template refused it)."""
        reader, writer = await asyncio.open_unix_connection(str(self.socket))
        try:
            request = {"argv": argv, "env": env, "cwd": cwd}
            writer.write(json.dumps(request).encode() + b"\n")
            await writer.drain()
            answer = json.loads(await reader.readline())
        finally:
            writer.close()
        return int(answer["pid"])


_template: KernelTemplate | None = None
_starts = 0
_turn: asyncio.Lock | None = None


async def _ready_template() -> KernelTemplate | None:
    """The running template, started on first use (and once more if it died)."""
    global _template, _starts, _turn
    if _turn is None:
        _turn = asyncio.Lock()
    async with _turn:
        if _template is not None and _template.alive:
            return _template
        if _starts >= TEMPLATE_STARTS or not hasattr(os, "fork"):
            return None
        _starts += 1
        _template = KernelTemplate()
        if await _template.start():
            return _template
        _starts = TEMPLATE_STARTS  # it cannot run here: stop trying
        return None


def forking() -> bool:
    """True while this process forks its kernels from a running template."""
    return _template is not None and _template.alive


async def fork_kernel(cmd: list[str], kwargs: dict[str, Any]) -> ForkedProcess | None:
    """A kernel forked from the room's template, or None to launch it as usual."""
    if not forkable(cmd):
        return None
    template = await _ready_template()
    if template is None:
        return None
    env = dict(kwargs.get("env") or os.environ)
    cwd = str(kwargs.get("cwd") or os.getcwd())
    try:
        pid = await template.fork(cmd, env, cwd)
    except (OSError, ValueError, KeyError) as error:
        log.warning("the kernel template did not answer (%s)", error)
        return None
    return ForkedProcess(pid) if pid else None
