"""The shared screen for the self-assessment: progress, then released results.

The room first sees progress in steps of k ("at least 10 have finished"). Results
appear when the facilitator presses Reveal (a ``ResultsRevealed`` event, so every
screen agrees) and show the latest release only: they move when k more people
have finished, never as one person clicks. One result fills the screen at a time
(domains, identities or zones, chosen on the remote). Private reflections are
never read.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from facilitate.activities.self_assessment.charts import (
    domain_figure,
    identity_figure,
    zone_figure,
)
from facilitate.activities.self_assessment.content import (
    SelfAssessment,
    load_self_assessment,
)
from facilitate.activities.self_assessment.controls import VIEWS
from facilitate.activities.self_assessment.metrics import (
    ACTIVITY,
    RoomResults,
    identities_note,
    room_results,
)
from facilitate.core.events import Recorded
from facilitate.core.release import floored, shown_once
from facilitate.core.roster import Roster
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.controls import chosen_view
from facilitate.ui.display_states import (
    ANSWERING,
    NOT_ENOUGH,
    WAITING,
    ScreenFrame,
    progress_key,
    progress_words,
    was_revealed,
)
from facilitate.ui.live_chart import LiveChart

VIEW_KEYS = tuple(key for _, key, _ in VIEWS)
TITLES = {key: title for _, key, title in VIEWS}


class SelfAssessmentPanel:
    """Named widgets: ``frame`` (a ``ScreenFrame``) and the ``domains``,
    ``identities`` and ``zones`` charts (``LiveChart``)."""

    def __init__(self, context: DisplayContext) -> None:
        self.content: SelfAssessment = load_self_assessment()
        self.frame = ScreenFrame("fc-sa-screen", self.content.title)
        self.charts = {
            name: LiveChart(
                f"fc-sa-{name[:-1] if name != 'identities' else 'identity'}-chart",
                screen=context.screen,
                width=0.84,
                height=0.6,
            )
            for name in VIEW_KEYS
        }
        self.domains = self.charts["domains"]
        self.identities = self.charts["identities"]
        self.zones = self.charts["zones"]
        self.root = self.frame.root
        self.shown: tuple[object, ...] | None = None
        self.seen = -1

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        """Redraw only when a release, the reveal, the view or k changed."""
        if len(records) == self.seen:
            return
        self.seen = len(records)
        results = room_results(records, self.content)
        revealed = roster.revealed.get(ACTIVITY, False)
        view = chosen_view(roster, ACTIVITY, VIEW_KEYS)
        key = (results.key, revealed, view, results.inventory.progress())
        if key == self.shown:
            return
        self.shown = key
        if revealed:
            self.show(results, view)
        else:
            self.waiting(results, was_revealed(records, ACTIVITY))

    def waiting(self, results: RoomResults, hidden_again: bool) -> None:
        for chart in self.charts.values():
            chart.clear()
        self.frame.set_title(self.content.title)
        if hidden_again:
            self.frame.show_hidden_again()
            return
        done, k = results.inventory.submitted, results.inventory.k
        self.frame.show_state(
            ANSWERING if done else WAITING,
            progress_words(done, k, "have finished")
            if done
            else "Take a quiet look at your own practice, on your phone.",
            "Your answers stay private: the room only ever sees groups of at "
            f"least {k}.",
            key=progress_key(done, k),
            next_step="Next: the room's results, once at least "
            f"{k} have finished and the facilitator shows them.",
        )

    def show(self, results: RoomResults, view: str) -> None:
        """The chosen result, or why it cannot be shown yet."""
        self.frame.set_title(TITLES[view])
        for name, chart in self.charts.items():
            if name != view:
                chart.clear()
        draw: dict[str, Callable[[RoomResults], str | None]] = {
            "domains": self._domains,
            "identities": self._identities,
            "zones": self._zones,
        }
        missing = draw[view](results)
        if missing is not None:
            self.charts[view].clear()
            self.frame.show_state(NOT_ENOUGH, missing)
            return
        self.frame.show_result([self.charts[view].root], self.prompt(results, view))

    def _domains(self, results: RoomResults) -> str | None:
        k = results.inventory.k
        if results.domains is None:
            return shown_once(k, "people have finished")
        self.domains.show(domain_figure(results.domains, self.content, k))
        return None

    def _identities(self, results: RoomResults) -> str | None:
        frame, k = results.identities, floored(results.inventory.k)
        if frame is None or frame["hidden"].all():
            return (
                f"No identity can be named yet: each needs at least {k} people "
                f"choosing it and {k} not."
            )
        self.identities.show(identity_figure(frame, self.content))
        return None

    def _zones(self, results: RoomResults) -> str | None:
        k = results.inventory.k
        if results.zones is None:
            return shown_once(k, "people have placed themselves")
        self.zones.show(zone_figure(results.zones, self.content, k))
        return None

    def prompt(self, results: RoomResults, view: str) -> str:
        if view == "domains" and results.domains is not None:
            return domain_prompt(results.domains, self.content)
        if view == "identities" and results.identities is not None:
            note = identities_note(results.identities, results.inventory.k)
            return note or identity_prompt(results.identities)
        if view == "zones" and results.zones is not None:
            return zone_prompt(results.zones)
        return ""


def _most_shown(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows that are shown, largest count first (ties keep the content order)."""
    shown = frame.loc[~frame["hidden"].astype(bool)].copy()
    shown["count"] = shown["count"].astype(int)
    return shown.sort_values("count", ascending=False, kind="stable")


def domain_prompt(domains: pd.DataFrame, content: SelfAssessment) -> str:
    """Where the room's most common answer sits lowest on the scale."""
    shown = _most_shown(domains)
    scored = shown.loc[shown["answer"].map(content.score_of).notna()]
    if scored.empty:
        return "Which statement made you pause, and why?"
    typical = scored.drop_duplicates("domain")
    scores = [content.score_of(str(answer)) or 0 for answer in typical["answer"]]
    lowest = typical.iloc[scores.index(min(scores))]
    return (
        f"In “{lowest['title']}”, the most common answer was "
        f"“{str(lowest['label']).lower()}”. What would it take to move one step?"
    )


def identity_prompt(identities: pd.DataFrame) -> str:
    shown = _most_shown(identities)
    if shown.empty:
        return ""
    return (
        f"{shown.iloc[0]['label']} is the identity we named most. "
        "Whose identities do we rarely think about?"
    )


def zone_prompt(zones: pd.DataFrame) -> str:
    shown = _most_shown(zones.loc[zones["moment"] == zones["moment"].iloc[-1]])
    if shown.empty:
        return "What would help each of us stay in the risk zone, where we learn?"
    return (
        f"Most of us placed ourselves in the {str(shown.iloc[0]['label']).lower()}. "
        "What would help us learn from the risk zone?"
    )
