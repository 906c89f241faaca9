"""The facilitator's controls for the root-cause phase, on the remote.

Take a cause off every screen (it stays in the log: nothing is ever deleted),
and open the equity audit to share a finding; its link carries the key, so it
lives here and never on the projected display.
"""

from __future__ import annotations

import ipywidgets as widgets

from facilitate.activities.root_cause.affinity import calm_html
from facilitate.activities.root_cause.board import Board
from facilitate.activities.root_cause.events import CauseHidden
from facilitate.core.errors import InvalidInput
from facilitate.core.events import Recorded
from facilitate.core.links import workbook_link
from facilitate.core.roster import Roster
from facilitate.core.text import escape
from facilitate.ui.contexts import ControlsContext
from facilitate.ui.plain_layout import show
from facilitate.ui.widgets import button, message, styled

CONSOLE_NO_FINDING = (
    "No finding has been shared yet. Share one from the equity audit, or simply "
    "move on to the next phase."
)
SHORT = 60


class RootCauseControls:
    """Named widgets: ``note``, ``hide_choice``, ``hide``, ``hide_status``,
    ``hide_row`` and ``audit_link``."""

    def __init__(self, context: ControlsContext) -> None:
        self.context = context
        self.state = Board()
        self.seen = 0
        self.note = styled(widgets.HTML(), "fc-rc-remote-note")
        self.audit_link = styled(widgets.HTML(self._audit_link()), "fc-audit-link")
        self.hide_choice = styled(
            widgets.Dropdown(description="Cause", options=[]), "fc-rc-hide-choice"
        )
        self.hide = button("Take off the screen", "fc-rc-hide", style="")
        self.hide.on_click(lambda _: self.hide_cause())
        self.hide_status = message("fc-rc-hide-status")
        self.hide_row = styled(
            widgets.HBox([self.hide_choice, self.hide, self.hide_status]),
            "fc-rc-hide-row",
        )
        self.root = styled(
            widgets.VBox([self.note, self.hide_row, self.audit_link]),
            "fc-root-cause-controls",
        )

    def _audit_link(self) -> str:
        """Relative: the audit workbook sits beside the remote."""
        session = self.context.session
        link = workbook_link("", "audit", code=session.code, key=session.key)
        return (
            f'<p><a href="{escape(link)}" target="_blank" rel="noopener">'
            "Open the equity audit (share a finding)</a></p>"
        )

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        self.state.fold(records[self.seen :])
        self.seen = len(records)
        self.note.value = "" if self.state.findings else calm_html(CONSOLE_NO_FINDING)
        self.show_hide_choices()

    def show_hide_choices(self) -> None:
        """Newest first; the facilitator's current choice survives a redraw."""
        options = tuple((_short(c.text), c.id) for c in reversed(self.state.visible()))
        if options != tuple(self.hide_choice.options):
            chosen = self.hide_choice.value
            self.hide_choice.options = options
            values = [value for _, value in options]
            if values:
                self.hide_choice.value = chosen if chosen in values else values[0]
        show(self.hide_row, bool(options))

    def hide_cause(self) -> None:
        """Record that the chosen cause leaves every screen (the log keeps it)."""
        self.context.record(self.to_hide, self.hide_status, saved="Taken off.")

    def to_hide(self) -> CauseHidden:
        chosen = self.hide_choice.value
        if not isinstance(chosen, int) or self.state.shown(chosen) is None:
            raise InvalidInput("Choose a cause that is on the screen.")
        return CauseHidden(chosen)


def _short(text: str) -> str:
    return text if len(text) <= SHORT else text[: SHORT - 1].rstrip() + "…"
