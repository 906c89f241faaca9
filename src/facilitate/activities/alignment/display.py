"""Console panel for the alignment phase: the room's tensions, once revealed.

Results stay hidden until the facilitator reveals them (a ``results_revealed``
event, so every console agrees), and nothing about a practice is drawn until k
people answered it. Answers are folded in incrementally: the console polls four
times a second, and a room of 200 rating 40 practices must stay responsive.
Before anyone answers, the facilitator may add a practice to everyone's list.
"""

from __future__ import annotations

import math
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd

from facilitate.activities.alignment.charts import (
    spectrum_strip,
    strip_layout,
    strip_trace,
    tension_map,
    tension_traces,
    vision_words_figure,
    word_bars,
    words_height,
)
from facilitate.activities.alignment.content import (
    LEVEL_POINTS,
    SPECTRUM_POINTS,
    Practice,
    load_alignment,
    new_practice,
    session_practices,
)
from facilitate.activities.alignment.design import SHOWN
from facilitate.activities.alignment.events import (
    PracticeAdded,
    PracticeRated,
    VisionOffered,
)
from facilitate.activities.alignment.metrics import (
    AnswerCounts,
    RoomPicture,
    room_picture,
)
from facilitate.activities.alignment.vision_words import vision_word_counts
from facilitate.core.errors import InvalidInput
from facilitate.core.events import Recorded, ResultsRevealed
from facilitate.core.release import needs_more, release_k
from facilitate.core.roster import Roster
from facilitate.core.text import escape
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.live_chart import PlotlyChart, chart_of
from facilitate.ui.widgets import button, heading, message, say, styled

ACTIVITY = "alignment"
_FOLDED = (PracticeRated, VisionOffered, PracticeAdded)


class RoomAnswers:
    """Answer counts kept up to date one event at a time.

    Each person's latest rating per practice is remembered, so a changed answer
    takes its old one out of the histograms before adding the new one.
    """

    def __init__(self, base: list[Practice]) -> None:
        self.practices: list[Practice] = []
        self.row: dict[str, int] = {}
        self.latest: dict[tuple[str, str], PracticeRated] = {}
        self.visions: dict[str, str] = {}
        self.words_of: list[str] | None = None
        self.words = vision_word_counts([])
        self.spectrum = np.zeros((0, SPECTRUM_POINTS))
        self.now = np.zeros((0, LEVEL_POINTS))
        self.vision = np.zeros((0, LEVEL_POINTS))
        self.answered = np.zeros(0, dtype=np.int64)
        self.skipped = np.zeros(0, dtype=np.int64)
        self.seen = 0
        self.add_practices(base)

    def add_practices(self, practices: list[Practice]) -> None:
        new = [p for p in practices if p.key not in self.row]
        for practice in new:
            self.row[practice.key] = len(self.practices)
            self.practices.append(practice)
        grow = len(new)
        self.spectrum = np.vstack([self.spectrum, np.zeros((grow, SPECTRUM_POINTS))])
        self.now = np.vstack([self.now, np.zeros((grow, LEVEL_POINTS))])
        self.vision = np.vstack([self.vision, np.zeros((grow, LEVEL_POINTS))])
        self.answered = np.concatenate([self.answered, np.zeros(grow, np.int64)])
        self.skipped = np.concatenate([self.skipped, np.zeros(grow, np.int64)])
        keys = {p.key for p in new}
        for rating in self.latest.values():
            if rating.practice in keys:
                self._count(rating, 1)

    def fold(self, records: list[Recorded]) -> bool:
        """Take in records not seen yet; True when an answer or practice came in."""
        new = records[self.seen :]
        self.seen = len(records)
        changed = False
        for record in new:
            event = record.event
            changed = changed or isinstance(event, _FOLDED)
            if isinstance(event, PracticeRated):
                earlier = self.latest.get((event.participant, event.practice))
                if earlier is not None:
                    self._count(earlier, -1)
                self.latest[(event.participant, event.practice)] = event
                self._count(event, 1)
            elif isinstance(event, VisionOffered):
                self.visions[event.participant] = event.text
            elif isinstance(event, PracticeAdded):
                self.add_practices(session_practices([], [record]))
        return changed

    def _count(self, rating: PracticeRated, sign: int) -> None:
        row = self.row.get(rating.practice)
        if row is None:
            return
        if rating.skipped:
            self.skipped[row] += sign
            return
        self.answered[row] += sign
        for hist, value in (
            (self.spectrum, rating.spectrum),
            (self.now, rating.now),
            (self.vision, rating.vision),
        ):
            if isinstance(value, int) and 1 <= value <= hist.shape[1]:
                hist[row, value - 1] += sign

    def counts(self) -> AnswerCounts:
        return AnswerCounts(
            spectrum=self.spectrum.copy(),
            now=self.now.copy(),
            vision=self.vision.copy(),
            answered=self.answered.copy(),
            skipped=self.skipped.copy(),
        )

    def picture(self, k: int) -> RoomPicture:
        visions = list(self.visions.values())
        if self.words_of != visions:  # words are counted again only when they change
            self.words_of, self.words = visions, vision_word_counts(visions)
        return room_picture(self.counts(), self.practices, visions, k, self.words)


class AlignmentPanel:
    """Progress, reveal toggle, add-a-practice form, and the revealed results."""

    def __init__(self, context: DisplayContext) -> None:
        self.context = context
        self.store = context.store
        self.session = context.session
        self.answers = RoomAnswers(list(load_alignment().practices))
        self.revealed = False
        self.shown_key: tuple[bool, int] | None = None
        self.progress = message("fc-alignment-progress")
        self.reveal = button("Reveal results", "fc-reveal-alignment")
        self.reveal.on_click(lambda _: self.toggle_reveal())
        self._build_form()
        self.note = message("fc-alignment-note")
        self.top = message("fc-top-tensions")
        self.design = message("fc-alignment-design")
        empty = RoomAnswers([]).picture(self.session.min_group_size)
        self.empty = empty
        self.drawn: dict[str, Any] = {}
        self.map = chart_of(tension_map(empty.shown), "fc-tension-map")
        self.strip = chart_of(spectrum_strip(empty.distribution), "fc-spectrum-strip")
        self.words = chart_of(
            vision_words_figure(vision_word_counts([])), "fc-vision-words"
        )
        self.words_note = message("fc-vision-words-note")
        self.results = styled(widgets.VBox([self.note]), "fc-alignment-results")
        self.root = styled(
            widgets.VBox(
                [
                    heading("Shared vision alignment", "fc-alignment-heading", 3),
                    widgets.HBox([self.reveal, self.progress]),
                    self.form,
                    self.results,
                ]
            ),
            "fc-alignment-console",
        )

    def _build_form(self) -> None:
        self.new_label = styled(
            widgets.Text(placeholder="e.g. Morning meeting", description="Practice"),
            "fc-add-practice-label",
        )
        self.new_description = styled(
            widgets.Text(placeholder="One sentence (optional)", description="About"),
            "fc-add-practice-description",
        )
        self.add = button("Add to everyone's list", "fc-add-practice", style="")
        self.add.on_click(lambda _: self.add_practice())
        self.form_message = message("fc-add-practice-message")
        self.form = styled(
            widgets.VBox(
                [self.new_label, self.new_description, self.add, self.form_message]
            ),
            "fc-add-practice-form",
        )

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        """Recompute only when an answer, the reveal or k changed."""
        self.revealed = roster.revealed.get(ACTIVITY, False)
        k = release_k(roster, self.session)
        changed = self.answers.fold(records)
        key = (self.revealed, k)
        if key == self.shown_key and not changed:
            return
        self.shown_key = key
        self.show_progress()
        if self.revealed:
            self.draw(self.answers.picture(k), k)
        else:
            self.hide()

    def show_progress(self) -> None:
        people = len({participant for participant, _ in self.answers.latest})
        self.progress.value = (
            f"<p>{people} people answering · {len(self.answers.practices)} "
            f"practices · {int(self.answers.skipped.sum())} skips · "
            f"{len(self.answers.visions)} vision statements</p>"
        )
        self.reveal.description = "Hide results" if self.revealed else "Reveal results"
        self.form.layout.display = "none" if self.answers.latest else None

    def hide(self) -> None:
        """Clear the charts too, so hidden results are not even in the page."""
        say(self.note, "Results are hidden. Reveal them when the room is ready.")
        self.top.value = self.design.value = ""
        self.draw_charts(self.empty)
        self.results.children = [self.note]

    def draw(self, picture: RoomPicture, k: int) -> None:
        waiting = int((picture.summary["answered"] < k).sum())
        if picture.shown.empty:
            most = int(picture.summary["answered"].max()) if waiting else 0
            say(self.note, needs_more(most, k))
            self.top.value = self.design.value = ""
            self.draw_charts(self.empty)
            self.results.children = [self.note]
            return
        say(self.note, _waiting_note(waiting, k))
        self.top.value = top_tensions_html(picture.top)
        self.design.value = design_html(picture.contrasts)
        self.draw_charts(picture)
        words = self.words if picture.words is not None else self.words_note
        say(self.words_note, needs_more(picture.vision_count, k))
        self.results.children = [
            self.note, self.top, self.design, self.map, self.strip, words,
        ]  # fmt: skip

    def draw_charts(self, picture: RoomPicture) -> None:
        """Redraw the charts whose data changed.

        Each chart keeps the look it was born with, and a change swaps in only
        the parts its builder takes from the picture (the very dicts
        ``tension_map``, ``spectrum_strip`` and ``vision_words_figure`` are made
        of): building a plotly figure per answer would cost more than a room of
        250 leaves for the whole recompute.
        """
        traces = tension_traces(picture.shown)
        if self._changed("map", traces):
            swap_in(self.map, traces, first=1)
        dots, rows = (
            strip_trace(picture.distribution),
            strip_layout(picture.distribution),
        )
        if self._changed("strip", (dots, rows)):
            swap_in(self.strip, [dots], layout=rows)
        words = picture.words if picture.words is not None else vision_word_counts([])
        bars = word_bars(words)
        if self._changed("words", bars):
            swap_in(self.words, [bars], layout={"height": words_height(words)})

    def _changed(self, name: str, data: object) -> bool:
        if self.drawn.get(name) == data:
            return False
        self.drawn[name] = data
        return True

    def toggle_reveal(self) -> None:
        event = ResultsRevealed(activity=ACTIVITY, revealed=not self.revealed)
        self.context.record(event, self.form_message)

    def add_practice(self) -> None:
        """Add a practice while nobody has answered yet; later the list is fixed."""
        added = self.context.record(self.practice_to_add, self.form_message)
        if added is None:
            return
        self.new_label.value = self.new_description.value = ""
        label = getattr(added[0].event, "label", "")
        say(
            self.form_message,
            f"Added “{label}”: it appears at the end of everyone's list.",
            "success",
        )

    def practice_to_add(self) -> PracticeAdded:
        """The typed practice, validated, or InvalidInput saying what to change."""
        code = self.session.code
        if self.store.read(code, kinds=[PracticeRated.kind]):
            raise InvalidInput(
                "People have started answering, so the list is fixed for this "
                "session. Add the practice to data/practices.yaml for next time."
            )
        added = self.store.read(code, kinds=[PracticeAdded.kind])
        return new_practice(
            self.new_label.value,
            self.new_description.value,
            session_practices(load_alignment().practices, added),
        )


def _waiting_note(waiting: int, k: int) -> str:
    if not waiting:
        return ""
    practices = "practice waits" if waiting == 1 else "practices wait"
    return (
        f"{waiting} {practices} for {k} answers before showing "
        "(small groups stay private)."
    )


def design_html(contrasts: pd.DataFrame) -> str:
    """The practices placed furthest from their design, as sentences (escaped)."""
    if contrasts.empty:
        return ""
    items = "".join(
        f'<li class="fc-design-note">{escape(note)}</li>'
        for note in contrasts["note"].head(SHOWN)
    )
    more = len(contrasts) - SHOWN
    rest = f"<p>{more} more in the summary.</p>" if more > 0 else ""
    return f"<h3>Placed away from their design</h3><ul>{items}</ul>{rest}"


def top_tensions_html(top: pd.DataFrame) -> str:
    """The ranked list the room discusses; every practice name escaped."""
    items = []
    columns = (top[name].tolist() for name in ("label", "agreement", "gap", "prompt"))
    for label, agreement, gap, prompt in zip(*columns, strict=True):
        shown_gap = "" if math.isnan(gap) else f" · vision − now {float(gap):+.1f}"
        items.append(
            '<li class="fc-tension">'
            f'<span class="fc-tension-practice">{escape(label)}</span>: '
            f'<span class="fc-tension-label">{escape(agreement)}</span>'
            f'<span class="fc-tension-gap">{escape(shown_gap)}</span><br>'
            f'<span class="fc-tension-prompt">{escape(prompt)}</span></li>'
        )
    return "<h3>Top tensions</h3><ol>" + "".join(items) + "</ol>"


def swap_in(
    chart: PlotlyChart,
    traces: list[dict[str, Any]],
    first: int = 0,
    layout: dict[str, Any] | None = None,
) -> None:
    """Put ``traces`` (from ``first`` on) and ``layout`` into the chart's figure."""
    figure = chart.figure
    data = list(figure.get("data", []))
    for index, trace in enumerate(traces, start=first):
        data[index] = _merged(data[index], trace)
    chart.figure = {
        **figure,
        "data": data,
        "layout": _merged(figure.get("layout", {}), layout or {}),
    }


def _merged(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """``old`` with ``new``'s values; dicts in both (a marker, an axis) merged."""
    merged = dict(old)
    for key, value in new.items():
        inner = old.get(key)
        if isinstance(value, dict) and isinstance(inner, dict):
            merged[key] = {**inner, **value}
        else:
            merged[key] = value
    return merged
