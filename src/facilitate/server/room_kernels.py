"""The room's kernels: started a moment apart, and running behind the display.

When a hundred people join at once they take a hundred warm kernels, and Voila
starts every replacement at the same moment: for half a minute both cores ran
kernel start-ups, and the projected display and the answers waited behind them,
just as the facilitator began the first activity.

``RoomKernelManager`` spaces the starts of pool kernels ``fill_pace`` seconds
apart (``forked_fill_pace`` while they are forked from the room's template,
which costs far less, and the gentler ``forked_refill_pace`` for replacements
once the first pool is warm and the room is live): a refill then leaves most
of the machine to the display and the people answering. A kernel someone is
waiting for (a page opened when the pool was empty) starts at once, ahead of
the queue. A pool kernel starts only while the machine's memory can take it
(``ui.room_memory``): once the room has joined, the pool does not refill past
what the laptop holds.

``RoomProvisioner`` forks each kernel from the room's template, a process that
imported everything a participant kernel needs once (``kernel_template``), so
the kernels share those modules' memory and start in a fraction of the time.
Where it cannot (no ``fork``, as on Windows), it launches each kernel as Jupyter
does. Either way it then runs the kernel's session at
``session_niceness`` (see ``priority``), on every start and every restart after a
crash: when all the phones build their next activity at the same moment, the
display's and the remote's kernels, the servers and a projector's browser on the
same machine go first, and the phones share what is left, which is most of it.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import zmq
from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning.local_provisioner import LocalProvisioner
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Bool, Float, Int

from facilitate.server.forked_kernels import fork_kernel, forking
from facilitate.server.kernel_template import NO_HISTORY, forkable
from facilitate.server.priority import lower_session_priority
from facilitate.ui.room_memory import can_start_kernel

#: The variable Voila sets to "True" in a kernel started for its pool.
POOL_KERNEL_VARIABLE = "VOILA_PREHEAT"
#: Seconds between two pool kernels' starts; one start costs about this much
#: CPU on a laptop-class core.
FILL_PACE_SECONDS = 1.0
#: The same for a kernel forked from the room's template, which has paid the
#: imports, read the configuration and built the shell: a kernel, its page and
#: Voila's part in it cost about 0.16 CPU-seconds, so two cores keep up with
#: this pace: 250 kernels are warm in 26-27 s, 28-31 s while the display is
#: stepped through phases (0.06 s was no faster; 0.1 s took 30-33 s).
FORKED_FILL_PACE_SECONDS = 0.08
#: Forked replacements for kernels people took, once the first pool is warm:
#: the room is live then, and a refill at the first fill's pace kept both cores
#: busy, so the display showed answers 0.7-1 s late as it ended (0.07 s once
#: quiet). 250 replacements take about 75 s at this pace.
FORKED_REFILL_PACE_SECONDS = 0.3
#: Room for 250 people, a pool of 250 and their restarts (about four sockets each).
ROOM_MAX_SOCKETS = 8192
#: While memory is short, how often the pool looks again (a culled or closed
#: page's kernel gives its memory back).
MEMORY_CHECK_SECONDS = 2.0
#: The lowest priority: measured with a hundred busy kernels on two cores, 0.2 s
#: of the display's work took 0.3 s at 19, 0.5 s at 15, 1.2 s at 10 and 10 s at 0.
ROOM_KERNEL_NICENESS = 19


class RoomKernelManager(AsyncMappingKernelManager):  # type: ignore[misc]
    """Starts pool kernels ``fill_pace`` seconds apart, others at once."""

    fill_pace = Float(
        FILL_PACE_SECONDS,
        config=True,
        help="Seconds between the starts of two kernels for the pool.",
    )

    forked_fill_pace = Float(
        FORKED_FILL_PACE_SECONDS,
        config=True,
        help="Seconds between pool starts while kernels are forked from a template.",
    )

    forked_refill_pace = Float(
        FORKED_REFILL_PACE_SECONDS,
        config=True,
        help="Seconds between forked pool starts once the first pool is warm.",
    )

    _turn: asyncio.Lock | None = None
    _next_start = 0.0
    _pool_starts = 0

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)  # type: ignore[no-untyped-call]
        # Each kernel holds several of the room's sockets to it, and ZeroMQ's
        # default of 1023 ran out at about 500 kernels (a room of 250 and its
        # pool): later pages got "Too many open files" and never went live.
        self.context.set(zmq.MAX_SOCKETS, ROOM_MAX_SOCKETS)

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        env = kwargs.get("env") or {}
        if env.get(POOL_KERNEL_VARIABLE) == "True" and self.fill_pace > 0:
            await self._wait_for_turn()
        kernel_id: str = await super().start_kernel(*args, **kwargs)
        return kernel_id

    async def _wait_for_turn(self) -> None:
        """Return when ``fill_pace`` seconds have passed since the last pool start."""
        if self._turn is None:
            self._turn = asyncio.Lock()
        loop = asyncio.get_running_loop()
        async with self._turn:
            wait = self._next_start - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            forked = forking()
            while not can_start_kernel(forked):  # the room is full: wait for leavers
                await asyncio.sleep(MEMORY_CHECK_SECONDS)
            self._pool_starts += 1
            pace = self.pace_after(self._pool_starts, forked)
            self._next_start = loop.time() + pace

    def pace_after(self, starts: int, forked: bool) -> float:
        """Seconds between pool start number ``starts`` and the next one."""
        if not forked:
            return float(self.fill_pace)
        first_fill = starts <= self._first_pool()
        return float(self.forked_fill_pace if first_fill else self.forked_refill_pace)

    def _first_pool(self) -> int:
        """Kernels in the pools Voila keeps (its ``kernel_pools_config``)."""
        pools = getattr(self, "kernel_pools_config", {}) or {}
        return sum(
            int(pool.get("pool_size", 0))
            for name, pool in pools.items()
            if name != "default"
        )


class RoomProvisioner(LocalProvisioner):  # type: ignore[misc]
    """A kernel on this machine, forked from the room's template where it can be,
    whose session runs at ``session_niceness``."""

    fork_from_template = Bool(
        True,
        config=True,
        help="Fork kernels from a template that has done their imports.",
    )

    session_niceness = Int(
        ROOM_KERNEL_NICENESS,
        config=True,
        help="Nice value of each kernel's session (0 leaves it as launched).",
    )

    async def launch_kernel(
        self, cmd: list[str], **kwargs: Any
    ) -> KernelConnectionInfo:
        """Fork (or launch as Jupyter does), then lower the new kernel's session."""
        cmd = room_kernel_command(cmd)
        forked = await fork_kernel(cmd, kwargs) if self.fork_from_template else None
        if forked is None:
            info: KernelConnectionInfo = await super().launch_kernel(cmd, **kwargs)
        else:
            self.process = forked  # type: ignore[assignment]  # Popen stand-in
            self.pid = self.pgid = forked.pid
            self.cwd = kwargs.get("cwd") or os.getcwd()
            info = self.connection_info
        if isinstance(self.pid, int) and self.session_niceness:
            await lower_session_priority(self.pid, self.session_niceness)
        return info


def room_kernel_command(cmd: list[str]) -> list[str]:
    """The command line of a room kernel: Jupyter's, keeping no history."""
    if forkable(cmd) and NO_HISTORY not in cmd:
        return [*cmd, NO_HISTORY]
    return cmd
