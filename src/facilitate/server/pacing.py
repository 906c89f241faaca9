"""Refilling the participant pool a kernel at a time, so the room keeps its speed.

When a hundred people join at once they take a hundred warm kernels, and Voila
starts every replacement at the same moment: for half a minute both cores ran
kernel start-ups, and the projected display and the answers waited behind them,
just as the facilitator began the first activity. Lowering the pool's priority
did not help, since a hundred low-priority processes still outweigh one display.

This kernel manager spaces the starts of pool kernels ``fill_pace`` seconds
apart: a refill then uses about one core, and the other stays free for the
display and the people answering. A kernel someone is waiting for (a page opened
when the pool was empty) starts at once, ahead of the queue.
"""

from __future__ import annotations

import asyncio
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float

#: The variable Voila sets to "True" in a kernel started for its pool.
POOL_KERNEL_VARIABLE = "VOILA_PREHEAT"
#: Seconds between two pool kernels' starts; one start costs about this much
#: CPU on a laptop-class core.
FILL_PACE_SECONDS = 1.0


class PacedKernelManager(AsyncMappingKernelManager):  # type: ignore[misc]
    """Starts pool kernels ``fill_pace`` seconds apart; others immediately."""

    fill_pace = Float(
        FILL_PACE_SECONDS,
        config=True,
        help="Seconds between the starts of two kernels for the pool.",
    )

    _turn: asyncio.Lock | None = None
    _next_start = 0.0

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
            self._next_start = loop.time() + self.fill_pace
