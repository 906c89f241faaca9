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
from facilitate.activities.alignment.metrics import RoomPicture, placed_apart
from facilitate.activities.alignment.prompts import gap_in_words, in_points
from facilitate.activities.alignment.room import RoomAnswers
from facilitate.activities.alignment.verdicts import TOO_FEW
from facilitate.core.events import Recorded
from facilitate.core.group_size import release_k
from facilitate.core.language import N_, counted, phrased
from facilitate.core.roster import Roster
from facilitate.core.text import escape
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.controls import chosen_view
from facilitate.ui.display_states import (
    NOT_ENOUGH,
    ScreenFrame,
    progress_words,
    was_revealed,
)
from facilitate.ui.live_chart import LiveChart
from facilitate.ui.revealed_panel import RevealedPanel
from facilitate.ui.widgets import message, styled

VIEW_KEYS = tuple(key for _, key, _ in VIEWS)
TITLES = {key: title for _, key, title in VIEWS}
TOP_SHOWN = 5
#: Rows of the spectrum strip: more cannot be read from the back of the room.
STRIP_SHOWN = 8
#: Re-exported: the words beside each practice are written in ``prompts``.
__all__ = ["AlignmentPanel", "gap_in_words", "in_points", "placed_progress"]
PLACED = N_("are placing our practices")
OFFERED = N_("have offered our vision in words")


class AlignmentPanel(RevealedPanel):
    """Named widgets: ``frame``, the ``map``, ``strip`` and ``words`` charts
    (``LiveChart``) and ``top`` (the top tensions, in words)."""

    done = PLACED

    def __init__(self, context: DisplayContext) -> None:
        self.session = context.session
        self.answers = RoomAnswers(list(load_alignment().practices))
        self.frame = ScreenFrame("fc-alignment-screen", "Shared vision alignment")
        screen = context.screen
        self.map = LiveChart("fc-tension-map", screen=screen, width=0.5, height=0.56)
        self.strip = LiveChart(
            "fc-spectrum-strip", screen=screen, width=0.86, height=0.64
        )
        self.words = LiveChart("fc-vision-words", screen=screen, width=0.7, height=0.6)
        self.top = message("fc-top-tensions")
        self.tensions = styled(
            widgets.HBox([self.map.root, self.top]), "fc-alignment-tensions"
        )
        super().__init__(self.frame, [self.map, self.strip, self.words])
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
        self.frame.set_title("Shared vision alignment")
        self.show_waiting(
            self.answers.people,
            k,
            hidden_again,
            invite="Place our practices, on your phone.",
            detail="Place each practice between extrinsic reward and intrinsic "
            "community: where it is now, and where it belongs.",
            next_step="Next: where we agree, and where we pull apart.",
        )

    def draw(self, picture: RoomPicture, k: int, view: str) -> None:
        self.frame.set_title(TITLES[view])
        if picture.shown.empty:
            self.clear_charts()
            self.frame.show_state(NOT_ENOUGH, *placed_progress(self.answers.people, k))
            return
        if view == "words":
            self.draw_words(picture, k)
            return
        self.clear_charts()
        if view == "spectrum":
            self.draw_spectrum(picture, k)
            return
        top = picture.top.head(TOP_SHOWN)
        self.map.show(tension_map(picture.shown, set(top["practice"])))
        self.top.value = top_tensions_html(top) + design_html(picture.contrasts)
        self.frame.show_result([self.tensions], picture.headline)

    def draw_spectrum(self, picture: RoomPicture, k: int) -> None:
        """The strip, or a sentence when no practice shows two groups: one run
        over the whole spectrum says nothing about where we place it."""
        if not placed_apart(picture.placements):
            self.frame.show_state(
                NOT_ENOUGH,
                counted(
                    "No practice is placed in two groups of {count} or more yet.",
                    "No practice is placed in two groups of {count} or more yet.",
                    k,
                ),
                counted(
                    "A place is shown once at least {count} of us put a practice "
                    "there or nearby (smaller groups stay private).",
                    "A place is shown once at least {count} of us put a practice "
                    "there or nearby (smaller groups stay private).",
                    k,
                ),
            )
            return
        rows, more = strip_rows(picture)
        self.strip.show(spectrum_strip(rows))
        self.top.value = (
            "<p>{}</p>".format(
                counted(
                    "{count} more practice is in the summary.",
                    "{count} more practices are in the summary.",
                    more,
                )
            )
            if more
            else ""
        )
        parts = [self.strip.root, self.top] if more else [self.strip.root]
        self.frame.show_result(parts, picture.spectrum_headline)

    def draw_words(self, picture: RoomPicture, k: int) -> None:
        if picture.words is None or picture.words.empty:
            words = (
                ("No word was used by enough of us yet", "")
                if picture.words is not None
                else (progress_words(self.answers.offered, k, OFFERED), "")
            )
            self.frame.show_state(NOT_ENOUGH, *words)
            return
        self.words.show(vision_words_figure(picture.words))
        first = escape(str(picture.words["word"].iloc[0]))
        self.frame.show_result(
            [self.words.root],
            phrased(
                "“{word}” is the word we share most. What would it look like in "
                "a classroom on a Tuesday morning?",
                word=first,
            ),
        )

    def clear_charts(self) -> None:
        """The charts, and the top tensions beside the map."""
        super().clear_charts()
        self.top.value = ""


def placed_progress(people: int, k: int) -> tuple[str, str]:
    """Headline and detail while no practice has k answers: progress in steps
    of k ("Fewer than 3 ...", then "At least 3 ..."), never an exact count."""
    return (
        progress_words(people, k, PLACED),
        counted(
            "Each practice is shown once at least {count} of us have placed it "
            "(smaller groups stay private).",
            "Each practice is shown once at least {count} of us have placed it "
            "(smaller groups stay private).",
            k,
        ),
    )


def strip_rows(
    picture: RoomPicture, limit: int = STRIP_SHOWN
) -> tuple[pd.DataFrame, int]:
    """The placements of at most ``limit`` practices, those placed apart first
    (least agreement first), and how many practices are left out: a strip of
    24 rows cannot be read from the back of the room."""
    placements = picture.placements
    groups = placements.groupby("practice", sort=False).size()
    consensus = dict(
        zip(picture.shown["practice"], picture.shown["spectrum_consensus"], strict=True)
    )
    order = sorted(
        groups.index, key=lambda key: (groups[key] < 2, consensus.get(key, 1.0))
    )
    kept = set(order[:limit])
    rows = placements.loc[placements["practice"].isin(kept)]
    rank = {key: place for place, key in enumerate(order)}
    rows = rows.assign(_rank=rows["practice"].map(rank)).sort_values(
        ["_rank", "start"], kind="stable"
    )
    return rows.drop(columns="_rank").reset_index(drop=True), max(len(order) - limit, 0)


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
    names = ("label", "agreement", "gap", "gap_clear")
    columns = (top[name].tolist() for name in names)
    for label, agreement, gap, clear in zip(*columns, strict=True):
        # beside "too few answers to tell", nothing else is said
        words = "" if agreement == TOO_FEW else gap_in_words(float(gap), bool(clear))
        colour = AGREEMENT_COLOURS.get(str(agreement), "#555555")
        items.append(
            '<li class="fc-tension">'
            f'<span class="fc-tension-practice">{escape(label)}</span>'
            f'<span class="fc-tension-label"><i class="fc-swatch" '
            f'style="background:{colour}"></i>{escape(agreement)}</span>'
            f'<span class="fc-tension-gap">{escape(words)}</span></li>'
        )
    return '<ol class="fc-tension-list">' + "".join(items) + "</ol>"
