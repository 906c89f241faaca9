"""The shared screen in the root-cause phase: the finding, then the room's causes.

Until the leader shares a finding the screen says so in one calm sentence, and
the facilitator can simply move on. Once one is shared it heads the screen, and
the causes gather beneath it in four columns with their released vote counts
(see ``metrics``). The facilitator can take a cause off every screen (it stays
in the log) and open the equity audit, whose link carries the key.
"""

from __future__ import annotations

import ipywidgets as widgets

from facilitate.activities.root_cause.affinity import calm_html, findings_html, map_html
from facilitate.activities.root_cause.board import Board
from facilitate.activities.root_cause.events import CauseHidden
from facilitate.activities.root_cause.metrics import cause_map
from facilitate.core.errors import InvalidInput
from facilitate.core.events import Recorded
from facilitate.core.links import workbook_link
from facilitate.core.release import progress_in_steps, release_k
from facilitate.core.roster import Roster
from facilitate.core.text import escape
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.widgets import button, message, styled

CONSOLE_NO_FINDING = (
    "No finding has been shared yet. Share one from the equity audit, or simply "
    "move on to the next phase."
)
NO_CAUSES = (
    "Causes appear here as people add them, grouped as policies, practices, "
    "attitudes and beliefs, and cultural messages."
)
SHORT = 60


class RootCausePanel:
    """Named widgets: ``findings``, ``progress``, ``board`` (the map), ``hide``."""

    def __init__(self, context: DisplayContext) -> None:
        self.context = context
        self.session = context.session
        self.state = Board()
        self.seen = 0
        self.drawn: tuple[str, str, str] | None = None
        self.findings = styled(widgets.HTML(), "fc-rc-findings-panel")
        self.progress = message("fc-rc-progress")
        self.board = styled(widgets.HTML(), "fc-rc-board")
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
            widgets.VBox(
                [
                    self.findings,
                    self.progress,
                    self.board,
                    self.hide_row,
                    self.audit_link,
                ]
            ),
            "fc-root-cause-panel",
        )

    def _audit_link(self) -> str:
        """Relative: the audit workbook sits beside the console."""
        link = workbook_link("", "audit", code=self.session.code, key=self.session.key)
        return (
            f'<p><a href="{escape(link)}" target="_blank" rel="noopener">'
            "Open the equity audit (share a finding)</a></p>"
        )

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        """Fold in what is new; redraw only when what the room sees changed."""
        self.state.fold(records[self.seen :])
        self.seen = len(records)
        k = release_k(roster, self.session)
        drawn = self.picture(k)
        if drawn == self.drawn:
            return
        self.drawn = drawn
        self.findings.value, self.progress.value, self.board.value = drawn
        self.show_hide_choices()

    def picture(self, k: int) -> tuple[str, str, str]:
        """(findings, progress, map) as HTML for the current board and k."""
        if not self.state.findings:
            return calm_html(CONSOLE_NO_FINDING), "", ""
        findings = findings_html(self.state.findings.values())
        causes = self.state.visible()
        voted = progress_in_steps(self.state.voters(), k, "have voted")
        count = f"{len(causes)} cause{'s' if len(causes) != 1 else ''}"
        progress = f'<p class="fc-say">{escape(count)} · {escape(voted)}</p>'
        board = map_html(cause_map(self.state, k), k)
        if not causes:
            board = calm_html(NO_CAUSES) + board
        return findings, progress, board

    def show_hide_choices(self) -> None:
        """Newest first; the facilitator's current choice survives a redraw."""
        options = tuple((_short(c.text), c.id) for c in reversed(self.state.visible()))
        if options != tuple(self.hide_choice.options):
            chosen = self.hide_choice.value
            self.hide_choice.options = options
            values = [value for _, value in options]
            if values:
                self.hide_choice.value = chosen if chosen in values else values[0]
        self.hide_row.layout.display = None if options else "none"

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
