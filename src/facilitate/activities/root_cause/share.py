"""Choosing which findings the room sees, in the leader's own words.

The leader picks a released finding, may reword who the group is and what the
outcome is, sees the exact sentence the room will read, and shares it. The
numbers in that sentence come from the released audit row, never from typing,
so only suppressed aggregates reach the room. A shared finding can be taken
back; both are events, so every screen agrees.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from facilitate.activities.root_cause.board import KINDS, Board
from facilitate.activities.root_cause.events import FindingShared, FindingWithdrawn
from facilitate.audit.findings import (
    Finding,
    default_group_words,
    default_outcome_words,
)
from facilitate.core.errors import FacilitateError, InvalidInput
from facilitate.core.sessions import SessionInfo
from facilitate.core.store import EventStore
from facilitate.core.text import escape
from facilitate.ui.record import record
from facilitate.ui.widgets import (
    button,
    field_label,
    heading,
    message,
    say,
    styled,
    typed_on_leave,
)

_WIDE = widgets.Layout(width="100%", max_width="48em")


class SharePanel:
    """Named widgets: ``choice``, ``who``, ``what``, ``preview``, ``share``,
    ``shared`` (what the room sees now), ``withdraw_choice`` and ``withdraw``."""

    def __init__(self, store: EventStore, session: SessionInfo) -> None:
        self.store = store
        self.session = session
        self.findings: dict[str, Finding] = {}
        self.choice = styled(
            widgets.Dropdown(options=[], layout=_WIDE), "fc-share-finding"
        )
        self.who = styled(typed_on_leave(widgets.Text(layout=_WIDE)), "fc-share-who")
        self.what = styled(typed_on_leave(widgets.Text(layout=_WIDE)), "fc-share-what")
        self.preview = message("fc-share-preview")
        self.share = button("Share with the room", "fc-share")
        self.status = message("fc-share-status")
        self.shared = message("fc-shared")
        self.withdraw_choice = styled(
            widgets.Dropdown(options=[], layout=_WIDE), "fc-withdraw-finding"
        )
        self.withdraw = button("Stop sharing", "fc-withdraw", style="")
        self.choice.observe(lambda _: self.chosen(), "value")
        self.who.observe(lambda _: self.show_preview(), "value")
        self.what.observe(lambda _: self.show_preview(), "value")
        self.share.on_click(lambda _: self.share_chosen())
        self.withdraw.on_click(lambda _: self.withdraw_chosen())
        self.root = styled(
            widgets.VBox(
                [
                    heading("Share a finding with the room", level=3),
                    field_label("Finding (clear differences first)"),
                    self.choice,
                    field_label("Who the group is, in your words"),
                    self.who,
                    field_label("The outcome, in your words (after “as likely”)"),
                    self.what,
                    self.preview,
                    widgets.HBox([self.share]),
                    self.status,
                    self.shared,
                    widgets.HBox([self.withdraw_choice, self.withdraw]),
                ]
            ),
            "fc-share-panel",
        )
        self.show_shared()

    def offer(self, findings: list[Finding]) -> None:
        """The findings the leader may share (released rows with a ratio)."""
        self.findings = {f.key: f for f in findings}
        mark = {"higher": "▲ ", "lower": "▼ ", "": ""}
        self.choice.options = [(mark[f.flag] + f.statement(), f.key) for f in findings]
        self.choice.value = findings[0].key if findings else None
        self.chosen()

    def chosen(self) -> None:
        finding = self.findings.get(str(self.choice.value))
        if finding is None:
            self.who.value = self.what.value = ""
            self.preview.value = ""
            return
        self.who.value = default_group_words(finding.group_column, finding.group)
        self.what.value = default_outcome_words(finding.outcome)
        self.show_preview()

    def show_preview(self) -> None:
        """The exact words the room will read."""
        try:
            event = self.to_share()
        except FacilitateError as error:
            say(self.preview, str(error), "error")
            return
        self.preview.value = (
            '<p class="fc-share-sentence">The room will read: '
            f"<b>{escape(event.statement)}</b><br><small>{escape(event.detail)}"
            "</small></p>"
        )

    def to_share(self) -> FindingShared:
        finding = self.findings.get(str(self.choice.value))
        if finding is None:
            raise InvalidInput("Choose a finding to share first.")
        statement = finding.statement(self.who.value, self.what.value)
        return FindingShared(finding.key, statement, finding.detail())

    def share_chosen(self) -> None:
        saved = "Shared: the room sees it in the root-cause phase."
        if record(self.store, self.session.code, self.to_share, self.status, saved):
            self.show_shared()

    def withdraw_chosen(self) -> None:
        chosen = self.withdraw_choice.value
        if not chosen:
            say(self.status, "Nothing is shared with the room.", "error")
            return
        event = FindingWithdrawn(str(chosen))
        saved = "The room no longer sees that finding."
        if record(self.store, self.session.code, event, self.status, saved):
            self.show_shared()

    def show_shared(self) -> None:
        """What the room sees now, from the log (another leader page may share)."""
        board = Board()
        board.fold(self.store.read(self.session.code, kinds=KINDS))
        shared: list[Any] = list(board.findings.values())
        if not shared:
            self.shared.value = "<p>Nothing is shared with the room yet.</p>"
        else:
            items = "".join(f"<li>{escape(f.statement)}</li>" for f in shared)
            self.shared.value = f"<p>The room sees:</p><ul>{items}</ul>"
        self.withdraw_choice.options = [(f.statement, f.finding) for f in shared]
        self.withdraw_choice.value = shared[-1].finding if shared else None
        self.withdraw.disabled = not shared
