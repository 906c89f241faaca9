"""The leader's evidence workbook: the micro-credential's parts, in its order.

Facilitator-only, like the remote: without the key the page is one refusal
sentence. Each part shows its prompts, a text box with a live word count (a warning
at the limit, a flag over it, never a cut) and its passing criterion beside the
box. Text autosaves a moment after typing stops (``Debounced``), through
``record()`` like every write; until then the browser warns before leaving. Scoring
guide choices save at once. Colleague feedback arrives by itself (polled) and is
shown read-only. The session's figures load just after the page opens, since they
need the activities' report parts. The leader's private self-assessment is a part
like the others; what they heard (Part 1) autosaves with the text, and attachments
(Parts 2.2 and 2.3) are kept or removed at once (``PageAttachments``).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from facilitate.core.config import Config
from facilitate.core.events import (
    Event,
    LeaderNoteSaved,
    QualitativeEvidenceSaved,
    RubricChecked,
    RubricEvidenceLinked,
)
from facilitate.core.sessions import SessionInfo
from facilitate.core.store import EventStore
from facilitate.core.text import clean_text, escape
from facilitate.evidence.attachment_panel import AttachmentPanel
from facilitate.evidence.checklist import checklist
from facilitate.evidence.colleague import (
    COLLEAGUE_NOTEBOOK,
    INVITE_PARAMETER,
    invitations_of,
    invite,
)
from facilitate.evidence.colleague_panel import ColleaguePanel
from facilitate.evidence.content import (
    NOTE_CHARACTER_LIMIT,
    Guide,
    PartGuide,
    Rubric,
    emphasis,
    load_guide,
    load_rubric,
)
from facilitate.evidence.download import PackDownload
from facilitate.evidence.editors import PartEditor, RubricRowEditor
from facilitate.evidence.heard import clean_entries
from facilitate.evidence.heard_panel import HeardPanel
from facilitate.evidence.pack import evidence_options
from facilitate.evidence.page_attachments import PageAttachments
from facilitate.evidence.render import (
    STYLES,
    checklist_html,
    introduction_html,
    item_html,
    preamble_html,
)
from facilitate.evidence.state import EvidenceState, Invitation, evidence_state
from facilitate.ui.autosave import Debounced
from facilitate.ui.browser import BrowserContext
from facilitate.ui.keyed import KeyedPage, build_page
from facilitate.ui.live import keep_polling
from facilitate.ui.record import record
from facilitate.ui.unsaved import UnsavedGuard
from facilitate.ui.widgets import ErrorPage, heading, message, say, styled

COLLEAGUE_POLL_SECONDS = 3.0


@dataclass
class EvidencePage(PageAttachments, KeyedPage):
    """Named widgets: ``editors`` (per part), ``rows`` (per rubric row),
    ``colleague``, ``heard`` (Part 1's qualitative data), ``attachments`` (per
    part), ``download``, ``checklist``, ``autosave_status``."""

    title = "Evidence pack"

    store: EventStore
    data_dir: Path | None = None
    guide: Guide = field(default_factory=load_guide)
    rubric: Rubric = field(default_factory=load_rubric)
    browser: BrowserContext = field(default_factory=BrowserContext)
    guard: UnsavedGuard = field(default_factory=UnsavedGuard)
    root: widgets.VBox = field(default_factory=widgets.VBox)
    refused: widgets.HTML = field(default_factory=lambda: message("fc-refused"))
    status: widgets.HTML = field(default_factory=lambda: message("fc-evidence-status"))
    autosave_status: widgets.HTML = field(
        default_factory=lambda: message("fc-autosave-status")
    )
    checklist: widgets.HTML = field(default_factory=lambda: message("fc-checklist"))
    editors: dict[str, PartEditor] = field(default_factory=dict)
    rows: dict[str, RubricRowEditor] = field(default_factory=dict)
    colleague: ColleaguePanel | None = None
    heard: HeardPanel | None = None
    attachments: dict[str, AttachmentPanel] = field(default_factory=dict)
    download: PackDownload = field(default_factory=PackDownload)
    session: SessionInfo | None = None
    state: EvidenceState = field(default_factory=EvidenceState)
    seen_colleague_events: int = -1
    loading: bool = False
    autosave: Debounced | None = None
    poller: Any = None

    def start(self) -> None:
        self.autosave = Debounced(self.save_texts)
        options = evidence_options(self.guide)
        for part in self.guide.parts:
            if part.by_colleague:
                self.colleague = ColleaguePanel(part)
                self.colleague.make.on_click(lambda _: self.make_link())
            else:
                editor = PartEditor.build(part)
                editor.text.observe(lambda _, e=editor: self.typed(e), "value")
                self.editors[part.key] = editor
            self._extras(part)
        for criterion in self.rubric.criteria:
            row = RubricRowEditor.build(self.rubric, criterion, options)
            row.rating.observe(lambda _, r=row: self.rate(r), "value")
            for box in row.links.boxes:
                box.observe(lambda _, r=row: self.link(r), "value")
            self.rows[criterion.key] = row
        self.download.prepare.on_click(lambda _: self.download.prepare_pack())
        self.await_key()

    def _extras(self, part: PartGuide) -> None:
        """What the leader heard (Part 1) and attachments, inside their part."""
        holder = (
            self.colleague.root
            if part.by_colleague and self.colleague
            else self.editors[part.key].root
        )
        extra: list[Any] = []
        if part.qualitative:
            self.heard = HeardPanel(lambda: self.typed(None))
            extra.append(self.heard.root)
        if part.attachments:
            panel = AttachmentPanel.build(part)
            panel.attach.on_click(lambda _, p=panel: self.attach(p))
            panel.on_remove = self.remove_attachment
            self.attachments[part.key] = panel
            extra.append(panel.root)
        holder.children = [*holder.children, *extra]

    def address_known(self) -> None:
        """The browser reported its address: colleague links can now be absolute."""
        if self.session is None:
            super().address_known()
        else:
            self.show_colleagues()

    def open(self, code: str, key: Any) -> None:
        """Show the pack for ``code`` if ``key`` is right, else refuse."""
        session = self.unlock(code, key)
        if session is None:
            return
        self.state = evidence_state(self.store.read(session.code))
        self.loading = True
        for part_key, editor in self.editors.items():
            editor.text.value = self.state.texts.get(part_key, "")
            editor.show_count()
        if self.heard is not None:
            self.heard.show(self.state.heard)
        for part_key, panel in self.attachments.items():
            panel.show(self.state.attached_to(part_key))
        for row_key, row in self.rows.items():
            row.rating.value = self.state.ratings.get(row_key)
            row.links.value = self.state.links.get(row_key, ())
            row.show_levels()
        self.loading = False
        self.root.children = [self.browser, self.guard, *self._layout(session)]
        say(self.status, "")
        self.show_colleagues()
        self.show_checklist()
        self.download.attach(self.store, session, self.flush, self.data_dir)
        self._soon(self.load_session_evidence)
        if self.poller is None:
            self.poller = keep_polling(self.poll_colleagues, COLLEAGUE_POLL_SECONDS)

    def _layout(self, session: SessionInfo) -> list[Any]:
        guide = self.guide
        intro = styled(widgets.HTML(introduction_html(guide)), "fc-evidence-intro")
        rows: list[Any] = [
            widgets.HTML(f"<style>{STYLES}</style>"),
            heading(f"{guide.title} for “{session.title}”", "fc-session-title"),
            intro,
            self.checklist,
            self.download.root,
            self.autosave_status,
        ]
        for group in guide.groups:
            rows.append(
                styled(
                    widgets.HTML(
                        f"<h2>{escape(group.heading)}</h2><p>{emphasis(group.note)}</p>"
                    ),
                    f"fc-group-{group.key}",
                )
            )
            if group.key == "part3":
                rows.append(widgets.HTML(preamble_html(self.rubric)))
                rows += [row.root for row in self.rows.values()]
            for part in guide.parts_in(group.key):
                if part.by_colleague and self.colleague is not None:
                    rows.append(self.colleague.root)
                elif part.key in self.editors:
                    rows.append(self.editors[part.key].root)
        return [*rows, self.status]

    # --- writing and saving -------------------------------------------------------

    def typed(self, editor: PartEditor | None) -> None:
        """A keystroke reached the kernel: count now, save after a pause."""
        if editor is not None:
            editor.show_count()
        if self.loading or self.session is None or self.autosave is None:
            return
        if not self.guard.unsaved:
            self.guard.mark(True)
            say(self.autosave_status, "Saving…")
        self.autosave.poke()

    def flush(self) -> None:
        """Save whatever is waiting now (before a download, say)."""
        if self.autosave is not None:
            self.autosave.flush()

    def save_texts(self) -> None:
        """Record each part whose text differs from the last saved one."""
        if self.session is None:
            return
        recorded = record(
            self.store, self.session.code, self.text_changes, self.autosave_status
        )
        if recorded is None:
            return
        for entry in recorded:
            if isinstance(entry.event, LeaderNoteSaved):
                self.state.texts[entry.event.section] = entry.event.text
            elif isinstance(entry.event, QualitativeEvidenceSaved):
                self.state.heard = list(entry.event.entries)
        self.guard.mark(False)
        when = time.strftime("%H:%M:%S")
        say(self.autosave_status, f"All changes saved at {when}.", "success")
        self.show_checklist()

    def text_changes(self) -> list[Event]:
        events: list[Event] = []
        for key, editor in self.editors.items():
            text = clean_text(
                editor.text.value,
                what=f"the {editor.part.title.lower()} text",
                limit=NOTE_CHARACTER_LIMIT,
            )
            if text != self.state.texts.get(key, ""):
                events.append(LeaderNoteSaved(key, text))
        if self.heard is not None:
            entries = clean_entries(self.heard.values())
            if entries != self.state.heard:
                events.append(QualitativeEvidenceSaved(entries))
        return events

    def rate(self, row: RubricRowEditor) -> None:
        row.show_levels()
        level = row.rating.value
        key = row.criterion.key
        if self.loading or not level or level == self.state.ratings.get(key):
            return
        self._save_now(RubricChecked(key, str(level)))

    def link(self, row: RubricRowEditor) -> None:
        key = row.criterion.key
        chosen = list(row.links.value)
        if self.loading or tuple(chosen) == self.state.links.get(key, ()):
            return
        self._save_now(RubricEvidenceLinked(key, chosen))

    def _save_now(self, event: Event) -> None:
        if self.session is None:
            return
        if record(self.store, self.session.code, event, self.status) is None:
            return
        if isinstance(event, RubricChecked):
            self.state.ratings[event.criterion] = event.level
        elif isinstance(event, RubricEvidenceLinked):
            self.state.links[event.criterion] = tuple(event.evidence)
        say(self.status, "")
        self.show_checklist()

    def show_checklist(self) -> None:
        lines = checklist(self.guide, self.rubric, self.state)
        self.checklist.value = checklist_html(lines)

    # --- colleagues ---------------------------------------------------------------

    def make_link(self) -> None:
        """Record a new one-time invitation and show its link."""
        panel = self.colleague
        if self.session is None or panel is None:
            return
        made = record(
            self.store,
            self.session.code,
            lambda: invite(panel.name.value, panel.relationship.value),
            panel.status,
        )
        if made is None:
            return
        panel.name.value = ""
        panel.relationship.value = ""
        say(
            panel.status,
            "Link made: copy it from the list below and send it.",
            "success",
        )
        self.poll_colleagues()

    def link_for(self, invitation: Invitation) -> str:
        assert self.session is not None
        params = {"code": self.session.code, INVITE_PARAMETER: invitation.token}
        return self.browser.page_url(COLLEAGUE_NOTEBOOK, **params)

    def poll_colleagues(self) -> None:
        """New invitations or feedback since the last look: show them."""
        if self.session is None:
            return
        fresh = invitations_of(self.store, self.session.code)
        events = len(fresh.invitations) + len(fresh.feedback)
        if events == self.seen_colleague_events:
            return
        self.state.invitations = fresh.invitations
        self.state.feedback = fresh.feedback
        self.show_colleagues()
        self.show_checklist()

    def show_colleagues(self) -> None:
        if self.colleague is not None and self.session is not None:
            self.seen_colleague_events = len(self.state.invitations) + len(
                self.state.feedback
            )
            self.colleague.show(self.state, self.link_for)

    # --- the session's figures and the download ------------------------------------

    def load_session_evidence(self) -> None:
        """Attach the released figures to each part (needs the report parts)."""
        from facilitate.evidence.session_evidence import (
            session_evidence,
            summary_anchor,
        )

        if self.session is None:
            return
        items = session_evidence(self.store.read(self.session.code), self.session)
        summary = self.browser.page_url(
            "summary.ipynb", code=self.session.code, key=self.session.key
        )
        for part in self.guide.parts:
            html = "".join(
                item_html(
                    items[k],
                    link=f"{summary}#{summary_anchor(items[k].summary_section)}",
                )
                for k in part.evidence
                if k in items
            )
            target = (
                self.colleague.evidence
                if part.by_colleague and self.colleague
                else self.editors[part.key].evidence
            )
            target.value = html

    @staticmethod
    def _soon(work: Any) -> None:
        """Run ``work`` after this callback returns (at once in plain tests)."""
        try:
            asyncio.get_running_loop().call_soon(work)
        except RuntimeError:
            work()


def evidence_page(config: Config | None = None) -> EvidencePage | ErrorPage:
    """Build the page; it opens once the facilitator key has been checked."""

    def make(store: EventStore) -> EvidencePage:
        data_dir = (config or Config.from_environ()).data_dir
        return EvidencePage(store=store, data_dir=data_dir)

    return build_page(make, config)
