"""The facilitator's controls for the self-assessment: reveal, and which result.

Results stay off the screen until revealed; then one result fills the screen at a
time (domains, identities or comfort zones), chosen here. Nothing here imports
pandas or plotly: the remote stays quick to open.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from facilitate.activities.self_assessment.events import SelfAssessmentSubmitted
from facilitate.core.events import Recorded
from facilitate.core.release import batched_release
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
        self.reveal.refresh(roster, inventory_preview(records))
        self.view.refresh(roster)


def inventory_preview(records: Sequence[Recorded]) -> str:
    """How far the room is, in steps of k, and what Reveal would then show."""
    state = batched_release(records, _submitted)
    progress = state.progress("have finished")
    if state.latest is None:
        return f"{progress} Revealing now shows no results yet."
    return (
        f"{progress} Revealing now shows each set of statements that at least "
        f"{state.k} people have finished, answers merged into groups of {state.k} "
        "or more."
    )


def _submitted(record: Recorded) -> str | None:
    event = record.event
    return event.participant if isinstance(event, SelfAssessmentSubmitted) else None
