"""How a room stops: Ctrl-C and SIGTERM are requests, read where it is safe.

A person may press Ctrl-C at any moment, while Voila starts or while its pool
fills. Python's default turns that into a ``KeyboardInterrupt`` wherever the
program happens to be, which printed a 40-line traceback. Instead both signals
only append to a list that the start-up and serving loops look at between steps,
so the room always stops through the same quiet path: the kernels first, then
the Voilas, whose last words are not passed on (``OutputRelay``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

#: Seconds each process is given to stop politely before it is killed.
STOP_SECONDS = 20
#: A Voila whose kernels are already stopped has nothing left worth waiting
#: for: shutting down a pool still filling took it 12 to 30 s on a busy laptop.
VOILA_STOP_SECONDS = 5


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


def descendant_pids(ancestor: int) -> list[int]:
    """Every process below ``ancestor``: its children, theirs, and so on."""
    found: list[int] = []
    parents = [ancestor]
    while parents:
        children = [pid for parent in parents for pid in child_pids(parent)]
        found += children
        parents = children
    return found


def stop_kernels_of(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the kernels a Voila started (and whatever they started), before
    the Voila itself.

    Stopping Voila first let it interrupt kernels that were still starting for
    its pool, and each printed a ``KeyboardInterrupt`` traceback; a kernel sent
    SIGTERM simply ends.
    """
    for pid in descendant_pids(process.pid):
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
    deadline = time.monotonic() + seconds  # one wait for all, not one each
    for process in running:
        try:
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


#: The loggers that report requests cut off when the front door's loop closes.
_SHUTDOWN_LOGGERS = ("tornado.application", "tornado.general", "asyncio")


def quiet_loop_shutdown() -> None:
    """Say nothing of requests cancelled because the room is stopping.

    When the front door's loop closes, a request still on its way to a Voila
    (the scripts being compressed ahead of the first page, say) is cancelled,
    and tornado reports each one with a traceback. Like the Voilas' last words,
    nothing there helps the person who pressed Ctrl-C.
    """
    for name in _SHUTDOWN_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


class OutputRelay:
    """Passes what the Voilas and their kernels print on to the terminal, until
    the room stops.

    Once stopping begins, nothing they say helps the person who pressed Ctrl-C:
    Voila, shutting down a pool that is still filling, printed a traceback for a
    kernel it had not finished starting. So from then on their output is read
    and dropped, and the terminal's last lines stay ours.
    """

    def __init__(self) -> None:
        self.passing = True

    def follow(self, process: subprocess.Popen[bytes]) -> None:
        if process.stdout is not None:
            threading.Thread(
                target=self._relay, args=(process.stdout,), daemon=True
            ).start()

    def quiet(self) -> None:
        self.passing = False

    def _relay(self, source: IO[bytes]) -> None:
        for line in iter(source.readline, b""):
            if self.passing:
                sys.stderr.buffer.write(line)
                sys.stderr.flush()
