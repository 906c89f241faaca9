"""The shared screen for the self-assessment: progress, then released results.

The room first sees progress in steps of k ("at least 10 have finished"). Results
appear when the facilitator presses Reveal (a ``ResultsRevealed`` event, so every
screen agrees) and show the latest release only: they move when k more people
have finished, never as one person clicks. One result fills the screen at a time
(domains, identities or zones, chosen on the remote). Each variant of the
inventory (one per audience) has its own domains chart, shown once k of its own
people have finished; the variants still waiting say so beneath. Private
reflections are never read.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
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
from facilitate.core.group_size import floored
from facilitate.core.language import N_, counted, phrased
from facilitate.core.release_words import shown_once
from facilitate.core.roster import Roster
from facilitate.core.text import escape
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.controls import chosen_view
from facilitate.ui.display_states import ScreenFrame, was_revealed
from facilitate.ui.live_chart import LiveChart
from facilitate.ui.revealed_panel import RevealedPanel
from facilitate.ui.widgets import message, say, styled

VIEW_KEYS = tuple(key for _, key, _ in VIEWS)
TITLES = {key: title for _, key, title in VIEWS}


class SelfAssessmentPanel(RevealedPanel):
    """Named widgets: ``frame`` (a ``ScreenFrame``), the ``domains`` charts
    (``LiveChart``, one per variant key), ``still_private`` (the variants not
    shown yet), and the ``identities`` and ``zones`` charts."""

    done = N_("have finished")

    def __init__(self, context: DisplayContext) -> None:
        self.content: SelfAssessment = load_self_assessment()
        self.frame = ScreenFrame("fc-sa-screen", self.content.title)
        screen = context.screen
        self.domains = {
            v.key: LiveChart(
                "fc-sa-domain-chart",
                f"fc-sa-domain-chart-{v.key}",
                screen=screen,
                width=0.84,
                height=0.6,
            )
            for v in self.content.variants
        }
        self.still_private = message("fc-sa-still-private")
        #: Which set of statements each chart shows, when several are shown.
        self.set_names = {
            v.key: message("fc-sa-set-name") for v in self.content.variants
        }
        self.identities = LiveChart(
            "fc-sa-identity-chart", screen=screen, width=0.84, height=0.6
        )
        self.zones = LiveChart(
            "fc-sa-zone-chart", screen=screen, width=0.84, height=0.6
        )
        super().__init__(
            self.frame, [*self.domains.values(), self.identities, self.zones]
        )
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
        self.frame.set_title(self.content.title)
        k = results.inventory.k
        self.show_waiting(
            results.inventory.submitted,
            k,
            hidden_again,
            invite="Take a quiet look at your own practice, on your phone.",
            detail=counted(
                "Your answers stay private: the room only ever sees groups of "
                "at least {count}.",
                "Your answers stay private: the room only ever sees groups of "
                "at least {count}.",
                k,
            ),
            next_step=counted(
                "Next: the room's results, once at least {count} have finished "
                "and the facilitator shows them.",
                "Next: the room's results, once at least {count} have finished "
                "and the facilitator shows them.",
                k,
            ),
        )

    def show(self, results: RoomResults, view: str) -> None:
        """The chosen result, or why it cannot be shown yet."""
        self.frame.set_title(TITLES[view])
        draw: dict[str, Callable[[RoomResults], list[widgets.Widget] | str]] = {
            "domains": self._domains,
            "identities": self._identities,
            "zones": self._zones,
        }
        shown = draw[view](results)
        if isinstance(shown, str):
            self.show_too_few(shown, results.inventory.submitted, results.inventory.k)
            return
        drawn = set(map(id, _within(shown)))
        for chart in self.charts:
            if id(chart.root) not in drawn:
                chart.clear()
        self.frame.show_result(shown, self.prompt(results, view))

    def _domains(self, results: RoomResults) -> list[widgets.Widget] | str:
        """A chart per released variant, then one line naming every variant not
        shown yet, whether or not anyone used it (so the line says nothing about
        who is in the room); a sentence while no variant is released. Several
        variants stand side by side, two to a row, each named by its set (the
        chart's own title gives way to the screen's title line)."""
        k = results.inventory.k
        released = [(v, v.domains) for v in results.variants if v.domains is not None]
        if not released:
            return shown_once(k, N_("people using the same statements have finished"))
        several = len(released) > 1
        rows = (len(released) + 1) // 2
        share = (0.42, 0.5 / rows) if several else (0.84, 0.6)
        cells: list[widgets.Widget] = []
        for found, domains in released:
            chart = self.domains[found.variant.key]
            chart.share = share
            chart.show(domain_figure(domains, found.variant, self.content, k, several))
            if not several:
                cells.append(chart.root)
                continue
            name = self.set_names[found.variant.key]
            name.value = f"<h3>{escape(found.variant.label)}</h3>"
            cells.append(styled(widgets.VBox([name, chart.root]), "fc-sa-set"))
        parts = (
            [
                styled(widgets.HBox(cells[i : i + 2]), "fc-sa-sets")
                for i in range(0, len(cells), 2)
            ]
            if several
            else cells
        )
        waiting = [v.variant.label for v in results.variants if v.domains is None]
        say(self.still_private, still_private(waiting, k))
        return [*parts, self.still_private] if waiting else parts

    def _identities(self, results: RoomResults) -> list[widgets.Widget] | str:
        frame, k = results.identities, floored(results.inventory.k)
        if frame is None or frame["hidden"].all():
            return counted(
                "No identity can be named yet: each needs at least {count} people "
                "choosing it and {count} not.",
                "No identity can be named yet: each needs at least {count} people "
                "choosing it and {count} not.",
                k,
            )
        self.identities.show(identity_figure(frame, self.content))
        return [self.identities.root]

    def _zones(self, results: RoomResults) -> list[widgets.Widget] | str:
        k = results.inventory.k
        if results.zones is None:
            return shown_once(k, N_("people have placed themselves"))
        self.zones.show(zone_figure(results.zones, self.content, k))
        return [self.zones.root]

    def prompt(self, results: RoomResults, view: str) -> str:
        released = [v.domains for v in results.variants if v.domains is not None]
        if view == "domains" and released:  # the first audience in the content
            return domain_prompt(released[0], self.content)
        if view == "identities" and results.identities is not None:
            note = identities_note(results.identities, results.inventory.k)
            return note or identity_prompt(results.identities)
        if view == "zones" and results.zones is not None:
            return zone_prompt(results.zones)
        return ""


def _within(parts: list[widgets.Widget]) -> list[widgets.Widget]:
    """Every widget in ``parts``, boxes opened (charts may sit in a row)."""
    found = []
    for part in parts:
        found.append(part)
        found += _within(list(getattr(part, "children", ())))
    return found


def _most_shown(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows that are shown, largest count first (ties keep the content order)."""
    shown = frame.loc[~frame["hidden"].astype(bool)].copy()
    shown["count"] = shown["count"].astype(int)
    return shown.sort_values("count", ascending=False, kind="stable")


def domain_prompt(domains: pd.DataFrame, content: SelfAssessment) -> str:
    """Where the room's largest group of answers sits lowest on the scale.

    Only a domain whose largest group is larger than every other one is named:
    an even split has no most common answer.
    """
    whole = len(content.answer_keys) - 1  # a group spanning the scale says nothing
    shown = _most_shown(domains)
    shown = shown.loc[shown["members"].map(len) < whole]
    scored = shown.loc[shown["answer"].map(content.score_of).notna()]
    clear = [
        rows.iloc[0]
        for _, rows in scored.groupby("domain", sort=False)
        if len(rows) == 1 or rows["count"].iloc[0] > rows["count"].iloc[1]
    ]
    if not clear:
        return "Which statement made you pause, and why?"
    lowest = min(clear, key=lambda row: content.score_of(str(row["answer"])) or 0)
    return phrased(
        "In “{domain}”, the most common answer was “{answer}”. "
        "What would it take to move one step?",
        domain=lowest["title"],
        answer=str(lowest["label"]).lower(),
    )


def identity_prompt(identities: pd.DataFrame) -> str:
    """The identity named most; a merged group names no one identity."""
    shown = _most_shown(identities.loc[~identities["merged"]])
    if shown.empty:
        return ""
    return phrased(
        "{identity} is the identity we named most. "
        "Whose identities do we rarely think about?",
        identity=shown.iloc[0]["label"],
    )


def zone_prompt(zones: pd.DataFrame) -> str:
    """Where most of us are, said only when one group of zones really is the
    largest ("most" only for more than half)."""
    latest = zones.loc[zones["moment"] == zones["moment"].iloc[-1]]
    shown = _most_shown(latest)
    people = sum(int(c) for c in latest["count"] if c is not None)
    people += int(latest["withheld"].max()) if len(latest) else 0
    top = shown["count"].tolist()
    if not top or (len(top) > 1 and top[0] == top[1]):
        return "What would help each of us stay in the risk zone, where we learn?"
    where = str(shown.iloc[0]["label"]).lower()
    if top[0] * 2 > people:
        return phrased(
            "Most of us placed ourselves in the {zone}. "
            "What would help us learn from the risk zone?",
            zone=where,
        )
    return phrased(
        "More of us than anywhere else placed ourselves in the {zone}. "
        "What would help us learn from the risk zone?",
        zone=where,
    )


def still_private(labels: list[str], k: int) -> str:
    """One line for the statements not shown yet: "Not shown yet: A and B, …"."""
    if not labels:
        return ""
    k = floored(k)
    if len(labels) == 1:
        return counted(
            "Not shown yet: {names}, until at least {count} people using its "
            "statements have finished.",
            "Not shown yet: {names}, until at least {count} people using its "
            "statements have finished.",
            k,
            names=labels[0],
        )
    return counted(
        "Not shown yet: {names} and {last}, each until at least {count} people "
        "using its statements have finished.",
        "Not shown yet: {names} and {last}, each until at least {count} people "
        "using its statements have finished.",
        k,
        names=", ".join(labels[:-1]),
        last=labels[-1],
    )
