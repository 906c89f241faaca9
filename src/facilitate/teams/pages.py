"""The team's page, declared for the server's one page table, and its gate.

The team page belongs to the team, not to a session: it opens with the team's
own key, checked here by the front door before any kernel starts for it.
"""

from __future__ import annotations

from collections.abc import Mapping

from facilitate.core.pages import Page
from facilitate.core.store.base import EventStore
from facilitate.teams.codes import TEAM_NOTEBOOK, check_team_key, find_team


def team_gate(store: EventStore, query: Mapping[str, str]) -> None:
    """A team's own key, given with its code as ``team=T-CODE&key=KEY``."""
    check_team_key(find_team(store, query.get("team", "")), query.get("key"))


PAGES = (Page(f"{TEAM_NOTEBOOK}.ipynb", gate=f"{__name__}:team_gate"),)
