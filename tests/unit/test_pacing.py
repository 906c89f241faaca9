"""A mass join does not slow the shared screens: the pool refills a kernel at a
time (a waiting person goes first), and participants' pages run below the display."""

from __future__ import annotations

import asyncio
import itertools
import subprocess
import sys

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from facilitate.server.pacing import POOL_KERNEL_VARIABLE, PacedKernelManager
from facilitate.server.voila import (
    ServeOptions,
    lead_role,
    room_role,
    voila_environment,
    voila_settings,
)
from facilitate.ui.priority import PAGE_NICENESS_VARIABLE

POOL = {"env": {POOL_KERNEL_VARIABLE: "True"}}
WAITING = {"env": {POOL_KERNEL_VARIABLE: "False"}}


def test_pool_kernels_start_paced_and_a_waiting_person_jumps_the_queue(monkeypatch):
    started: list[tuple[str, float]] = []

    async def start(self, *_, **kwargs):  # jupyter_server's, which starts a process
        started.append((kwargs["name"], asyncio.get_running_loop().time()))
        return kwargs["name"]

    monkeypatch.setattr(AsyncMappingKernelManager, "start_kernel", start)
    manager = PacedKernelManager(fill_pace=0.3)

    async def refill_while_someone_joins():
        return await asyncio.gather(
            *(manager.start_kernel(name=f"pool-{i}", **POOL) for i in range(3)),
            manager.start_kernel(name="person", **WAITING),
        )

    ids = asyncio.run(refill_while_someone_joins())
    assert ids == ["pool-0", "pool-1", "pool-2", "person"]
    order = [name for name, _ in started]
    assert order == ["pool-0", "person", "pool-1", "pool-2"]
    pool_times = [at for name, at in started if name.startswith("pool")]
    gaps = [b - a for a, b in itertools.pairwise(pool_times)]
    assert min(gaps) >= 0.3 - 0.01


def test_only_the_participant_pool_is_paced():
    room = voila_settings(room_role(ServeOptions()), 9000)["VoilaConfiguration"]
    lead = voila_settings(lead_role(), 9001)["VoilaConfiguration"]
    assert room["multi_kernel_manager_class"].endswith("PacedKernelManager")
    assert "multi_kernel_manager_class" not in lead


def test_participants_pages_run_below_the_shared_screens(tmp_path):
    room = room_role(ServeOptions())
    env = voila_environment(tmp_path, "http://room", room.page_niceness)
    assert int(env[PAGE_NICENESS_VARIABLE]) > room.niceness
    assert PAGE_NICENESS_VARIABLE not in voila_environment(tmp_path, "http://room")
    lowered = subprocess.run(
        [sys.executable, "-c", PRINT_NICENESS_AFTER_GIVING_WAY],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert int(lowered.stdout) == room.page_niceness


PRINT_NICENESS_AFTER_GIVING_WAY = """
import os
from facilitate.ui.priority import give_way_to_shared_screens
give_way_to_shared_screens()
print(os.nice(0))
"""
