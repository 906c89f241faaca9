"""The shared screen for the self-assessment: progress, then released results.

The room first sees progress in steps of k ("at least 10 have finished"). Results
appear when the facilitator presses Reveal (a ``ResultsRevealed`` event, so every
screen agrees) and show the latest release only: they move when k more people
have finished, never as one person clicks. Each variant of the inventory (one per
audience) has its own chart, shown once k of its own people have finished.
Private reflections are never read.
"""

from __future__ import annotations

import ipywidgets as widgets

from facilitate.activities.self_assessment.charts import (
    domain_figure,
    identity_figure,
    zone_figure,
)
from facilitate.activities.self_assessment.content import (
    SelfAssessment,
    load_self_assessment,
)
from facilitate.activities.self_assessment.metrics import (
    ACTIVITY,
    RoomResults,
    VariantResults,
    identities_note,
    room_results,
    variant_waits,
)
from facilitate.core.events import Recorded, ResultsRevealed
from facilitate.core.release import shown_once
from facilitate.core.roster import Roster
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.live_chart import LiveChart
from facilitate.ui.widgets import button, message, say, styled


class SelfAssessmentPanel:
    """Named widgets: ``finished``, ``reveal``, ``hidden``, ``status``, the
    ``domains`` charts (``LiveChart``, one per variant key), the ``identities`` and
    ``zones`` charts, and ``notes`` (per variant key, "identities", "zones")."""

    def __init__(self, context: DisplayContext) -> None:
        self.context = context
        self.content: SelfAssessment = load_self_assessment()
        self.finished = message("fc-sa-finished")
        self.reveal = button("Reveal results", "fc-reveal-self-assessment")
        self.reveal.on_click(lambda _: self.toggle())
        self.hidden = message("fc-sa-hidden")
        self.status = message("fc-sa-console-status")
        self.domains = {
            v.key: LiveChart("fc-sa-domain-chart", f"fc-sa-domain-chart-{v.key}")
            for v in self.content.variants
        }
        self.identities = LiveChart("fc-sa-identity-chart")
        self.zones = LiveChart("fc-sa-zone-chart")
        self.notes = {
            name: styled(message("fc-needs-more"), css)
            for name, css in (
                *(
                    (v.key, f"fc-sa-domains-note-{v.key}")
                    for v in self.content.variants
                ),
                ("identities", "fc-sa-identities-note"),
                ("zones", "fc-sa-zones-note"),
            )
        }
        self.results = styled(widgets.VBox(), "fc-sa-results")
        header = widgets.HBox([self.finished, self.reveal])
        self.root = styled(
            widgets.VBox([header, self.hidden, self.status, self.results]),
            "fc-sa-console",
        )
        self.revealed = False
        self.shown: tuple[object, ...] | None = None
        self.seen = -1

    def toggle(self) -> None:
        event = ResultsRevealed(activity=ACTIVITY, revealed=not self.revealed)
        self.context.record(event, self.status)

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        """Redraw only when a release, the reveal or k changed what may be seen."""
        if len(records) == self.seen:
            return
        self.seen = len(records)
        results = room_results(records, self.content)
        revealed = roster.revealed.get(ACTIVITY, False)
        key = (results.key, revealed, results.inventory.progress())
        if key == self.shown:
            return
        self.shown, self.revealed = key, revealed
        say(self.finished, results.inventory.progress())
        self.reveal.description = "Hide results" if revealed else "Reveal results"
        if not revealed:
            say(self.hidden, "Results are hidden until you reveal them.")
            for chart in (*self.domains.values(), self.identities, self.zones):
                chart.clear()
            self.results.children = []
            return
        say(self.hidden, "")
        self.show(results)

    def show(self, results: RoomResults) -> None:
        k = results.inventory.k
        sections = []
        drawn = [
            (v.variant.key, self.domains[v.variant.key], self._domains(v, k))
            for v in results.variants
        ]
        drawn += [
            ("identities", self.identities, self._identities(results)),
            ("zones", self.zones, self._zones(results, k)),
        ]
        for name, chart, shown in drawn:
            if shown is None:
                chart.clear()
            sections += [chart.root, self.notes[name]]
        self.results.children = sections

    def _domains(self, results: VariantResults, k: int) -> bool | None:
        """One variant's chart, or a note that says when it will show."""
        variant = results.variant
        note = self.notes[variant.key]
        if results.domains is None:
            say(note, variant_waits(variant.label, k))
            return None
        say(note, "")
        self.domains[variant.key].show(
            domain_figure(results.domains, variant, self.content, k)
        )
        return True

    def _identities(self, results: RoomResults) -> bool | None:
        frame = results.identities
        k = results.inventory.k
        if frame is None or frame["hidden"].all():
            say(
                self.notes["identities"],
                f"No identity can be named yet: each needs at least {k} people "
                f"choosing it and {k} not.",
            )
            return None
        say(self.notes["identities"], identities_note(frame, k))
        self.identities.show(identity_figure(frame, self.content))
        return True

    def _zones(self, results: RoomResults, k: int) -> bool | None:
        if results.zones is None:
            say(self.notes["zones"], shown_once(k, "people have placed themselves"))
            return None
        say(self.notes["zones"], "")
        self.zones.show(zone_figure(results.zones, self.content, k))
        return True
