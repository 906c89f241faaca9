"""What a participant does in the root-cause phase: name causes, ask why, vote.

The phone shows the shared findings, a short form to add a possible cause in one
of four categories, and the room's causes so far, each with a Vote toggle and a
"Why?" button that opens the same short form right beneath it (up to five deep).
Everyone has three votes. Until a finding is shared the phone says so in one
sentence. Every write goes through ``context.record``; the rules (category,
depth, three votes) are checked here against the log and again in the fold,
since a browser can send anything. Lean on purpose: no pandas, no plotly.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from facilitate.activities.root_cause.board import KINDS, Board, Cause
from facilitate.activities.root_cause.content import (
    CATEGORIES,
    CATEGORY_KEYS,
    CAUSE_LIMIT,
    CAUSE_PROMPT,
    MAX_DEPTH,
    NO_FINDING,
    VOTES_EACH,
    WHY_PROMPT,
)
from facilitate.activities.root_cause.events import CauseAdded, CauseVoted
from facilitate.core.errors import InvalidInput
from facilitate.core.events import Recorded
from facilitate.core.language import N_
from facilitate.core.language import gettext as _
from facilitate.core.roster import Roster
from facilitate.core.text import clean_text, escape
from facilitate.ui.contexts import ParticipantContext
from facilitate.ui.plain_layout import show
from facilitate.ui.plain_style import own_style
from facilitate.ui.widgets import button, message, say, styled, typed_on_leave

_WIDE = widgets.Layout(width="calc(100% - 6px)", max_width="32em")


def _hints() -> str:
    """Each kind of cause with its hint, small: a list holds only its items."""
    return "".join(
        f"<li><small><b>{escape(_(c.label))}</b>: {escape(_(c.hint))}</small></li>"
        for c in CATEGORIES
    )


class CauseForm:
    """Category, a few words and Add; ``parent`` is the cause it answers why about."""

    def __init__(self, prefix: str) -> None:
        self.parent = 0
        self.prompt = styled(widgets.HTML(), f"{prefix}-prompt")
        self.hints = widgets.HTML(f"<ul>{_hints()}</ul>")
        self.category = styled(
            widgets.RadioButtons(
                options=[(_(c.label), c.key) for c in CATEGORIES],
                value=None,
                layout=_WIDE,
            ),
            "fc-rc-category",
        )
        self.text = styled(
            typed_on_leave(
                widgets.Textarea(placeholder=_("A few words"), rows=2, layout=_WIDE)
            ),
            "fc-rc-text",
        )
        self.add = button("Add cause", "fc-rc-add")
        self.cancel = button("Cancel", "fc-rc-cancel", style="")
        self.status = message("fc-rc-status")
        self.root = styled(
            widgets.VBox(
                [
                    self.prompt,
                    self.hints,
                    self.category,
                    self.text,
                    widgets.HBox([self.add, self.cancel]),
                    self.status,
                ]
            ),
            prefix,
        )

    def ask(self, prompt: str, parent: Cause | None = None) -> None:
        self.parent = parent.id if parent else 0
        about = (
            "<br><small>"
            + escape(_("About: “{cause}”").format(cause=parent.text))
            + "</small>"
            if parent
            else ""
        )
        self.prompt.value = f"<p><b>{escape(_(prompt))}</b>{about}</p>"
        self.category.value = parent.category if parent else None
        show(self.cancel, bool(parent))

    def cause(self, participant: str, board: Board) -> CauseAdded:
        """The typed cause, or InvalidInput saying what to change."""
        category = self.category.value
        if category not in CATEGORY_KEYS:
            raise InvalidInput(_("Please choose the kind of cause first."))
        text = clean_text(
            self.text.value,
            what=N_("a possible cause"),
            limit=CAUSE_LIMIT,
            required=True,
        )
        if board.depth_under(self.parent) is None:
            raise InvalidInput(
                _(
                    "That chain already asks why {times} times, or its cause was "
                    "taken off the screen. Add a new cause instead."
                ).format(times=MAX_DEPTH)
            )
        return CauseAdded(participant, str(category), text, self.parent)


class CauseRow:
    """One cause on the phone: its words, a Vote toggle and Why?, in one box.

    The row is a single box (laid out as a wrapping row by the theme, indented by
    depth) whose children grow by the "why?" form while it is open: a hundred
    phones opening the board each build a dozen rows, so every widget a row
    saves is a thousand fewer for the room's server to send.
    """

    def __init__(self, cause: Cause) -> None:
        self.cause = cause
        lead = _("Why?") + " → " if cause.parent else ""
        self.words = widgets.HTML(f"<p>{escape(lead)}{escape(cause.text)}</p>")
        self.vote = styled(
            widgets.ToggleButton(description=_("Vote"), icon="circle"), "fc-rc-vote"
        )
        self.why = button("Why?", "fc-rc-why", style="")
        self.why.disabled = cause.depth >= MAX_DEPTH
        self.root = styled(
            widgets.VBox([self.words, self.vote, self.why]),
            "fc-rc-row",
            f"fc-rc-depth-{min(cause.depth, MAX_DEPTH)}",
        )

    def show_vote(self, voted: bool) -> None:
        self.vote.value = voted
        self.vote.description = _("Voted") if voted else _("Vote")
        # A tick, not the green "success" style: white on that green reads at
        # under 3:1, and the pressed toggle (pale, with dark words) already
        # looks pressed.
        self.vote.icon = "check" if voted else "circle"
        own_style(self.vote).text_color = "#111"

    def open_form(self, form: widgets.Widget) -> None:
        """Show ``form`` right beneath this cause."""
        self.root.children = [self.words, self.vote, self.why, form]

    def close_form(self) -> None:
        if len(self.root.children) > 3:
            self.root.children = [self.words, self.vote, self.why]


class RootCauseActivity:
    """Named widgets: ``findings``, ``form``, ``why_form``, ``votes_left``,
    ``vote_status`` and ``causes`` (rows in ``rows``, by cause id)."""

    def __init__(self, context: ParticipantContext) -> None:
        self.context = context
        self.participant = context.participant
        self.board = Board()
        self.rows: dict[int, CauseRow] = {}
        self._syncing = False
        self.findings = message("fc-rc-findings")
        self.form = CauseForm("fc-rc-form")
        self.form.ask(CAUSE_PROMPT)
        self.form.add.on_click(lambda _: self.add(self.form))
        self._why_form: CauseForm | None = None
        self.votes_left = message("fc-rc-votes-left")
        self.vote_status = message("fc-rc-vote-status")
        self.causes = styled(widgets.VBox(), "fc-rc-causes")
        self.headers = {
            c.key: styled(
                widgets.HTML(f"<h4>{escape(_(c.label))}</h4>"), "fc-rc-heading"
            )
            for c in CATEGORIES
        }
        self.root = styled(widgets.VBox(), "fc-root-cause")
        self.sync()
        self.show()

    @property
    def why_form(self) -> CauseForm:
        """The "why?" form, built the first time someone asks why."""
        if self._why_form is None:
            form = self._why_form = CauseForm("fc-rc-why-form")
            form.add.on_click(lambda _: self.add(form))
            form.cancel.on_click(lambda _: self.close_why())
        return self._why_form

    def sync(self) -> bool:
        """Fold what the log holds beyond what this page has seen."""
        code = self.context.session.code
        new = self.context.store.read(code, after=self.board.last_id, kinds=KINDS)
        return self.board.fold(new)

    def show(self) -> None:
        """The whole page from the board: findings, form, votes left, the causes."""
        if not self.board.findings:
            say(self.findings, NO_FINDING)
            self.root.children = [self.findings]
            return
        self.findings.value = "".join(
            f'<p class="fc-rc-finding"><b>{escape(f.statement)}</b><br>'
            f"<small>{escape(f.detail)}</small></p>"
            for f in self.board.findings.values()
        )
        self.show_causes()
        self.root.children = [
            self.findings,
            self.form.root,
            self.votes_left,
            self.vote_status,
            self.causes,
        ]

    def show_causes(self) -> None:
        """A row per shown cause, by category, each chain in order beneath its root."""
        visible = self.board.visible()
        for gone in set(self.rows) - {c.id for c in visible}:
            del self.rows[gone]
        for cause in visible:
            if cause.id not in self.rows:
                self.rows[cause.id] = self._row(cause)
        mine = set(self.board.votes_of(self.participant))
        self._syncing = True
        for cause_id, row in self.rows.items():
            row.show_vote(cause_id in mine)
        self._syncing = False
        ordered: list[widgets.Widget] = []
        for cause in _tree_order(visible):
            if not cause.parent:
                header = self.headers[cause.category]
                ordered += [] if header in ordered else [header]
            ordered.append(self.rows[cause.id].root)
        if tuple(ordered) != self.causes.children:
            self.causes.children = ordered
        left = VOTES_EACH - len(mine)
        say(
            self.votes_left,
            _(
                "Vote for the causes that matter most: {left} of {each} votes left."
            ).format(left=left, each=VOTES_EACH),
        )

    def _row(self, cause: Cause) -> CauseRow:
        row = CauseRow(cause)
        row.vote.observe(lambda change, c=cause.id: self.toggled(c, change), "value")
        row.why.on_click(lambda _, c=cause.id: self.open_why(c))
        return row

    def add(self, form: CauseForm) -> None:
        """Record the typed cause; on success clear the words and show it."""
        self.sync()
        built = self.context.record(
            lambda: form.cause(self.participant, self.board), form.status
        )
        if built is None:
            return
        form.text.value = ""
        say(form.status, "Added. Thank you.", "success")
        if form is self._why_form:
            self.close_why()
        self.sync()
        self.show()

    def open_why(self, cause_id: int) -> None:
        """Open the short form beneath the cause whose "why?" was asked."""
        cause = self.board.shown(cause_id)
        if cause is None:
            return
        self.close_why()
        self.why_form.ask(WHY_PROMPT, cause)
        say(self.why_form.status, "")
        self.rows[cause_id].open_form(self.why_form.root)

    def close_why(self) -> None:
        for row in self.rows.values():
            row.close_form()

    def toggled(self, cause_id: int, change: dict[str, Any]) -> None:
        """A Vote toggle changed: record the dot, or put the toggle back."""
        if self._syncing or change["new"] == change["old"]:
            return
        self.sync()
        vote = bool(change["new"])
        self.context.record(lambda: self.ballot(cause_id, vote), self.vote_status)
        self.sync()
        self.show_causes()

    def ballot(self, cause_id: int, vote: bool) -> CauseVoted:
        """The dot to record, or InvalidInput when it cannot be given."""
        mine = self.board.votes_of(self.participant)
        if vote and self.board.shown(cause_id) is None:
            raise InvalidInput(_("That cause was taken off the screen."))
        if vote and len(mine) >= VOTES_EACH:
            raise InvalidInput(
                _(
                    "You have used your {each} votes. Take one back to vote "
                    "for this cause."
                ).format(each=VOTES_EACH)
            )
        return CauseVoted(self.participant, cause_id, vote)

    def refresh(self, roster: Roster, new: list[Recorded]) -> None:
        """Others' causes and the leader's findings arrive as the log grows."""
        if self.board.fold(new):
            self.show()


def _tree_order(causes: list[Cause]) -> list[Cause]:
    """Roots by category (in the protocol's order) then age; each chain beneath."""
    below: dict[int, list[Cause]] = {}
    for cause in causes:
        below.setdefault(cause.parent, []).append(cause)
    rank = {key: n for n, key in enumerate(CATEGORY_KEYS)}
    roots = sorted(below.get(0, []), key=lambda c: (rank[c.category], c.id))
    ordered: list[Cause] = []

    def walk(cause: Cause) -> None:
        ordered.append(cause)
        for child in below.get(cause.id, []):
            walk(child)

    for root in roots:
        walk(root)
    return ordered
