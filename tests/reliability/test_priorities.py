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


def pool_kernels(room: int, seconds: float = 120) -> list[int]:
    """The room's warm kernels, once at least one is running."""
    deadline = time.monotonic() + seconds
    while not (kernels := kernel_pids(room)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert kernels, "the room's pool never started a kernel"
    return kernels


def test_the_room_runs_behind_the_facilitators_pages(server):
    serve = server.process.pid
    room, lead = voila_pid(serve, "/"), voila_pid(serve, "/lead/")
    ours = session_niceness(serve)
    assert ours == 0
    assert session_niceness(room) == ROOM_NICENESS
    assert session_niceness(lead) == ours, "the lead's Voila shares serve's session"
    assert os.getpriority(os.PRIO_PROCESS, room) == ROOM_NICENESS
    kernels = pool_kernels(room)
    assert {session_niceness(pid) for pid in kernels} == {ROOM_KERNEL_NICENESS}
    lead_kernels = kernel_pids(lead)
    assert lead_kernels, "the display and the remote keep a warm kernel each"
    assert {session_niceness(pid) for pid in lead_kernels} == {0}
