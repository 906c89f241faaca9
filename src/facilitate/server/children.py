"""How our servers' own processes start: each ends when the one that started it ends.

A worker, HAProxy and a room's Voila run in sessions of their own (so Ctrl-C and
a lowered priority reach each one alone), which also means no signal to the
starting process's group reaches them. Linux can send them SIGTERM when their
parent ends instead, even if it was killed: nothing outlives its room.
"""

from __future__ import annotations

import ctypes
import os
import signal
from collections.abc import Callable

PR_SET_PDEATHSIG = 1


def stop_with_parent() -> None:
    """Ask Linux to send SIGTERM here when the parent process ends (best effort)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        return


def start_child(niceness: int = 0) -> Callable[[], None]:
    """What a child runs before its program: stop with its parent, run lower."""

    def setup() -> None:
        stop_with_parent()
        if niceness:
            os.nice(niceness)

    return setup
