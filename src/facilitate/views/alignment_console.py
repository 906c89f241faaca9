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
import pandas as pd
import plotly.graph_objects as go

from facilitate.alignment_content import load_alignment, new_practice, session_practices
from facilitate.charts.alignment import spectrum_strip, tension_map, vision_words_figure
from facilitate.charts.style import empty_figure
from facilitate.errors import FacilitateError, InvalidInput
from facilitate.events import (
    PracticeAdded,
    PracticeRated,
    Recorded,
    ResultsRevealed,
    VisionOffered,
)
from facilitate.metrics.alignment import RoomPicture, room_picture
from facilitate.metrics.privacy import needs_more
from facilitate.roster import Roster
from facilitate.text import escape
from facilitate.views.activities import ConsoleContext
from facilitate.views.widgets import button, heading, message, say, styled

ACTIVITY = "alignment"
RATING_COLUMNS = ["participant", "practice", "spectrum", "now", "vision", "skipped"]
_FOLDED = (PracticeRated, VisionOffered, PracticeAdded)


class RoomAnswers:
    """Latest rating per (person, practice) and vision words, folded as they come."""

    def __init__(self, base: list[Any]) -> None:
        self.practices = list(base)
        self.ratings: dict[tuple[str, str], tuple[Any, ...]] = {}
        self.visions: dict[str, str] = {}
        self.seen = 0

    def fold(self, records: list[Recorded]) -> bool:
        """Take in records not seen yet; True when an answer or practice came in."""
        new = records[self.seen :]
        self.seen = len(records)
        changed = False
        for record in new:
            event = record.event
            changed = changed or isinstance(event, _FOLDED)
            if isinstance(event, PracticeRated):
                self.ratings[(event.participant, event.practice)] = (
                    event.participant,
                    event.practice,
                    event.spectrum,
                    event.now,
                    event.vision,
                    event.skipped,
                )
            elif isinstance(event, VisionOffered):
                self.visions[event.participant] = event.text
            elif isinstance(event, PracticeAdded):
                self.practices = session_practices(self.practices, [record])
        return changed

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(list(self.ratings.values()), columns=RATING_COLUMNS)

    def picture(self, k: int) -> RoomPicture:
        return room_picture(
            self.frame(), self.practices, list(self.visions.values()), k
        )


class AlignmentPanel:
    """Progress, reveal toggle, add-a-practice form, and the revealed results."""

    def __init__(self, context: ConsoleContext) -> None:
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
        self.map = styled(go.FigureWidget(), "fc-tension-map")
        self.strip = styled(go.FigureWidget(), "fc-spectrum-strip")
        self.words = styled(go.FigureWidget(), "fc-vision-words")
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
        k = roster.min_group_size(self.session.min_group_size)
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
        ratings = self.answers.ratings.values()
        people = len({row[0] for row in ratings})
        skips = sum(1 for row in ratings if row[5])
        self.progress.value = (
            f"<p>{people} people answering · {len(self.answers.practices)} "
            f"practices · {skips} skips · {len(self.answers.visions)} vision "
            "statements</p>"
        )
        self.reveal.description = "Hide results" if self.revealed else "Reveal results"
        self.form.layout.display = "none" if self.answers.ratings else None

    def hide(self) -> None:
        say(self.note, "Results are hidden. Reveal them when the room is ready.")
        self.top.value = ""
        for figure in (self.map, self.strip, self.words):
            _redraw(figure, go.Figure())
        self.results.children = [self.note]

    def draw(self, picture: RoomPicture, k: int) -> None:
        waiting = int((picture.summary["answered"] < k).sum())
        if picture.shown.empty:
            most = int(picture.summary["answered"].max()) if waiting else 0
            say(self.note, needs_more(most, k))
            self.results.children = [self.note]
            return
        say(self.note, _waiting_note(waiting, k))
        self.top.value = top_tensions_html(picture.top)
        _redraw(self.map, tension_map(picture.shown))
        _redraw(self.strip, spectrum_strip(picture.distribution))
        if picture.words is None:
            note = needs_more(picture.vision_count, k)
            _redraw(self.words, empty_figure("Our shared vision, in our words", note))
        else:
            _redraw(self.words, vision_words_figure(picture.words))
        self.results.children = [self.note, self.top, self.map, self.strip, self.words]

    def toggle_reveal(self) -> None:
        event = ResultsRevealed(activity=ACTIVITY, revealed=not self.revealed)
        self.store.append(self.session.code, event)

    def add_practice(self) -> None:
        """Add a practice while nobody has answered yet; later the list is fixed."""
        code = self.session.code
        base = load_alignment().practices
        added = self.store.read(code, kinds=[PracticeAdded.kind])
        try:
            if self.store.read(code, kinds=[PracticeRated.kind]):
                raise InvalidInput(
                    "People have started answering, so the list is fixed for this "
                    "session. Add the practice to data/practices.yaml for next time."
                )
            event = new_practice(
                self.new_label.value,
                self.new_description.value,
                session_practices(base, added),
            )
            self.store.append(code, event)
        except FacilitateError as error:
            say(self.form_message, str(error), "error")
            return
        self.new_label.value = self.new_description.value = ""
        say(
            self.form_message,
            f"Added “{event.label}”: it appears at the end of everyone's list.",
            "success",
        )


def _redraw(target: go.FigureWidget, figure: go.Figure) -> None:
    """Swap a live chart's traces and layout in one message to the browser."""
    with target.batch_update():
        target.data = []
        target.add_traces(list(figure.data))
        target.layout = figure.layout


def _waiting_note(waiting: int, k: int) -> str:
    if not waiting:
        return ""
    practices = "practice waits" if waiting == 1 else "practices wait"
    return (
        f"{waiting} {practices} for {k} answers before showing "
        "(small groups stay private)."
    )


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
