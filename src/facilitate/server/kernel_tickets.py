"""Each kernel's socket opens only for the browser its page was handed to.

A kernel's websocket takes widget messages from whoever connects: with the remote's
kernel id, anyone could press the remote's buttons. Ids are not secrets (they are
in the page, and in every log line about the kernel), so the front door gives
each page it lets through a ticket for that page's kernel only: a random value in
a cookie whose path is that kernel's address (``/lead/api/kernels/<id>``), so the
browser sends it to that kernel and nowhere else. A page is handed out only after
its key (or the display's view token, or for the participant page, nothing) was
checked, so a socket with the ticket is a socket opened by someone who held the
page's credential; without it, the socket is refused before Voila is asked.

Tickets live in the front door's memory: its two Voilas and their kernels stop
with it, so no ticket outlives its kernel's server. HAProxy keeps each browser on
one worker, the one that issued its tickets.
"""

from __future__ import annotations

import hmac
import json
import re
import secrets
from dataclasses import dataclass, field

from facilitate.server.routes import KERNEL_ID

COOKIE = "facilitate-kernel"
#: Tickets kept; the oldest go first (kernels of closed tabs are culled anyway).
MOST_TICKETS = 20_000
_CONFIG = re.compile(
    rb'<script id="jupyter-config-data" type="application/json">(.*?)</script>', re.S
)


@dataclass
class KernelTickets:
    """The ticket issued for each kernel, by (served under ``/lead``, kernel id)."""

    issued: dict[tuple[bool, str], str] = field(default_factory=dict)

    def issue(self, lead: bool, kernel: str) -> str:
        ticket = secrets.token_urlsafe(24)
        self.issued.pop((lead, kernel), None)
        self.issued[(lead, kernel)] = ticket
        while len(self.issued) > MOST_TICKETS:
            del self.issued[next(iter(self.issued))]
        return ticket

    def admits(self, lead: bool, kernel: str, presented: str | None) -> bool:
        """Whether ``presented`` is the ticket issued for this kernel."""
        ticket = self.issued.get((lead, kernel))
        if not ticket or not presented:
            return False
        return hmac.compare_digest(ticket.encode(), presented.encode())


def kernel_of(page: bytes) -> str | None:
    """The id of the kernel a Voila page was rendered with (from its page
    configuration, which comes before any cell's output), or None."""
    found = _CONFIG.search(page)
    if found is None:
        return None
    try:
        kernel = json.loads(found.group(1)).get("kernelId")
    except (ValueError, AttributeError):
        return None
    return kernel if isinstance(kernel, str) and KERNEL_ID.fullmatch(kernel) else None


def cookie_path(lead_prefix: str, kernel: str) -> str:
    """Where the browser sends a kernel's ticket: that kernel's addresses only."""
    return f"{lead_prefix}/api/kernels/{kernel}"
