"""The facilitator's control for the welcome: show how the room is arriving.

Until it is pressed the screen is the join screen (code, QR, address); pressing
it again goes back to the join screen for late arrivals.
"""

from __future__ import annotations

from facilitate.core.events import Recorded
from facilitate.core.roster import Roster
from facilitate.ui.contexts import ControlsContext
from facilitate.ui.controls import RevealToggle

ACTIVITY = "checkin"


class CheckinControls:
    """Named widgets: ``reveal`` (a ``RevealToggle``)."""

    def __init__(self, context: ControlsContext) -> None:
        self.reveal = RevealToggle(
            context,
            ACTIVITY,
            "fc-reveal-checkin",
            reveal="Show how we are arriving",
            hide="Back to the join screen",
        )
        self.root = self.reveal.root

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        self.reveal.refresh(roster)
