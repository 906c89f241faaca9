"""The facilitator's controls for the self-assessment: reveal, and which result.

Results stay off the screen until revealed; then one result fills the screen at a
time (domains, identities or comfort zones), chosen here. Nothing here imports
pandas or plotly: the remote stays quick to open.
"""

from __future__ import annotations

import ipywidgets as widgets

from facilitate.core.events import Recorded
from facilitate.core.roster import Roster
from facilitate.ui.contexts import ControlsContext
from facilitate.ui.controls import RevealToggle, ViewChoice
from facilitate.ui.widgets import styled

ACTIVITY = "self_assessment"
#: The results the screen can show, one at a time: (remote label, key, title).
VIEWS = (
    ("Domains", "domains", "What we typically answered, by domain"),
    ("Identities", "identities", "Identities we think about"),
    ("Comfort zones", "zones", "Where we are: comfort, risk, danger"),
)


class SelfAssessmentControls:
    """Named widgets: ``reveal`` (a ``RevealToggle``), ``view`` (a ``ViewChoice``)."""

    def __init__(self, context: ControlsContext) -> None:
        self.reveal = RevealToggle(context, ACTIVITY, "fc-reveal-self-assessment")
        self.view = ViewChoice(
            context, ACTIVITY, [(label, key) for label, key, _ in VIEWS]
        )
        self.root = styled(
            widgets.VBox([self.reveal.root, self.view.root]), "fc-sa-controls"
        )

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        self.reveal.refresh(roster)
        self.view.refresh(roster)
