"""Which credential each page needs, checked before any kernel is started for it.

A page load costs a kernel (a few seconds of CPU and some 50 MB), so a keyless
visitor must be refused at the front door, not by the page once it runs. Voila
can refuse in a ``prelaunch_hook``, but Voila 0.5 will not combine that hook with
preheated kernels, which joins and first opens depend on; so the front proxy asks
here first. The pages check again themselves: this is the door, not the lock.

Each page's credential comes from its declaration in the one page table
(``core.pages``): open to anyone with the link, the projector's view-only
token, the facilitator key, or a gate of its own, declared by the package whose
credential it checks (a team's key, a colleague's link, every compared room's
key). A page nobody declared needs the facilitator key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from facilitate.core.agenda import Lazy
from facilitate.core.errors import AccessRefused, DisplayRefused, FacilitateError
from facilitate.core.page_table import PageTable, page_table
from facilitate.core.pages import DISPLAY, FACILITATOR, Page
from facilitate.core.sessions import check_display_token, check_key, find_session
from facilitate.core.store.base import EventStore

Gate = Callable[[EventStore, Mapping[str, str]], None]


def facilitator_gate(store: EventStore, query: Mapping[str, str]) -> None:
    """The session's facilitator key, as the remote and the leader pages need."""
    if not query.get("key"):
        raise AccessRefused()
    session = find_session(store, query.get("code", ""))
    check_key(session, query.get("key"))


def display_gate(store: EventStore, query: Mapping[str, str]) -> None:
    """The projector's view-only token: it opens the display and nothing else."""
    if not query.get("view"):
        raise DisplayRefused()
    session = find_session(store, query.get("code", ""))
    check_display_token(store, session, query.get("view"))


#: The credentials the core knows; a page's own gate is loaded from its package.
ACCESS_GATES: dict[str, Gate] = {DISPLAY: display_gate, FACILITATOR: facilitator_gate}


def gate_of(page: Page | None) -> Gate | None:
    """The check ``page`` needs (None for an open page); undeclared pages need
    the facilitator key."""
    if page is None:
        return facilitator_gate
    if page.gate:
        gate: Gate = Lazy(page.gate).load()
        return gate
    return ACCESS_GATES.get(page.access)


def refusal(
    store: EventStore,
    notebook: str,
    query: Mapping[str, str],
    pages: PageTable | None = None,
) -> str | None:
    """Why ``notebook`` may not open with ``query`` (one sentence), or None."""
    gate = gate_of((pages or page_table()).find(notebook))
    if gate is None:
        return None
    try:
        gate(store, query)
    except FacilitateError as error:
        return str(error)
    return None
