"""Console panel for the participation phase: the discussion, drawn for reflection.

Charts and the talk table are recomputed from the whole log when something new
arrives, and every two seconds while a turn is still open (its length grows).
Names stay hidden unless the facilitator presses "Show names", which is recorded
as a setting so every console of the session agrees. Roles smaller than k are
left out of the equity chart, and the panel says so.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import plotly.graph_objects as go

from facilitate.activities.participation.charts import (
    equity_figure,
    follow_figure,
    gini_in_words,
    lorenz_figure,
    speaker_labels,
    talk_share_figure,
    timeline_figure,
)
from facilitate.activities.participation.metrics import (
    TalkSummary,
    contribution_frame,
    equity_by_role,
    kept_taps,
    lorenz_curve,
    people_frame,
    roles_below_k,
    talk_by_person,
    talk_summary,
    transitions,
    turns_from_records,
)
from facilitate.core.events import Recorded, SettingChanged
from facilitate.core.links import workbook_link
from facilitate.core.release import needs_more, release_k
from facilitate.core.roster import Roster, roster_of
from facilitate.core.text import escape
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.live_chart import PlotlyChart, chart_of, update_figure
from facilitate.ui.widgets import message, styled

OPEN_TURN_REDRAW_SECONDS = 2.0
REFLECTION_PROMPTS = (
    "Whose voices were centred? Who has not yet been heard?",
    "Who tends to speak after whom, and what does that say about who is answered?",
    "Does the share of talk match the share of written contributions?",
    "What one thing could we change so the next conversation is shared more evenly?",
)


def _chart(figure: go.Figure, css_class: str) -> PlotlyChart:
    return chart_of(figure, css_class, "fc-participation-chart")


class ParticipationPanel:
    """Live participation charts with a names toggle and reflection prompts."""

    #: Asked every console tick: the open turn grows with no new event.
    ticks = True

    def __init__(
        self, context: DisplayContext, clock: Callable[[], float] = time.time
    ) -> None:
        self.context = context
        self.clock = clock
        self.gini = message("fc-gini")
        self.summary = message("fc-participation-summary")
        self.talk_table = message("fc-talk-table")
        self.equity_note = message("fc-equity-note")
        self.drawn: tuple[Any, ...] | None = None
        self.drawn_at = 0.0
        self.turn_open = False
        self._syncing = False
        self.show_names = styled(
            widgets.ToggleButton(value=False, description="Show names", icon="eye"),
            "fc-show-names",
        )
        self.show_names.observe(self._names_toggled, "value")
        first = self.first_figures()
        self.talk_chart = _chart(first["talk"], "fc-talk-share-chart")
        self.lorenz_chart = _chart(first["lorenz"], "fc-lorenz-chart")
        self.follow_chart = _chart(first["follow"], "fc-follow-chart")
        self.timeline_chart = _chart(first["timeline"], "fc-turn-timeline")
        self.equity_chart = _chart(first["equity"], "fc-equity-chart")
        self.tracker_link = message("fc-tracker-link")
        self.tracker_link.value = self._tracker_link()
        prompts = "".join(f"<li>{escape(p)}</li>" for p in REFLECTION_PROMPTS)
        self.prompts = styled(
            widgets.HTML(f"<h3>Reflect together</h3><ul>{prompts}</ul>"),
            "fc-reflection-prompts",
        )
        self.root = self._layout()

    def first_figures(self) -> dict[str, go.Figure]:
        """Charts drawn from the log as it stands, before any browser shows them.

        The charts open with the data the console opens on, so nothing waits
        for the first refresh.
        """
        session = self.context.session
        records = self.context.store.read(session.code)
        roster = roster_of(records)
        k = release_k(roster, session)
        now = self.clock()
        self.drawn = (records[-1].id if records else 0, roster.show_names(), k)
        self.drawn_at = now
        self.turn_open = _turn_open(records)
        self._sync_toggle(roster.show_names())
        return self.figures(records, now, roster.show_names(), k)

    def _layout(self) -> widgets.Widget:
        charts = widgets.GridBox(
            [
                self.talk_chart,
                self.lorenz_chart,
                self.follow_chart,
                self.equity_chart,
            ],
            layout=widgets.Layout(grid_template_columns="1fr 1fr", width="100%"),
        )
        side = widgets.VBox(
            [self.prompts, self.gini, self.summary, self.talk_table, self.equity_note],
            layout=widgets.Layout(width="30%", min_width="280px"),
        )
        main = widgets.VBox(
            [charts, self.timeline_chart], layout=widgets.Layout(flex="1 1 auto")
        )
        top = widgets.HBox([self.show_names, self.tracker_link])
        return styled(
            widgets.VBox([top, widgets.HBox([main, side])]), "fc-participation-panel"
        )

    def _tracker_link(self) -> str:
        """A relative link: the tracker sits next to the console in the same folder."""
        session = self.context.session
        link = workbook_link("", "tracker", code=session.code, key=session.key)
        return (
            f'<a href="{escape(link)}" target="_blank" '
            'rel="noopener">Open the participation tracker</a>'
        )

    def _names_toggled(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        setting = SettingChanged("show_names", bool(change["new"]))
        self.context.record(setting, self.equity_note)

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        """Redraw when the log, the names setting or k changed, or a turn runs on."""
        k = release_k(roster, self.context.session)
        state = (records[-1].id if records else 0, roster.show_names(), k)
        now = self.clock()
        running = self.turn_open and now - self.drawn_at >= OPEN_TURN_REDRAW_SECONDS
        if state == self.drawn and not running:
            return
        self.drawn, self.drawn_at = state, now
        self._sync_toggle(roster.show_names())
        self.draw(records, now, roster.show_names(), k)

    def _sync_toggle(self, shown: bool) -> None:
        self._syncing = True
        try:
            self.show_names.value = shown
        finally:
            self._syncing = False

    def draw(self, records: list[Recorded], now: float, names: bool, k: int) -> None:
        """Compute every metric once and update each chart and sentence."""
        self.turn_open = _turn_open(records)
        figures = self.figures(records, now, names, k)
        update_figure(self.talk_chart, figures["talk"])
        update_figure(self.lorenz_chart, figures["lorenz"])
        update_figure(self.follow_chart, figures["follow"])
        update_figure(self.timeline_chart, figures["timeline"])
        update_figure(self.equity_chart, figures["equity"])

    def figures(
        self, records: list[Recorded], now: float, names: bool, k: int
    ) -> dict[str, go.Figure]:
        """Every chart of the panel from the log; fills the sentences on the way."""
        turns = turns_from_records(records, now)
        per_person = talk_by_person(
            people_frame(records), turns, contribution_frame(records)
        )
        summary = talk_summary(per_person, turns)
        labels = speaker_labels(per_person, names)
        equity = equity_by_role(per_person, k)
        self.gini.value = (
            f"<p><strong>{escape(gini_in_words(summary.gini))}</strong></p>"
        )
        self.summary.value = f"<p>{escape(summary_sentence(summary))}</p>"
        self.talk_table.value = talk_table_html(per_person, labels)
        self.equity_note.value = equity_note(per_person, equity, k)
        lorenz = lorenz_curve(per_person["talk_seconds"])
        return {
            "talk": talk_share_figure(per_person, labels),
            "lorenz": lorenz_figure(lorenz, summary.gini),
            "follow": follow_figure(per_person, transitions(turns), labels),
            "timeline": timeline_figure(turns, per_person, labels),
            "equity": equity_figure(equity),
        }


def _turn_open(records: list[Recorded]) -> bool:
    """True while someone holds the floor, so their turn keeps growing."""
    taps = kept_taps(records)
    return bool(taps) and getattr(taps[-1].event, "speaker", None) is not None


def summary_sentence(summary: TalkSummary) -> str:
    """The group figures in one line; "not yet" before anyone has spoken."""
    if summary.turns == 0:
        return f"{summary.people} people; nobody has spoken yet."
    minutes, seconds = divmod(round(summary.longest_turn_seconds), 60)
    if summary.evenness is None:
        even = "evenness needs two people or more"
    else:
        even = f"evenness {_two_places(summary.evenness)} (1 = everyone equally)"
    return (
        f"{summary.people} people; {summary.spoken} have spoken, "
        f"{summary.not_spoken} not yet heard; {summary.turns} turns; "
        f"longest turn {minutes} min {seconds:02d} s; {even}."
    )


def _two_places(value: float) -> str:
    """``value`` to two decimals, never "-0.00"."""
    return f"{round(value, 2) + 0.0:.2f}"


def _share_cell(share: float) -> str:
    return "not yet" if math.isnan(share) else f"{share * 100:.1f}%"


def talk_table_html(per_person: Any, labels: dict[str, str]) -> str:
    """Each person's share of talk, turns and written contributions (labels escaped)."""
    rows = "".join(
        f'<tr class="fc-row"><td class="fc-who">{labels[str(speaker)]}</td>'
        f'<td class="fc-share">{_share_cell(share)}</td>'
        f'<td class="fc-turns">{turns}</td><td class="fc-given">{given}</td></tr>'
        for speaker, share, turns, given in zip(
            per_person["speaker"],
            per_person["talk_share"],
            per_person["turns"],
            per_person["contributions"],
            strict=True,
        )
    )
    return (
        "<table><thead><tr><th>Who</th><th>Talk</th><th>Turns</th>"
        f"<th>Written</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def equity_note(per_person: Any, equity: Any, k: int) -> str:
    """Say which roles are not drawn and why (without naming them), and which
    ratios wait for a first word spoken or written."""
    if per_person.empty:
        return f"<p>{escape(needs_more(0, k))}</p>"
    sentences = []
    hidden = roles_below_k(per_person, k)
    if hidden:
        roles = "role is" if hidden == 1 else "roles are"
        sentences.append(
            f"{hidden} {roles} not shown in the equity chart: "
            f"groups smaller than {k} stay private."
        )
    sentences += _not_yet(
        talked=float(per_person["talk_seconds"].sum()) > 0,
        wrote=int(per_person["contributions"].sum()) > 0,
    )
    return "".join(f"<p>{escape(sentence)}</p>" for sentence in sentences)


def _not_yet(talked: bool, wrote: bool) -> list[str]:
    """Why a ratio is missing from the equity chart: nothing to share out yet."""
    if not talked and not wrote:
        return ["Nobody has talked or written yet, so there are no equity ratios."]
    if not talked:
        return ["No talk tracked yet: talk-time ratios appear once someone speaks."]
    if not wrote:
        return [
            "No written contributions yet: their ratios appear once someone "
            "answers in the workbook."
        ]
    return []
