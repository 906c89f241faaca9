"""Under load the room goes last: the phones' kernels and the room's Voila run in
low-priority sessions, the facilitator's pages at normal priority."""

from __future__ import annotations

import os
import time

import pytest

from facilitate.server.priority import session_niceness
from facilitate.server.room_kernels import ROOM_KERNEL_NICENESS
from facilitate.server.voila import ROOM_NICENESS
from tests.live_server import kernel_pids, voila_pid

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        session_niceness(os.getpid()) is None,
        reason="this system does not schedule by session (no /proc/PID/autogroup)",
    ),
]


def kernel_sessions(voila: int, want: int, seconds: float = 120) -> set[int]:
    """The nice values of the sessions of ``voila``'s kernels, once there are
    kernels and all of them have ``want`` (a kernel just launched is lowered a
    moment later), or as they are when ``seconds`` run out."""
    deadline = time.monotonic() + seconds
    while True:
        kernels = kernel_pids(voila)
        values = {session_niceness(pid) for pid in kernels} - {None}
        if (kernels and values == {want}) or time.monotonic() > deadline:
            return {value for value in values if value is not None}
        time.sleep(0.2)


def test_the_room_runs_behind_the_facilitators_pages(server):
    serve = server.process.pid
    room, lead = voila_pid(serve, "/"), voila_pid(serve, "/lead/")
    ours = session_niceness(serve)
    assert ours == 0
    assert session_niceness(room) == ROOM_NICENESS
    assert session_niceness(lead) == ours, "the lead's Voila shares serve's session"
    assert os.getpriority(os.PRIO_PROCESS, room) == ROOM_NICENESS
    assert kernel_sessions(room, ROOM_KERNEL_NICENESS) == {ROOM_KERNEL_NICENESS}
    # The display and the remote keep a warm kernel each, at serve's priority.
    assert kernel_sessions(lead, ours) == {ours}
