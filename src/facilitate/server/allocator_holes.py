"""Fill the small-object allocator's free slots in the kernel template.

CPython gives out objects of up to 512 bytes from 16 KB pools, one size class
per pool. After the template's imports, hundreds of its pools are partly
free, and the allocator fills those slots first. A kernel forked from the
template would put its first new objects there, a few in each pool, and each
write copies a page of the template: 0.6 MB more for every kernel. Filling the
slots in the template, with objects kept for its whole life, sends each
kernel's new objects to pools of its own.

How many slots each size class has free is read from CPython's own allocator
report (``sys._debugmallocstats``); where there is none (another Python, or a
report in another form), nothing is filled and kernels are as before.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable

#: Bytes of a ``bytes`` object beyond its contents (header and final zero):
#: a ``bytes`` of ``size - BYTES_OVERHEAD`` takes exactly one slot of ``size``.
BYTES_OVERHEAD = sys.getsizeof(b"")
#: The objects that fill the slots, kept as long as the template lives.
_kept: list[object] = []


def free_slots() -> dict[int, int]:
    """Free slots in partly used pools, by slot size in bytes ({} if unknown)."""
    report = allocator_report()
    slots: dict[int, int] = {}
    for line in report.splitlines():
        fields = line.split()
        # "class  size  num pools  blocks in use  avail blocks"
        if len(fields) == 5 and all(field.isdigit() for field in fields):
            slots[int(fields[1])] = int(fields[4])
    return slots


def allocator_report() -> str:
    """What ``sys._debugmallocstats`` writes to the C-level standard error."""
    report = getattr(sys, "_debugmallocstats", None)
    if report is None:
        return ""
    sys.stderr.flush()
    with tempfile.TemporaryFile() as captured:
        saved = os.dup(2)
        os.dup2(captured.fileno(), 2)
        try:
            report()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        captured.seek(0)
        return captured.read().decode("ascii", "replace")


def maker_for(size: int) -> Callable[[int], object] | None:
    """A way to make a new object of exactly one ``size``-byte slot, if known."""
    if size == sys.getsizeof(object()):
        return lambda _: object()
    if (size - 16) < sys.getsizeof(0.5) <= size:
        return float
    if size - BYTES_OVERHEAD >= 2:
        length = size - BYTES_OVERHEAD
        return lambda _: b"x" * length  # a new object for any length over one
    return None


def fill_free_slots() -> int:
    """Fill every free slot the allocator reports; return how many were filled."""
    filled = 0
    for size, free in free_slots().items():
        make = maker_for(size)
        if make is not None and free:
            _kept.extend(make(number) for number in range(free))
            filled += free
    return filled
