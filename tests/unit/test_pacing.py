"""A pool refill starts its kernels a moment apart; a waiting person goes first."""

from __future__ import annotations

import asyncio
import itertools

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from facilitate.server.pacing import POOL_KERNEL_VARIABLE, PacedKernelManager
from facilitate.server.voila import ServeOptions, lead_role, room_role, voila_settings

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
