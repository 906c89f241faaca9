"""The room's kernels: a refill starts them a moment apart, a waiting person goes
first, and every one of them runs behind the display."""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import subprocess
from importlib.metadata import entry_points

import pytest
from jupyter_client.manager import AsyncKernelManager
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from facilitate.server.priority import lower_session_priority, session_niceness
from facilitate.server.room_kernels import (
    POOL_KERNEL_VARIABLE,
    ROOM_KERNEL_NICENESS,
    RoomKernelManager,
    RoomProvisioner,
)
from facilitate.server.voila import ServeOptions, lead_role, room_role, voila_settings

POOL = {"env": {POOL_KERNEL_VARIABLE: "True"}}
WAITING = {"env": {POOL_KERNEL_VARIABLE: "False"}}
needs_autogroup = pytest.mark.skipif(
    session_niceness(os.getpid()) is None,
    reason="this system does not schedule by session (no /proc/PID/autogroup)",
)


def test_pool_kernels_start_paced_and_a_waiting_person_jumps_the_queue(monkeypatch):
    started: list[tuple[str, float]] = []

    async def start(self, *_, **kwargs):  # jupyter_server's, which starts a process
        started.append((kwargs["name"], asyncio.get_running_loop().time()))
        return kwargs["name"]

    monkeypatch.setattr(AsyncMappingKernelManager, "start_kernel", start)
    manager = RoomKernelManager(fill_pace=0.3)

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
    assert room["multi_kernel_manager_class"].endswith("RoomKernelManager")
    assert "multi_kernel_manager_class" not in lead


@needs_autogroup
def test_a_session_of_its_own_is_lowered_and_ours_is_not():
    other = subprocess.Popen(["sleep", "60"], start_new_session=True)
    try:
        assert asyncio.run(lower_session_priority(other.pid, 17))
        assert session_niceness(other.pid) == 17
        assert session_niceness(os.getpid()) != 17
    finally:
        other.kill()
        other.wait()
    assert not asyncio.run(lower_session_priority(other.pid, 17))  # gone: no error


@needs_autogroup
def test_a_room_kernel_runs_at_the_lowest_priority_and_again_after_a_crash():
    """A real kernel, launched as the room's Voila launches one, killed, restarted."""
    manager = AsyncKernelManager(kernel_name="python3")
    manager.provisioner = RoomProvisioner(
        kernel_id="room-kernel", kernel_spec=manager.kernel_spec, parent=manager
    )

    async def start_crash_restart() -> list[int | None]:
        await manager.start_kernel()
        try:
            first = manager.provisioner.pid
            levels = [session_niceness(first)]
            os.kill(first, signal.SIGKILL)
            await manager.restart_kernel(now=True)
            second = manager.provisioner.pid
            assert second != first
            levels.append(session_niceness(second))
            return levels
        finally:
            await manager.shutdown_kernel(now=True)

    levels = asyncio.run(start_crash_restart())
    assert levels == [ROOM_KERNEL_NICENESS, ROOM_KERNEL_NICENESS]
    assert session_niceness(os.getpid()) != ROOM_KERNEL_NICENESS


def test_the_room_launches_its_kernels_through_our_provisioner():
    """The name in the room's settings is the one our package registers."""
    settings = voila_settings(room_role(ServeOptions()), 9000)
    name = settings["KernelProvisionerFactory"]["default_provisioner_name"]
    registered = entry_points(group="jupyter_client.kernel_provisioners")
    assert registered[name].load() is RoomProvisioner
    assert "KernelProvisionerFactory" not in voila_settings(lead_role(), 9001)


def test_forked_replacements_start_at_the_gentler_refill_pace():
    """The first pool fills fast (nobody is in the room yet); replacements for
    kernels people took come slower, leaving the machine to the live room."""
    manager = RoomKernelManager(forked_fill_pace=0.1, forked_refill_pace=0.3)
    manager.kernel_pools_config = {  # what Voila's manager is configured with
        "default": {"pool_size": 0},
        "participant.ipynb": {"pool_size": 2},
    }
    assert [manager.pace_after(n, forked=True) for n in (1, 2, 3, 4)] == [
        0.1,
        0.1,
        0.3,
        0.3,
    ]
    assert manager.pace_after(3, forked=False) == manager.fill_pace
