"""Which credential each page needs, checked before any kernel is started for it.

A page load costs a kernel (a few seconds of CPU and some 50 MB), so a keyless
visitor must be refused at the front door, not by the page once it runs. Voila
can refuse in a ``prelaunch_hook``, but Voila 0.5 will not combine that hook with
preheated kernels, which joins and first opens depend on; so the front proxy asks
here first. The pages check again themselves: this is the door, not the lock.

Participant pages are open to anyone with the link. The projected display needs
its view-only token; every other page needs the session's facilitator key, so a
page nobody registered is refused by default.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from facilitate.core.errors import AccessRefused, DisplayRefused, FacilitateError
from facilitate.core.sessions import check_display_token, check_key, find_session
from facilitate.core.store.base import EventStore

Gate = Callable[[EventStore, Mapping[str, str]], None]

OPEN_PAGES = frozenset({"participant.ipynb"})


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


def compare_gate(store: EventStore, query: Mapping[str, str]) -> None:
    """Every room's own facilitator key, given as ``rooms=CODE:KEY,CODE:KEY``."""
    pairs = [part.partition(":") for part in query.get("rooms", "").split(",")]
    if not any(code for code, _, _ in pairs):
        raise AccessRefused()
    for code, _, key in pairs:
        check_key(find_session(store, code), key)


def colleague_gate(store: EventStore, query: Mapping[str, str]) -> None:
    """A colleague's one-time feedback link, unused so far."""
    from facilitate.evidence.colleague import INVITE_PARAMETER, open_link

    open_link(store, query.get("code", ""), query.get(INVITE_PARAMETER, ""))


def team_gate(store: EventStore, query: Mapping[str, str]) -> None:
    """A team's own key: the team page belongs to the team, not to a session."""
    from facilitate.teams.codes import check_team_key, find_team

    check_team_key(find_team(store, query.get("team", "")), query.get("key"))


#: Pages whose credential is not the facilitator key.
PAGE_GATES: dict[str, Gate] = {
    "display.ipynb": display_gate,
    "compare.ipynb": compare_gate,
    "colleague.ipynb": colleague_gate,
    "team.ipynb": team_gate,
}


def refusal(store: EventStore, notebook: str, query: Mapping[str, str]) -> str | None:
    """Why ``notebook`` may not open with ``query`` (one sentence), or None."""
    if notebook in OPEN_PAGES:
        return None
    gate = PAGE_GATES.get(notebook, facilitator_gate)
    try:
        gate(store, query)
    except FacilitateError as error:
        return str(error)
    return None
