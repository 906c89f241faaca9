"""The facilitator's remote: everything a facilitator presses, on their own device.

Opened with the facilitator key (on a laptop, tablet or phone), never projected.
It moves the room through the phases (Back asks first, because it moves every
phone back too; Next stops at the last phase), holds the current activity's
controls (Reveal and Hide look nothing like moving on), k, the links to the
facilitator's other pages, the export with its downloads, and the display's
link for the projector, whose view-only token can be replaced.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from facilitate.core.agenda import current_agenda
from facilitate.core.config import SMALLEST_ALLOWED_GROUP_SIZE, Config
from facilitate.core.events import Event, PhaseChanged, Recorded, SettingChanged
from facilitate.core.group_size import k_is_fitted, release_k
from facilitate.core.links import display_link, facilitator_link
from facilitate.core.page_table import page_table
from facilitate.core.roster import Roster
from facilitate.core.sessions import SessionInfo, display_token, replace_display_token
from facilitate.core.store import EventStore
from facilitate.core.text import escape
from facilitate.ui.browser import BrowserContext
from facilitate.ui.contexts import ControlsContext
from facilitate.ui.display_language import SETTING as DISPLAY_LANGUAGE
from facilitate.ui.display_language import DisplayLanguageControl
from facilitate.ui.export_button import ExportControl
from facilitate.ui.guide import guide_box
from facilitate.ui.keyed import KeyedPage, build_page
from facilitate.ui.live import keep_polling, news_of
from facilitate.ui.plain_layout import show
from facilitate.ui.record import record
from facilitate.ui.reveal_preview import k_words
from facilitate.ui.room_memory import joinable_sentence
from facilitate.ui.widgets import (
    ErrorPage,
    button,
    heading,
    message,
    named,
    say,
    styled,
)

log = logging.getLogger(__name__)
REMOTE_INTERVAL = 0.5
CONTROLS_FAILED = "The controls for {phase} could not be shown; the terminal says why."
CURRENT_STEP = '<li class="fc-step fc-step-current" aria-current="step">{}</li>'


def facilitator_pages() -> list[tuple[str, str]]:
    """``(page, label)`` of the pages the remote links to, with the key: each is
    declared with its label in the one page table (``core.pages``)."""
    return [(page.stem, page.remote) for page in page_table().on_the_remote]


def section(title: str, *children: widgets.Widget, css: str) -> widgets.VBox:
    return styled(
        widgets.VBox([heading(title, "fc-remote-heading", 3), *children]),
        "fc-remote-section",
        css,
    )


@dataclass
class RemotePage(KeyedPage):
    """Named widgets: ``next_button``, ``back_button``, ``confirm_back``,
    ``stepper``, ``controls_box``, ``group_size``, ``display``, ``replace``,
    ``pages``, ``export`` and ``status``; ``root`` carries ``fc-remote``."""

    title = "Facilitator remote"
    store: EventStore
    browser: BrowserContext = field(default_factory=BrowserContext)
    root: widgets.VBox = field(
        default_factory=lambda: styled(widgets.VBox(), "fc-remote")
    )
    refused: widgets.HTML = field(default_factory=lambda: message("fc-refused"))
    status: widgets.HTML = field(default_factory=lambda: message("fc-status"))
    count: widgets.HTML = field(default_factory=lambda: message("fc-remote-count"))
    stepper: widgets.HTML = field(default_factory=lambda: message("fc-stepper"))
    back_button: widgets.Button = field(
        default_factory=lambda: button("◀ Back", "fc-previous-phase", style="")
    )
    next_button: widgets.Button = field(
        default_factory=lambda: button("Next ▶", "fc-next-phase")
    )
    confirm_text: widgets.HTML = field(
        default_factory=lambda: message("fc-confirm-text")
    )
    confirm_yes: widgets.Button = field(
        default_factory=lambda: button("Yes, move everyone back", "fc-confirm-back")
    )
    confirm_no: widgets.Button = field(
        default_factory=lambda: button("Stay here", "fc-cancel-back", style="")
    )
    confirm_back: widgets.VBox = field(
        default_factory=lambda: styled(widgets.VBox(), "fc-confirm")
    )
    controls_box: widgets.Box = field(
        default_factory=lambda: styled(widgets.VBox(), "fc-activity-controls")
    )
    group_size: widgets.BoundedIntText = field(
        default_factory=lambda: styled(
            named(
                widgets.BoundedIntText(min=SMALLEST_ALLOWED_GROUP_SIZE, max=100),
                "Smallest group shown (k)",
            ),
            "fc-min-group-size",
        )
    )
    k_reason: widgets.HTML = field(default_factory=lambda: message("fc-k-reason"))
    display: widgets.HTML = field(default_factory=lambda: message("fc-display-link"))
    replace: widgets.Button = field(
        default_factory=lambda: button(
            "Replace the display link", "fc-replace-display", style=""
        )
    )
    pages: widgets.HTML = field(default_factory=lambda: message("fc-pages"))
    screen_language: DisplayLanguageControl | None = None
    export: ExportControl = field(default_factory=ExportControl)
    session: SessionInfo | None = None
    roster: Roster = field(default_factory=Roster)
    records: list[Recorded] = field(default_factory=list)
    controls: dict[str, Any] = field(default_factory=dict)
    shown_phase: str = ""
    poller: Any = None

    def start(self) -> None:
        agenda = current_agenda()
        self.next_button.on_click(lambda _: self.move(agenda.next_phase))
        self.back_button.on_click(lambda _: self.ask_back())
        self.confirm_yes.on_click(lambda _: self.move(agenda.previous_phase))
        self.confirm_no.on_click(lambda _: self.close_confirm())
        self.confirm_back.children = [
            self.confirm_text,
            styled(widgets.HBox([self.confirm_yes, self.confirm_no]), "fc-row"),
        ]
        show(self.confirm_back, False)
        self.group_size.observe(self.change_group_size, "value")
        self.replace.on_click(lambda _: self.replace_token())
        self.screen_language = DisplayLanguageControl(
            lambda code: self.record(SettingChanged(DISPLAY_LANGUAGE, code))
        )
        self.await_key()

    def address_known(self) -> None:
        """The page reported its address: open, or build the links from it."""
        if self.session is not None:
            self.show_links(self.session)
        else:
            super().address_known()

    def open(self, code: str, key: Any) -> None:
        session = self.unlock(code, key)
        if session is None:
            return
        self.export.attach(session)
        self.root.children = self.layout(session)
        say(self.status, "")
        self.show_links(session)
        self.refresh()
        if self.poller is None:
            news = news_of(self.store, session.code)
            self.poller = keep_polling(self.refresh, REMOTE_INTERVAL, news)

    def layout(self, session: SessionInfo) -> list[widgets.Widget]:
        nav = styled(widgets.HBox([self.back_button, self.next_button]), "fc-nav")
        k_label = styled(
            widgets.HTML("<p>Smallest group shown on the screen (k)</p>"),
            "fc-field-label",
        )
        return [
            self.browser,
            heading(session.title, "fc-session-title"),
            self.count,
            section("Phase", self.stepper, nav, self.confirm_back, css="fc-phases"),
            section("On the screen", self.controls_box, css="fc-screen-controls"),
            section(
                "Privacy", k_label, self.group_size, self.k_reason, css="fc-privacy"
            ),
            section(
                "Projector",
                self.display,
                self.replace,
                *([self.screen_language.root] if self.screen_language else []),
                css="fc-projector",
            ),
            section("Your other pages", self.pages, css="fc-other-pages"),
            section("After the session", self.export.root, css="fc-export-section"),
            self.status,
        ]

    def show_links(self, session: SessionInfo) -> None:
        """The display's link (view-only) and the facilitator's pages (keyed)."""
        base = self.browser.origin
        if not base:
            return
        token = display_token(self.store, session)
        url = display_link(base, session, token)
        self.display.value = (
            "<p>Open this on the projector. It shows results only, and carries "
            "no key.</p>"
            f'<p><a class="fc-open-display" href="{escape(url)}" target="_blank" '
            f'rel="noopener">Open the display</a></p>'
            f'<p class="fc-link-text">{escape(url)}</p>'
        )
        links = "".join(
            f'<li><a class="fc-page-{name}" href="'
            f'{escape(facilitator_link(base, session, name))}" target="_blank" '
            f'rel="noopener">{escape(label)}</a></li>'
            for name, label in facilitator_pages()
        )
        self.pages.value = f"<ul>{links}</ul>"

    def replace_token(self) -> None:
        """Issue a new display token: a display opened with the old link closes."""
        if self.session is None:
            return
        try:
            replace_display_token(self.store, self.session)
        except Exception:
            log.exception("the display token could not be replaced")
            say(
                self.status,
                "The display link could not be replaced; try again.",
                "error",
            )
            return
        self.show_links(self.session)
        say(
            self.status,
            "The display link was replaced: open the new one on the projector.",
            "success",
        )

    def refresh(self) -> None:
        """Fold in what is new; follow the phase; refresh the activity's controls."""
        if self.session is None:
            return
        new = self.store.read(self.session.code, after=self.roster.last_id)
        if not new and (self.ended() or self.shown_phase):
            return
        self.records.extend(new)
        self.roster.apply(new)
        people = "person has" if self.roster.count == 1 else "people have"
        self.count.value = (
            f'<p><span class="fc-count">{self.roster.count}</span> {people} joined</p>'
            f'<p class="fc-room-left">{escape(joinable_sentence())}</p>'
        )
        self.show_k(self.session)
        if self.screen_language is not None:
            self.screen_language.show(self.roster)
        self.show_phase()
        controls = self.controls.get(self.shown_phase)
        if controls is not None:
            try:
                controls.refresh(self.roster, self.records)
            except Exception:
                log.exception(
                    "the %s controls could not be refreshed", self.shown_phase
                )

    def show_k(self, session: SessionInfo) -> None:
        """k in the box, and why it is what it is (chosen, or fitted to the room)."""
        k = release_k(self.roster, session)
        self.group_size.value = k
        fixed = self.roster.joined_at_first_reveal
        joined = self.roster.count if fixed is None else fixed
        words = k_words(k, k_is_fitted(self.roster, session), joined, fixed is not None)
        self.k_reason.value = f"<p>{escape(words)}</p>"

    def show_phase(self) -> None:
        """The stepper, Back and Next for the phase now, and its controls."""
        agenda = current_agenda()
        phase = agenda.phase(self.roster.phase)
        if phase.key == self.shown_phase:
            return
        self.shown_phase = phase.key
        self.close_confirm()
        steps = "".join(
            CURRENT_STEP.format(escape(p.title))
            if p.key == phase.key
            else f'<li class="fc-step">{escape(p.title)}</li>'
            for p in agenda.phases
        )
        number = agenda.phase_number(phase.key)
        self.stepper.value = (
            f'<p class="fc-step-count">Phase {number} of {len(agenda.phases)}</p>'
            f'<ol class="fc-steps">{steps}</ol>'
        )
        last = phase.key == agenda.last_phase
        self.next_button.disabled = last
        following = agenda.phase(agenda.next_phase(phase.key)).title
        self.next_button.description = "Last phase" if last else f"Next: {following} ▶"
        self.back_button.disabled = phase.key == agenda.first_phase
        self.controls_box.children = self.controls_for(phase.key, phase.title)

    def controls_for(self, phase: str, title: str) -> list[widgets.Widget]:
        """The phase's activity controls, built once and kept, and its guide notes."""
        spec = current_agenda().activity_for_phase(phase)
        guide = [guide_box(spec.key)] if spec is not None else []
        if phase not in self.controls:
            if spec is None or spec.controls is None or self.session is None:
                return [message("fc-no-controls"), *guide]
            try:
                make = spec.controls.load()
                self.controls[phase] = make(ControlsContext(self.store, self.session))
            except Exception:
                log.exception("the %s controls could not be built", phase)
                note = message("fc-controls-failed")
                say(note, CONTROLS_FAILED.format(phase=title), "error")
                return [note, *guide]
        return [self.controls[phase].root, *guide]

    def ask_back(self) -> None:
        agenda = current_agenda()
        back = agenda.phase(agenda.previous_phase(self.roster.phase)).title
        say(
            self.confirm_text,
            f"Move everyone back to “{back}”? Every phone goes back too.",
        )
        show(self.confirm_back, True)

    def close_confirm(self) -> None:
        show(self.confirm_back, False)

    def move(self, step: Any) -> None:
        self.close_confirm()
        if self.session is not None:
            self.record(PhaseChanged(step(self.roster.phase)))

    def change_group_size(self, change: dict[str, Any]) -> None:
        """Record a new k; the widget's bounds keep it at the privacy floor or above."""
        if self.session is None:
            return
        current = release_k(self.roster, self.session)
        k = max(int(change["new"]), SMALLEST_ALLOWED_GROUP_SIZE)
        if k != current:
            self.record(SettingChanged("min_group_size", k))

    def record(self, event: Event) -> None:
        """Append a facilitator action and show its effect at once."""
        assert self.session is not None
        if record(self.store, self.session.code, event, self.status) is not None:
            self.refresh()


def remote_page(config: Config | None = None) -> RemotePage | ErrorPage:
    """Build the remote; it opens once the facilitator key has been checked."""
    current_agenda().loaded("controls")  # a warm kernel imports them ahead
    return build_page(lambda store: RemotePage(store=store), config)
