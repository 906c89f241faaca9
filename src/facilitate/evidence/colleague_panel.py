"""Part 2.3 on the leader's page: make feedback links, and read what came back.

The leader types a colleague's name and gets a one-time link to send them. What a
colleague sends is shown under their own heading as HTML, not in a text box: the
leader can read it and cannot change it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import ipywidgets as widgets

from facilitate.core.text import escape
from facilitate.evidence.checklist import stamp
from facilitate.evidence.content import PartGuide
from facilitate.evidence.render import feedback_html, passes_html, prompts_html
from facilitate.evidence.state import EvidenceState, Invitation
from facilitate.ui.widgets import (
    button,
    field_label,
    message,
    styled,
    typed_on_leave,
)

LinkFor = Callable[[Invitation], str]


def _text(placeholder: str, css_class: str) -> widgets.Text:
    return styled(
        typed_on_leave(
            widgets.Text(placeholder=placeholder, layout=widgets.Layout(width="24em"))
        ),
        css_class,
    )


@dataclass
class ColleaguePanel:
    """Named widgets: ``name``, ``relationship``, ``make``, ``links``, ``received``."""

    part: PartGuide
    name: widgets.Text = field(
        default_factory=lambda: _text(
            "for example Dolores Ramírez", "fc-colleague-name"
        )
    )
    relationship: widgets.Text = field(
        default_factory=lambda: _text(
            "for example literacy specialist on our team", "fc-colleague-relationship"
        )
    )
    make: widgets.Button = field(
        default_factory=lambda: button("Make a feedback link", "fc-colleague-invite")
    )
    status: widgets.HTML = field(default_factory=lambda: message("fc-colleague-status"))
    links: widgets.HTML = field(default_factory=lambda: message("fc-colleague-links"))
    received: widgets.HTML = field(
        default_factory=lambda: message("fc-colleague-feedback")
    )
    evidence: widgets.HTML = field(default_factory=widgets.HTML)
    root: widgets.VBox = field(default_factory=widgets.VBox)

    def __post_init__(self) -> None:
        part = self.part
        self.root.children = [
            widgets.HTML(
                f'<h3 id="part-{escape(part.key)}">{escape(part.label)}</h3>'
                + prompts_html(part)
                + passes_html(part)
            ),
            self.received,
            field_label("Colleague's name"),
            self.name,
            field_label("Their role, or how they relate to you (optional)"),
            self.relationship,
            widgets.HBox([self.make]),
            self.status,
            self.links,
            self.evidence,
        ]
        styled(self.root, "fc-part", f"fc-part-{part.key}")

    def show(self, state: EvidenceState, link_for: LinkFor) -> None:
        """The links made so far and the feedback received, read-only."""
        received = state.received()
        limit = self.part.limit or 0
        self.received.value = (
            "".join(feedback_html(f, limit) for f in received)
            if received
            else '<p class="fc-missing">No colleague feedback has arrived yet.</p>'
        )
        rows = "".join(self._link_row(i, state, link_for) for i in state.invitations)
        self.links.value = (
            '<p class="fc-label">Feedback links</p>'
            '<p class="fc-meta">Send each link to that colleague only: it carries '
            "its own one-time key and works once.</p>"
            f"<ul>{rows}</ul>"
            if rows
            else ""
        )

    @staticmethod
    def _link_row(
        invitation: Invitation, state: EvidenceState, link_for: LinkFor
    ) -> str:
        who = escape(invitation.name) + (
            f" ({escape(invitation.relationship)})" if invitation.relationship else ""
        )
        answered = state.feedback.get(invitation.invitation)
        if answered is not None:
            return (
                f"<li>{who}: feedback received {escape(stamp(answered.at))}; "
                "the link is used up.</li>"
            )
        url = link_for(invitation)
        return (
            f'<li>{who}: waiting. <a class="fc-colleague-link" href="{escape(url)}" '
            f'target="_blank">{escape(url)}</a></li>'
        )
