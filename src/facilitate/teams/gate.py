"""The team page's key gate: the session gate's pattern, keyed by team.

Like the remote, the page waits for its address (from Voila's environment when
the kernel was started for this request, else from the browser), checks the
team key, and otherwise shows one refusal sentence and nothing of the team. A
session code in the link is refused like any wrong code: the two never mix.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from facilitate.core.errors import FacilitateError
from facilitate.core.store import EventStore
from facilitate.teams.codes import (
    TeamAccessRefused,
    TeamInfo,
    check_team_key,
    find_team,
)
from facilitate.ui.browser import BrowserContext
from facilitate.ui.widgets import heading, say

CHECKING = "Checking the team key…"


class TeamKeyedPage:
    """Mixin for dataclass pages with ``store``, ``browser``, ``root``, ``refused``,
    ``status`` and ``team``; subclasses implement ``open(code, key)``."""

    title = "Team page"
    store: EventStore
    browser: BrowserContext
    root: widgets.VBox
    refused: widgets.HTML
    status: widgets.HTML
    team: TeamInfo | None

    def open(self, code: str, key: Any) -> None:
        raise NotImplementedError

    def await_key(self) -> None:
        """Show "checking", then open as soon as the address is known."""
        self.browser.on_connect(self.address_known)
        self.root.children = [self.browser, self.status]
        say(self.status, CHECKING)
        query = self.browser.environment_query()
        if query.get("team"):
            self.open(query["team"], query.get("key"))

    def address_known(self) -> None:
        """The browser reported its address: open now unless already open."""
        if self.team is None:
            query = self.browser.query
            self.open(str(query.get("team", "")), query.get("key"))

    def unlock(self, code: str, key: Any) -> TeamInfo | None:
        """The team if ``key`` is its key; else show the refusal."""
        try:
            if not str(code).strip():
                raise TeamAccessRefused()
            team = find_team(self.store, code)
            check_team_key(team, key)
        except FacilitateError as error:
            say(self.refused, str(error), "error")
            self.root.children = [self.browser, heading(self.title), self.refused]
            return None
        self.team = team
        return team
