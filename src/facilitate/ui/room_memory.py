"""How many more people the room's memory can take: one kernel each.

Every person who opens the participant page holds a kernel for as long as the
page is open. A pool that kept refilling after the room had joined would start
kernels the machine has no memory for (250 joined people and a full pool of 250
more needed about 20 GB). So the room's pool starts a kernel only while the
machine's available memory stays above a reserve (``can_start_kernel``), and
the facilitator's remote says how many more people can join right now.
"""

from __future__ import annotations

from pathlib import Path

#: What one participant kernel adds: an idle one forked from the room's
#: template is about 22 MB (PSS, bench/forked_kernels.py), and grows as its
#: page builds each activity; one launched on its own (no fork) is about 48 MB,
#: which the reserve below absorbs on the machines that launch that way.
KERNEL_MB = 40
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


def kernels_affordable(available_mb: float, total_mb: float) -> int:
    """Kernels that fit above the reserve."""
    reserve = max(RESERVE_MIN_MB, RESERVE_FRACTION * total_mb)
    return max(int((available_mb - reserve) // KERNEL_MB), 0)


def can_start_kernel(meminfo: Path = MEMINFO) -> bool:
    """True while one more kernel fits (always, where memory cannot be read)."""
    memory = memory_mb(meminfo)
    return memory is None or kernels_affordable(*memory) >= 1


def joinable_sentence(meminfo: Path = MEMINFO) -> str:
    """One sentence for the facilitator: how many more people can join now."""
    memory = memory_mb(meminfo)
    if memory is None:
        return ""
    more = kernels_affordable(*memory)
    if more == 0:
        return (
            "This computer's memory is full: nobody else can join until someone leaves."
        )
    people = "person" if more == 1 else "people"
    return f"About {more} more {people} can join right now (this computer's memory)."
