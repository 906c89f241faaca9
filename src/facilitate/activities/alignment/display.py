"""The shared screen for the alignment phase: where we pull apart, once revealed.

Results stay hidden until the facilitator reveals them (a ``results_revealed``
event, so every screen agrees), and nothing about a practice is drawn until k
people answered it. One result fills the screen at a time, chosen on the remote:
where we pull apart (the tension map beside the top tensions, in words), where we
place each practice on the spectrum, or our vision in our own words. Beside the
top tensions, the practices the room placed well away from their design are
named (at most ``design.SHOWN``). Answers are folded in incrementally (see
``room.RoomAnswers``).
"""

from __future__ import annotations

import math

import ipywidgets as widgets
import pandas as pd

from facilitate.activities.alignment.charts import (
    AGREEMENT_COLOURS,
    spectrum_strip,
    tension_map,
    vision_words_figure,
)
from facilitate.activities.alignment.content import load_alignment
from facilitate.activities.alignment.controls import ACTIVITY, VIEWS
from facilitate.activities.alignment.design import SHOWN
from facilitate.activities.alignment.metrics import RoomPicture
from facilitate.activities.alignment.room import RoomAnswers
from facilitate.core.events import Recorded
from facilitate.core.release import needs_more, release_k
from facilitate.core.roster import Roster
from facilitate.core.text import escape
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
from facilitate.ui.widgets import message, styled

VIEW_KEYS = tuple(key for _, key, _ in VIEWS)
TITLES = {key: title for _, key, title in VIEWS}
TOP_SHOWN = 5


class AlignmentPanel:
    """Named widgets: ``frame``, the ``map``, ``strip`` and ``words`` charts
    (``LiveChart``) and ``top`` (the top tensions, in words)."""

    def __init__(self, context: DisplayContext) -> None:
        self.session = context.session
        self.answers = RoomAnswers(list(load_alignment().practices))
        self.frame = ScreenFrame("fc-alignment-screen", "Shared vision alignment")
        screen = context.screen
        self.map = LiveChart("fc-tension-map", screen=screen, width=0.5, height=0.62)
        self.strip = LiveChart(
            "fc-spectrum-strip", screen=screen, width=0.86, height=0.64
        )
        self.words = LiveChart("fc-vision-words", screen=screen, width=0.7, height=0.6)
        self.top = message("fc-top-tensions")
        self.tensions = styled(
            widgets.HBox([self.map.root, self.top]), "fc-alignment-tensions"
        )
        self.root = self.frame.root
        self.shown: tuple[object, ...] | None = None

    def refresh(self, roster: Roster, records: list[Recorded]) -> None:
        """Recompute only when an answer, the reveal, the view or k changed."""
        revealed = roster.revealed.get(ACTIVITY, False)
        k = release_k(roster, self.session)
        changed = self.answers.fold(records)
        view = chosen_view(roster, ACTIVITY, VIEW_KEYS)
        key = (revealed, k, view, was_revealed(records, ACTIVITY))
        if key == self.shown and not changed:
            return
        self.shown = key
        if revealed:
            self.draw(self.answers.picture(k), k, view)
        else:
            self.waiting(k, hidden_again=key[3])

    def waiting(self, k: int, hidden_again: bool) -> None:
        for chart in (self.map, self.strip, self.words):
            chart.clear()
        self.top.value = ""
        self.frame.set_title("Shared vision alignment")
        if hidden_again:
            self.frame.show_hidden_again()
            return
        people = self.answers.people
        self.frame.show_state(
            ANSWERING if people else WAITING,
            progress_words(people, k, "are placing our practices")
            if people
            else "Place our practices, on your phone.",
            "Place each practice between extrinsic reward and intrinsic "
            "community: where it is now, and where it belongs.",
            key=progress_key(people, k),
            next_step="Next: where we agree, and where we pull apart.",
        )

    def draw(self, picture: RoomPicture, k: int, view: str) -> None:
        self.frame.set_title(TITLES[view])
        if picture.shown.empty:
            most = int(picture.summary["answered"].max())
            self.clear_all()
            self.frame.show_state(NOT_ENOUGH, needs_more(most, k))
            return
        if view == "words":
            self.draw_words(picture, k)
            return
        self.top.value = ""
        for chart in (self.map, self.strip, self.words):
            chart.clear()
        if view == "spectrum":
            self.strip.show(spectrum_strip(picture.distribution))
            self.frame.show_result([self.strip.root], spectrum_prompt(picture))
            return
        top = picture.top.head(TOP_SHOWN)
        self.map.show(tension_map(picture.shown, set(top["practice"])))
        self.top.value = top_tensions_html(top) + design_html(picture.contrasts)
        self.frame.show_result([self.tensions], str(top["prompt"].iloc[0]))

    def draw_words(self, picture: RoomPicture, k: int) -> None:
        self.map.clear()
        self.strip.clear()
        if picture.words is None or picture.words.empty:
            self.words.clear()
            words = (
                "No word was used by enough of us yet"
                if picture.words is not None
                else needs_more(picture.vision_count, k)
            )
            self.frame.show_state(NOT_ENOUGH, words)
            return
        self.words.show(vision_words_figure(picture.words))
        first = escape(str(picture.words["word"].iloc[0]))
        self.frame.show_result(
            [self.words.root],
            f"“{first}” is the word we share most. What would it look like in a "
            "classroom on a Tuesday morning?",
        )

    def clear_all(self) -> None:
        for chart in (self.map, self.strip, self.words):
            chart.clear()
        self.top.value = ""


def in_points(value: float) -> str:
    """A difference of means in plain words: "3 points", "1.5 points"."""
    rounded = round(abs(value), 1)
    number = f"{rounded:.1f}".rstrip("0").rstrip(".")
    return f"{number} point" + ("" if number == "1" else "s")


def gap_in_words(gap: float) -> str:
    """Vision minus now, as the room says it; nothing when they are close."""
    if math.isnan(gap) or abs(gap) < 0.5:
        return ""
    if gap > 0:
        return f"practice lags our vision by {in_points(gap)}"
    return f"practice runs ahead of our vision by {in_points(gap)}"


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
    columns = (top[name].tolist() for name in ("label", "agreement", "gap"))
    for label, agreement, gap in zip(*columns, strict=True):
        words = gap_in_words(float(gap))
        colour = AGREEMENT_COLOURS.get(str(agreement), "#555555")
        items.append(
            '<li class="fc-tension">'
            f'<span class="fc-tension-practice">{escape(label)}</span>'
            f'<span class="fc-tension-label"><i class="fc-swatch" '
            f'style="background:{colour}"></i>{escape(agreement)}</span>'
            f'<span class="fc-tension-gap">{escape(words)}</span></li>'
        )
    return '<ol class="fc-tension-list">' + "".join(items) + "</ol>"


def spectrum_prompt(picture: RoomPicture) -> str:
    """The practice the room places furthest apart on the spectrum."""
    shown = picture.shown
    spread = shown.sort_values("spectrum_consensus", kind="stable")
    if spread.empty or math.isnan(float(spread["spectrum_consensus"].iloc[0])):
        return "Which practice surprised you most, and why?"
    label = str(spread["label"].iloc[0])
    return (
        f"We place {label} furthest apart. What does it do for students when it "
        "works, and when it does not?"
    )
