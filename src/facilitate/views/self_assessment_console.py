"""Console panel for the self-assessment: progress, then group results on reveal.

The room first sees only how many have finished. Results appear when the
facilitator presses Reveal (a ``ResultsRevealed`` event, so every console agrees),
and even then a chart is drawn only for groups of at least k people; otherwise the
panel says how many more answers are needed. Private reflections are never read.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from facilitate.charts.self_assessment import (
    domain_figure,
    identity_figure,
    zone_figure,
)
from facilitate.config import SMALLEST_ALLOWED_GROUP_SIZE
from facilitate.events import (
    IdentityReflected,
    Recorded,
    ResultsRevealed,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
    ZoneChecked,
)
from facilitate.frames import kind_frame
from facilitate.metrics import self_assessment as metrics
from facilitate.metrics.privacy import is_shown, needs_more
from facilitate.roster import Roster
from facilitate.self_assessment.content import SelfAssessment, load_self_assessment
from facilitate.text import escape
from facilitate.views.activities import ConsoleContext
from facilitate.views.widgets import button, message, say, styled

ACTIVITY = "self_assessment"
_KINDS = frozenset(
    {
        SelfAssessmentAnswered.kind,
        SelfAssessmentSubmitted.kind,
        IdentityReflected.kind,
        ZoneChecked.kind,
    }
)


class ResultSection:
    """A chart that is only in the page when there is something safe to draw.

    A plotly FigureWidget only takes in-place updates while it is on the page, so a
    chart about to (re)appear is built afresh from the figure; one already shown is
    updated in place inside ``batch_update()``.
    """

    def __init__(self, css_class: str, chart_class: str) -> None:
        self.chart_class = chart_class
        self.chart: go.FigureWidget | None = None
        self.note = message("fc-needs-more")
        self.root = styled(widgets.VBox(), css_class)

    def show(self, figure: go.Figure | None, notes: list[str]) -> None:
        """Draw ``figure`` (None: no chart at all) and the sentences in ``notes``."""
        self.note.value = "".join(f"<p>{escape(note)}</p>" for note in notes)
        if figure is not None:
            if self.chart is not None and self.chart in self.root.children:
                self._update(self.chart, figure)
            else:
                self.chart = styled(go.FigureWidget(figure), self.chart_class)
        chart = [self.chart] if figure is not None else []
        children = chart + ([self.note] if notes else [])
        if list(self.root.children) != children:
            self.root.children = children

    def clear(self) -> None:
        """Take everything off the page (results hidden)."""
        self.root.children = []

    @staticmethod
    def _update(chart: go.FigureWidget, figure: go.Figure) -> None:
        with chart.batch_update():
            for trace, new in zip(chart.data, figure.data, strict=True):
                trace.x, trace.y, trace.text = new.x, new.y, new.text
            chart.layout.height = figure.layout.height


class SelfAssessmentPanel:
    """Named widgets: ``finished``, ``reveal``, ``hidden``, ``domains``, ``identities``,
    ``zones`` (each a ``ResultSection``)."""

    def __init__(self, context: ConsoleContext) -> None:
        self.context = context
        self.content: SelfAssessment = load_self_assessment()
        self.finished = message("fc-sa-finished")
        self.reveal = button("Reveal results", "fc-reveal-self-assessment")
        self.reveal.on_click(lambda _: self.toggle())
        self.hidden = message("fc-sa-hidden")
        self.domains = ResultSection("fc-sa-domains", "fc-sa-domain-chart")
        self.identities = ResultSection("fc-sa-identities", "fc-sa-identity-chart")
        self.zones = ResultSection("fc-sa-zones", "fc-sa-zone-chart")
        self.results = styled(widgets.VBox(), "fc-sa-results")
        header = widgets.HBox([self.finished, self.reveal])
        self.root = styled(
            widgets.VBox([header, self.hidden, self.results]), "fc-sa-console"
        )
        self.revealed = False
        self.shown: tuple[int, bool, int, int] | None = None

    def toggle(self) -> None:
        event = ResultsRevealed(activity=ACTIVITY, revealed=not self.revealed)
        self.context.store.append(self.context.session.code, event)

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        """Recompute only when this activity's events, the reveal or k changed."""
        ours = [r for r in records if r.kind in _KINDS]
        k = max(
            roster.min_group_size(self.context.session.min_group_size),
            SMALLEST_ALLOWED_GROUP_SIZE,
        )
        revealed = roster.revealed.get(ACTIVITY, False)
        key = (len(ours), revealed, k, roster.count)
        if key == self.shown:
            return
        self.shown, self.revealed = key, revealed
        submitted = kind_frame(ours, SelfAssessmentSubmitted.kind)
        say(
            self.finished,
            f"{metrics.finished_count(submitted)} of {roster.count} have finished.",
        )
        self.reveal.description = "Hide results" if revealed else "Reveal results"
        if not revealed:
            say(self.hidden, "Results are hidden until you reveal them.")
            self.results.children = []
            for section in (self.domains, self.identities, self.zones):
                section.clear()
            return
        say(self.hidden, "")
        self.show_domains(ours, submitted, k)
        self.show_identities(ours, submitted, k)
        self.show_zones(ours, k)
        self.results.children = [
            self.domains.root,
            self.identities.root,
            self.zones.root,
        ]

    def show_domains(
        self, ours: list[Recorded], submitted: pd.DataFrame, k: int
    ) -> None:
        answers = kind_frame(ours, SelfAssessmentAnswered.kind)
        latest = metrics.submitted_answers(answers, submitted)
        people = metrics.domain_people(latest, self.content)
        notes = metrics.domain_notes(people, k)
        distribution = metrics.domain_distribution(latest, self.content, k)
        figure = (
            None if distribution.empty else domain_figure(distribution, self.content)
        )
        self.domains.show(figure, notes)

    def show_identities(
        self, ours: list[Recorded], submitted: pd.DataFrame, k: int
    ) -> None:
        reflections = kind_frame(ours, IdentityReflected.kind)
        people = metrics.identity_people(reflections, submitted, self.content)
        counts = metrics.identity_counts(reflections, submitted, self.content, k)
        notes = metrics.identity_notes(people, k)
        if counts.empty and not notes:
            notes = [f"No identity was chosen by {k} or more people, so none is named."]
        figure = None if counts.empty else identity_figure(counts, self.content)
        self.identities.show(figure, notes)

    def show_zones(self, ours: list[Recorded], k: int) -> None:
        zones = kind_frame(ours, ZoneChecked.kind)
        people = metrics.zone_people(zones)
        counts = metrics.zone_counts(zones, self.content, k)
        notes = [
            f"Zones at the {moment}: {needs_more(count, k)}"
            for moment, count in people.items()
            if not is_shown(count, k)
        ]
        figure = None if counts.empty else zone_figure(counts, self.content)
        self.zones.show(figure, notes)
