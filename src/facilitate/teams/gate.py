"""The team page's key gate: the session pages' gate, keyed by team.

Like the remote, the page waits for its address, checks the team key, and
otherwise shows one refusal sentence and nothing of the team; once the team is
deleted an open page says so. A session code in the link is refused like any
wrong code: the two never mix.
"""

from __future__ import annotations

from facilitate.teams.codes import TEAMS, TeamInfo
from facilitate.ui.keyed import KeyedGate


class TeamKeyedPage(KeyedGate[TeamInfo]):
    """A page of one team: it holds the ``team`` it opened."""

    title = "Team page"
    log = TEAMS
    team: TeamInfo | None

    def opened(self) -> TeamInfo | None:
        return self.team

    def remember(self, found: TeamInfo | None) -> None:
        self.team = found
