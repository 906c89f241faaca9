"""Participants' kernels give way to the shared screens when the machine is full.

When a hundred phones join at once, their hundred kernels all open their pages
in the same few seconds. At equal priority the projected display's one kernel
got a hundredth of the machine and fell six seconds behind the remote. The room's
Voila therefore asks its kernels (``PAGE_NICENESS_VARIABLE``) to run their pages
at a lower priority: with cores to spare it changes nothing; when they are
scarce, the display, the remote and the database go first.
"""

from __future__ import annotations

import os

PAGE_NICENESS_VARIABLE = "FACILITATE_PAGE_NICENESS"


def give_way_to_shared_screens() -> None:
    """Lower this process's priority to the niceness the server set, if any."""
    wanted = os.environ.get(PAGE_NICENESS_VARIABLE, "")
    if not wanted.isdigit():
        return
    current = os.nice(0)
    if int(wanted) > current:
        os.nice(int(wanted) - current)
