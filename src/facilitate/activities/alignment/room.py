"""The room's alignment answers, kept up to date one event at a time.

The shared screen polls four times a second, and a room of 200 rating 40
practices must stay responsive, so answers are folded in incrementally rather
than recounted: each person's latest rating per practice is remembered, and a
changed answer takes its old one out of the histograms before adding the new one.
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
from facilitate.core.events import Recorded

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

    @property
    def people(self) -> int:
        """How many people have answered or skipped a practice so far."""
        return len({participant for participant, _ in self.latest})

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
