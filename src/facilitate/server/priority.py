"""Making a process's whole session yield to the projected display.

Jupyter starts every kernel in a session of its own, and Linux's autogroup
scheduling (on by default in most distributions) then shares the processor
between *sessions* first: a hundred busy participant kernels held a hundred
equal shares against the display's one, whatever their processes' nice values.
While all the phones built their next activity at once, half a second of work
for the display took five to ten. Setting the session's own nice value (its
``/proc/PID/autogroup`` file) brings their weight down with it, which per-process
niceness cannot.

Where there is no such file (another system, or autogroup built out) or the
process has already gone, nothing changes: it runs as before.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

#: Linux lets an unprivileged process change any session's nice value once
#: every tenth of a second; a busier caller is told to try again (EAGAIN).
RETRY_SECONDS = 0.1
#: Enough turns for a hundred kernels started in the same instant.
ATTEMPTS = 300


def session_file(pid: int) -> Path:
    return Path(f"/proc/{pid}/autogroup")


def session_niceness(pid: int) -> int | None:
    """The nice value of the session ``pid`` is in, or None where it cannot be read."""
    try:
        text = session_file(pid).read_text(encoding="ascii")
    except OSError:
        return None
    _, _, value = text.strip().rpartition(" ")
    return int(value) if value.lstrip("-").isdigit() else None


def _set_niceness(pid: int, niceness: int) -> bool | None:
    """True if it took, False if it cannot, None if Linux asks to try again."""
    try:
        session_file(pid).write_text(str(niceness), encoding="ascii")
    except BlockingIOError:  # another session changed less than 0.1 s ago
        return None
    except OSError:  # no autogroup here, the process has gone, or not allowed
        return False
    return True


async def lower_session_priority(pid: int, niceness: int) -> bool:
    """Give the session of process ``pid`` this nice value; True if it took."""
    for _ in range(ATTEMPTS):
        done = _set_niceness(pid, niceness)
        if done is not None:
            return done
        await asyncio.sleep(RETRY_SECONDS)
    return False
