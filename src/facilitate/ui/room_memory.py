"""How many more people the room's memory can take: one kernel each.

Every person who opens the participant page holds a kernel for as long as the
page is open. A pool that kept refilling after the room had joined would start
kernels the machine has no memory for (250 joined people and a full pool of 250
more needed about 20 GB). So the room's pool starts a kernel only while the
machine's available memory stays above a reserve (``can_start_kernel``), and
the facilitator's remote says how many more people can join right now.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

#: What one participant kernel holds by the end of a session, rounded up: it is
#: smallest while it waits in the pool and grows as its page builds each
#: activity. PSS after the last phase (bench/kernel_growth.py): 26.1 MB forked
#: from the room's template, 51.9 MB launched on its own.
FORKED_KERNEL_MB = 30
STARTED_KERNEL_MB = 55
#: Set to ``start`` to launch each participant kernel as a fresh process, as
#: Jupyter does, instead of forking it from the room's template (to compare the
#: two, or where forking misbehaves).
KERNEL_LAUNCH_VARIABLE = "FACILITATE_KERNEL_LAUNCH"
#: Memory left for everything else (the servers, the projector's browser, the
#: rest of the laptop): a tenth of the machine, and never under 1 GB.
RESERVE_FRACTION = 0.1
RESERVE_MIN_MB = 1024
MEMINFO = Path("/proc/meminfo")


def memory_mb(meminfo: Path = MEMINFO) -> tuple[float, float] | None:
    """(available, total) in MB, or None where the system does not say."""
    try:
        rows = dict(line.split(":", 1) for line in meminfo.read_text().splitlines())
        available = int(rows["MemAvailable"].split()[0]) / 1024
        total = int(rows["MemTotal"].split()[0]) / 1024
    except (OSError, KeyError, ValueError):
        return None
    return available, total


def kernels_forked(environ: Mapping[str, str] | None = None) -> bool:
    """True where the room forks its kernels from a template (the default,
    wherever the system can fork)."""
    environ = os.environ if environ is None else environ
    return hasattr(os, "fork") and environ.get(KERNEL_LAUNCH_VARIABLE) != "start"


def kernel_mb(forked: bool) -> int:
    return FORKED_KERNEL_MB if forked else STARTED_KERNEL_MB


def kernels_affordable(available_mb: float, total_mb: float, forked: bool) -> int:
    """Kernels that fit above the reserve."""
    reserve = max(RESERVE_MIN_MB, RESERVE_FRACTION * total_mb)
    return max(int((available_mb - reserve) // kernel_mb(forked)), 0)


def can_start_kernel(forked: bool, meminfo: Path = MEMINFO) -> bool:
    """True while one more kernel fits (always, where memory cannot be read)."""
    memory = memory_mb(meminfo)
    return memory is None or kernels_affordable(*memory, forked) >= 1


def joinable_sentence(meminfo: Path = MEMINFO, forked: bool | None = None) -> str:
    """One sentence for the facilitator: how many more people can join now
    (``forked``: how the room launches kernels, read from the environment
    where not given)."""
    memory = memory_mb(meminfo)
    if memory is None:
        return ""
    forked = kernels_forked() if forked is None else forked
    more = kernels_affordable(*memory, forked)
    if more == 0:
        return (
            "This computer's memory is full: nobody else can join until someone leaves."
        )
    people = "person" if more == 1 else "people"
    return f"About {more} more {people} can join right now (this computer's memory)."
