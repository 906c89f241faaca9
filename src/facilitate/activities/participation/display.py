"""The shared screen for the participation phase: the discussion, drawn for reflection.

While the tracker taps, the screen says the discussion is being noted and how
many turns so far; the charts appear when the facilitator reveals them, one at a
time (share of talk, who follows whom, turns over time, the Lorenz curve, equity
by role), chosen on the remote. Charts are recomputed from the whole log when
something new arrives, and every two seconds while a turn is still open (its
length grows). Names stay hidden unless the facilitator chose "Show names",
recorded as a setting so every screen of the session agrees. Roles smaller than
k are merged into one group on the equity chart unless the facilitator chose
"Show every role" (also a setting): who was present and who talked are
observations the whole room made, not answers. With fewer than k people in all
it is a sentence, never an empty axis.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

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
from facilitate.activities.participation.controls import ACTIVITY, VIEWS
from facilitate.activities.participation.metrics import (
    TalkSummary,
    contribution_frame,
    kept_taps,
    lorenz_curve,
    people_frame,
    talk_by_person,
    talk_summary,
    transitions,
    turns_from_records,
)
from facilitate.activities.participation.roles import equity_by_role
from facilitate.core.events import Recorded
from facilitate.core.group_size import floored, release_k
from facilitate.core.language import N_, counted
from facilitate.core.release import DISPLAY, every_role_shown
from facilitate.core.roster import Roster
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.controls import chosen_view
from facilitate.ui.display_states import (
    ANSWERING,
    NOT_ENOUGH,
    WAITING,
    ScreenFrame,
    was_revealed,
)
from facilitate.ui.live_chart import LiveChart

OPEN_TURN_REDRAW_SECONDS = 2.0
VIEW_KEYS = tuple(key for _, key, _ in VIEWS)
TITLES = {key: title for _, key, title in VIEWS}
PROMPTS = {
    "talk": "Whose voices were centred? Who has not yet been heard?",
    "follow": "Who tends to speak after whom, and what does that say about who "
    "is answered?",
    "timeline": "When did the conversation open up, and when did it narrow?",
    "lorenz": "What one thing could we change so the next conversation is shared "
    "more evenly?",
    "equity": "Does each role's share of talk match its share of the room?",
}


class ParticipationPanel:
    """Named widgets: ``frame`` and one ``LiveChart`` per view in ``charts``."""

    #: Asked every display tick: the open turn grows with no new event.
    ticks = True

    def __init__(
        self, context: DisplayContext, clock: Callable[[], float] = time.time
    ) -> None:
        self.session = context.session
        self.clock = clock
        self.frame = ScreenFrame("fc-participation-screen", "Participation equity")
        css = {
            "talk": "talk-share-chart",
            "follow": "follow-chart",
            "timeline": "turn-timeline",
            "lorenz": "lorenz-chart",
            "equity": "equity-chart",
        }
        self.charts = {
            key: LiveChart(
                f"fc-{name}",
                "fc-participation-chart",
                screen=context.screen,
                width=0.86,
                height=0.64,
            )
            for key, name in css.items()
        }
        self.charts["follow"].share = (0.7, 0.66)
        self.root = self.frame.root
        self.drawn: tuple[Any, ...] | None = None
        self.drawn_at = 0.0
        self.turn_open = False

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        """Redraw when the log, the names, k, the view or the reveal changed,
        or every two seconds while a turn runs on."""
        k = release_k(roster, self.session)
        revealed = roster.revealed.get(ACTIVITY, False)
        view = chosen_view(roster, ACTIVITY, VIEW_KEYS)
        last = records[-1].id if records else 0
        every_role = every_role_shown(roster)
        state = (last, roster.show_names(), k, view, revealed, every_role)
        now = self.clock()
        running = (
            revealed
            and self.turn_open
            and now - self.drawn_at >= OPEN_TURN_REDRAW_SECONDS
        )
        if state == self.drawn and not running:
            return
        self.drawn, self.drawn_at = state, now
        self.turn_open = _turn_open(records)
        if revealed:
            self.draw(records, now, roster.show_names(), k, view, every_role)
        else:
            self.waiting(records, was_revealed(records, ACTIVITY))

    def waiting(self, records: list[Recorded], hidden_again: bool) -> None:
        for chart in self.charts.values():
            chart.clear()
        self.frame.set_title("Participation equity")
        if hidden_again:
            self.frame.show_hidden_again()
            return
        turns = len(turns_from_records(records, self.clock()))
        self.frame.show_state(
            ANSWERING if turns else WAITING,
            counted("{count} turn so far.", "{count} turns so far.", turns)
            if turns
            else N_("Talk together."),
            "We note who speaks and for how long, never what is said.",
            key=str(turns) if turns else "",
            next_step="Next: we look at who spoke, and who was heard.",
        )

    def draw(
        self,
        records: list[Recorded],
        now: float,
        names: bool,
        k: int,
        view: str,
        every_role: bool = False,
    ) -> None:
        """Compute the metrics once and show the chosen view, or why not."""
        self.frame.set_title(TITLES[view])
        for key, chart in self.charts.items():
            if key != view:
                chart.clear()
        turns = turns_from_records(records, now)
        if turns.empty:
            self.charts[view].clear()
            self.frame.show_state(NOT_ENOUGH, N_("No talk has been tracked yet."))
            return
        per_person = talk_by_person(
            people_frame(records), turns, contribution_frame(records)
        )
        summary = talk_summary(per_person, turns)
        labels = speaker_labels(per_person, names)
        figure = self.figure(view, per_person, turns, labels, summary, k, every_role)
        if figure is None:
            self.charts[view].clear()
            self.frame.show_state(
                NOT_ENOUGH,
                counted(
                    "Roles are compared once two groups of at least {count} "
                    "people have talked (smaller groups stay private).",
                    "Roles are compared once two groups of at least {count} "
                    "people have talked (smaller groups stay private).",
                    floored(k),
                ),
            )
            return
        self.charts[view].show(figure)
        self.frame.show_result([self.charts[view].root], prompt(view, summary))

    def figure(
        self,
        view: str,
        per_person: Any,
        turns: Any,
        labels: dict[str, str],
        summary: TalkSummary,
        k: int,
        every_role: bool = False,
    ) -> go.Figure | None:
        if view == "follow":
            return follow_figure(per_person, transitions(turns), labels)
        if view == "timeline":
            return timeline_figure(turns, per_person, labels)
        if view == "lorenz":
            return lorenz_figure(lorenz_curve(per_person["talk_seconds"]), summary.gini)
        if view == "equity":
            equity = equity_by_role(per_person, k, DISPLAY, every_role)
            usable = equity.dropna(subset=["talk_ratio"])
            # one group holding everyone has a ratio of 1 by definition
            return equity_figure(usable) if len(usable) >= 2 else None
        return talk_share_figure(per_person, labels)


def prompt(view: str, summary: TalkSummary) -> str:
    """One line for the room, drawn from the discussion's own figures."""
    if view == "talk" and summary.not_spoken:
        return counted(
            "{count} of us has not spoken yet. {prompt}",
            "{count} of us have not spoken yet. {prompt}",
            summary.not_spoken,
            prompt=PROMPTS["talk"],
        )
    if view == "lorenz":
        return gini_in_words(summary.gini)
    return PROMPTS[view]


def _turn_open(records: list[Recorded]) -> bool:
    """True while someone holds the floor, so their turn keeps growing."""
    taps = kept_taps(records)
    return bool(taps) and getattr(taps[-1].event, "speaker", None) is not None
