"""The shared screen in the root-cause phase: the finding, then the room's causes.

Until the leader shares a finding the screen says, in one calm sentence, that a
finding from our data comes next. Once one is shared it heads the screen, and
the causes gather beneath it in four columns with their released vote counts
(see ``metrics``). Read-only: taking a cause off the screen and opening the
equity audit are on the facilitator's remote (``controls``).
"""

from __future__ import annotations

import ipywidgets as widgets

from facilitate.activities.root_cause.affinity import calm_html, findings_html, map_html
from facilitate.activities.root_cause.board import Board
from facilitate.activities.root_cause.fit import SCREEN_LINES, findings_lines
from facilitate.activities.root_cause.metrics import cause_map
from facilitate.core.events import Recorded
from facilitate.core.group_size import release_k
from facilitate.core.language import N_, counted
from facilitate.core.release_words import progress_in_steps
from facilitate.core.roster import Roster
from facilitate.core.text import escape
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.display_states import WAITING, ScreenFrame
from facilitate.ui.widgets import message, styled

TITLE = "Root causes"
NO_FINDING_YET = "A finding from our own data comes next."
NO_FINDING_DETAIL = (
    "Then we name what might lie behind it: policies, practices, attitudes and "
    "beliefs, and cultural messages."
)
NO_CAUSES = (
    "Causes appear here as people add them, grouped as policies, practices, "
    "attitudes and beliefs, and cultural messages."
)
PROMPT = "Which of these causes is ours to change, starting next term?"


class RootCausePanel:
    """Named widgets: ``frame``, ``findings``, ``progress`` and ``board`` (the map)."""

    def __init__(self, context: DisplayContext) -> None:
        self.session = context.session
        self.state = Board()
        self.seen = 0
        self.drawn: tuple[str, str, str] | None = None
        self.frame = ScreenFrame("fc-root-cause-panel", TITLE)
        self.findings = styled(widgets.HTML(), "fc-rc-findings-panel")
        self.progress = message("fc-rc-progress")
        self.board = styled(widgets.HTML(), "fc-rc-board")
        self.root = self.frame.root

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        """Fold in what is new; redraw only when what the room sees changed."""
        self.state.fold(records[self.seen :])
        self.seen = len(records)
        drawn = self.picture(release_k(roster, self.session))
        if drawn == self.drawn:
            return
        self.drawn = drawn
        self.findings.value, self.progress.value, self.board.value = drawn
        if not self.state.findings:
            self.frame.show_state(WAITING, NO_FINDING_YET, NO_FINDING_DETAIL)
            return
        self.frame.show_result([self.findings, self.progress, self.board], PROMPT)

    def picture(self, k: int) -> tuple[str, str, str]:
        """(findings, progress, map) as HTML for the current board and k."""
        if not self.state.findings:
            return "", "", ""
        findings = findings_html(self.state.findings.values())
        causes = self.state.visible()
        voted = progress_in_steps(self.state.voters(), k, N_("have voted"))
        count = counted("{count} cause", "{count} causes", len(causes))
        progress = f'<p class="fc-say">{escape(count)} · {escape(voted)}</p>'
        lines = SCREEN_LINES - findings_lines(self.state.findings.values())
        board = map_html(cause_map(self.state, k), k, lines=lines)
        if not causes:
            board = calm_html(NO_CAUSES) + board
        return findings, progress, board
