"""The room's alignment answers, kept up to date one event at a time, and released
in batches of k.

The shared screen polls four times a second, and a room of 200 rating 40
practices must stay responsive, so answers are folded in incrementally rather
than recounted: each person's latest rating per practice is remembered, and a
changed answer takes its old one out of the histograms before adding the new one.

What the room *sees* is a released copy (the release gate's batched release,
``core.release``, rule 5). A practice's figures (means, labels, gaps, positions)
move only when at least k more people have rated or skipped *that practice*
since its last release, and the first release waits for the Reveal. Counting
per practice rather than per person matters: people rate practices one at a
time, so with a per-person count someone already counted could change one
practice while k newcomers rated others, and that practice would move by
exactly their change. Released this way, a practice's figures always move by
k people's answers or more. Vision words are released the same way, counting
people who offered a vision. The summary folds the same log through the same
class, so it shows the released state the display showed.
"""

from __future__ import annotations

import numpy as np

from facilitate.activities.alignment.content import (
    LEVEL_POINTS,
    SPECTRUM_POINTS,
    Practice,
    session_practices,
)
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
from facilitate.core.events import Recorded, ResultsRevealed
from facilitate.core.group_size import GroupSize

#: The activity whose Reveal opens the release (the remote's reveal toggle).
ACTIVITY = "alignment"
_GAPS = 2 * LEVEL_POINTS - 1
_WIDTHS = {"spectrum": SPECTRUM_POINTS, "now": LEVEL_POINTS, "vision": LEVEL_POINTS}


class Tally:
    """Histograms per practice row, the arrays of ``AnswerCounts``."""

    def __init__(self) -> None:
        self.hists = {name: np.zeros((0, w)) for name, w in _WIDTHS.items()}
        self.hists["gaps"] = np.zeros((0, _GAPS))
        self.answered = np.zeros(0, dtype=np.int64)
        self.skipped = np.zeros(0, dtype=np.int64)

    def grow(self, rows: int) -> None:
        for name, hist in self.hists.items():
            self.hists[name] = np.vstack([hist, np.zeros((rows, hist.shape[1]))])
        self.answered = np.concatenate([self.answered, np.zeros(rows, np.int64)])
        self.skipped = np.concatenate([self.skipped, np.zeros(rows, np.int64)])

    def count(self, row: int, rating: PracticeRated, sign: int) -> None:
        """Add (sign 1) or take out (sign -1) one person's rating."""
        if rating.skipped:
            self.skipped[row] += sign
            return
        self.answered[row] += sign
        for name, width in _WIDTHS.items():
            value = getattr(rating, name)
            if _on_scale(value, width):
                self.hists[name][row, value - 1] += sign
        if _on_scale(rating.now, LEVEL_POINTS) and _on_scale(
            rating.vision, LEVEL_POINTS
        ):
            gap = rating.vision - rating.now + LEVEL_POINTS - 1  # type: ignore[operator]
            self.hists["gaps"][row, gap] += sign

    def copy_row(self, other: Tally, row: int) -> None:
        """Take ``other``'s figures for one practice row (a release)."""
        for name, hist in self.hists.items():
            hist[row] = other.hists[name][row]
        self.answered[row] = other.answered[row]
        self.skipped[row] = other.skipped[row]

    def counts(self) -> AnswerCounts:
        return AnswerCounts(
            spectrum=self.hists["spectrum"].copy(),
            now=self.hists["now"].copy(),
            vision=self.hists["vision"].copy(),
            gaps=self.hists["gaps"].copy(),
            answered=self.answered.copy(),
            skipped=self.skipped.copy(),
        )


def _on_scale(value: object, points: int) -> bool:
    return isinstance(value, int) and 1 <= value <= points


class RoomAnswers:
    """Live answer counts and their released copy, one event at a time."""

    def __init__(self, base: list[Practice]) -> None:
        self.practices: list[Practice] = []
        self.row: dict[str, int] = {}
        self.latest: dict[tuple[str, str], PracticeRated] = {}
        self.raters: dict[str, set[str]] = {}
        self.released_raters: dict[str, int] = {}
        self.visions: dict[str, str] = {}
        self.released_visions: list[str] = []
        self.words_of: list[str] | None = None
        self.words = vision_word_counts([])
        self.live = Tally()
        self.shown = Tally()
        self.size = GroupSize()
        self.k = self.size.k
        self.opened = False
        self.placed: set[str] = set()
        self.version = 0  # moves whenever something shown may have changed
        self.seen = 0
        self.add_practices(base)

    def add_practices(self, practices: list[Practice]) -> None:
        new = [p for p in practices if p.key not in self.row]
        for practice in new:
            self.row[practice.key] = len(self.practices)
            self.practices.append(practice)
        self.live.grow(len(new))
        self.shown.grow(len(new))
        keys = {p.key for p in new}
        self.version += bool(new)
        for rating in self.latest.values():
            if rating.practice in keys:
                self.live.count(self.row[rating.practice], rating, 1)
        for key in keys:
            self._release(key)

    def fold(self, records: list[Recorded]) -> bool:
        """Take in records not seen yet; True when something shown may change
        (a release, a practice added, or progress: someone new answered)."""
        new = records[self.seen :]
        self.seen = len(records)
        before = (self.version, len(self.placed), len(self.visions))
        for record in new:
            self._take(record)
        return (self.version, len(self.placed), len(self.visions)) != before

    def _take(self, record: Recorded) -> None:
        event = record.event
        self.size.apply(event)
        if self.size.k != self.k:  # k is read off the log as the gate reads it
            self.k = self.size.k
            self._release_all()
        if isinstance(event, PracticeRated):
            self._rated(event)
        elif isinstance(event, VisionOffered):
            self.visions[event.participant] = event.text
            self._release_visions()
        elif isinstance(event, PracticeAdded):
            self.add_practices(session_practices([], [record]))
        elif isinstance(event, ResultsRevealed) and event.activity == ACTIVITY:
            self.opened = self.opened or event.revealed
            self._release_all()

    def _rated(self, event: PracticeRated) -> None:
        key = (event.participant, event.practice)
        row = self.row.get(event.practice)
        earlier = self.latest.get(key)
        if earlier is not None and row is not None:
            self.live.count(row, earlier, -1)
        self.latest[key] = event
        if row is not None:
            self.live.count(row, event, 1)
        self.raters.setdefault(event.practice, set()).add(event.participant)
        self.placed.add(event.participant)
        self._release(event.practice)

    def _release_all(self) -> None:
        for key in self.row:
            self._release(key)
        self._release_visions()

    def _release(self, key: str) -> None:
        """Release a practice once open and k more people rated or skipped it."""
        row = self.row.get(key)
        raters = len(self.raters.get(key, ()))
        last = self.released_raters.get(key, 0)
        if row is None or not self.opened or raters < last + self.k:
            return
        self.shown.copy_row(self.live, row)
        self.released_raters[key] = raters
        self.version += 1

    def close(self) -> None:
        """Release results never revealed, once the session is over (exports)."""
        if not self.opened:
            self.opened = True
            self._release_all()

    def _release_visions(self) -> None:
        if self.opened and len(self.visions) >= len(self.released_visions) + self.k:
            self.released_visions = list(self.visions.values())
            self.version += 1

    @property
    def people(self) -> int:
        """How many people have answered or skipped a practice so far."""
        return len(self.placed)

    @property
    def offered(self) -> int:
        """How many people have offered a vision so far."""
        return len(self.visions)

    def counts(self) -> AnswerCounts:
        """The released counts: what every shared screen and export may use."""
        return self.shown.counts()

    def live_counts(self) -> AnswerCounts:
        """Every latest answer, released or not: never for a shared screen."""
        return self.live.counts()

    def picture(self, k: int) -> RoomPicture:
        visions = self.released_visions
        if self.words_of != visions:  # words are counted again only when they change
            self.words_of, self.words = visions, vision_word_counts(visions)
        return room_picture(self.counts(), self.practices, visions, k, self.words)


def released_answers(records: list[Recorded], base: list[Practice]) -> RoomAnswers:
    """A whole log folded: the released state the display showed at its end.

    Results never revealed are released at the end of the log, as the gate's
    ``batched_release(close=True)`` does for an export after the session:
    nobody saw an earlier state, so there is nothing to difference against.
    """
    answers = RoomAnswers(base)
    answers.fold(records)
    answers.close()
    return answers
