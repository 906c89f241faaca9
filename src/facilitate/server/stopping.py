"""How a room stops: Ctrl-C and SIGTERM are requests, read where it is safe.

A person may press Ctrl-C at any moment, while Voila starts or while its pool
fills. Python's default turns that into a ``KeyboardInterrupt`` wherever the
program happens to be, which printed a 40-line traceback. Instead both signals
only append to a list that the start-up and serving loops look at between steps,
so the room always stops through the same quiet path.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from pathlib import Path

#: Seconds each process is given to stop politely before it is killed.
STOP_SECONDS = 20


def stop_requests() -> list[int]:
    """A list Ctrl-C and SIGTERM append to: a plain list, because taking a lock
    (``threading.Event``) inside a signal handler can deadlock."""
    stopped: list[int] = []
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda signum, _: stopped.append(signum))
    return stopped


def child_pids(parent: int) -> list[int]:
    """Processes whose parent is ``parent`` (Linux's ``/proc``; elsewhere none)."""
    found: list[int] = []
    for listing in Path(f"/proc/{parent}/task").glob("*/children"):
        with contextlib.suppress(OSError, ValueError):
            found += [int(pid) for pid in listing.read_text("ascii").split()]
    return found


def stop_kernels_of(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the kernels a Voila started, before the Voila itself.

    Stopping Voila first let it interrupt kernels that were still starting for
    its pool, and each printed a ``KeyboardInterrupt`` traceback; a kernel sent
    SIGTERM simply ends.
    """
    for pid in child_pids(process.pid):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGTERM)


def stop(
    processes: list[subprocess.Popen[bytes]], seconds: float = STOP_SECONDS
) -> None:
    """Stop every Voila (and with it every kernel), politely, then firmly."""
    running = [process for process in processes if process.poll() is None]
    for process in running:
        stop_kernels_of(process)
    for process in running:
        process.terminate()
    for process in running:
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            process.kill()
