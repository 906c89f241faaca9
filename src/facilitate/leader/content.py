"""The closing phase's content and folds: feedback form, leader notes and rubric.

Pure Python (no pandas): the participant's feedback form imports it while a
phone's kernel is joining. The leader's notes and rubric choices are events where
the latest per section wins, so a saved draft can be revised at any time; word
counts are reported, never enforced by cutting text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from facilitate.core.content import load_yaml, require, require_list
from facilitate.core.errors import InvalidContent
from facilitate.core.events import LeaderNoteSaved, Recorded, RubricChecked

#: The micro-credential's limit for the reflection (all four reflection sections).
REFLECTION_WORD_LIMIT = 500
#: Characters allowed in one leader note: generous, so going over the word limit
#: is shown and reported rather than refused.
NOTE_CHARACTER_LIMIT = 20_000


@dataclass(frozen=True)
class NoteSection:
    key: str
    title: str
    hint: str
    counts_toward_limit: bool


NOTE_SECTIONS: tuple[NoteSection, ...] = (
    NoteSection("context", "Context", "Who met, where, and why now.", False),
    NoteSection("goals", "Goals", "What this meeting set out to achieve.", False),
    NoteSection("what_happened", "What happened", "What you noticed.", True),
    NoteSection("next_steps", "Next steps", "What the team will do next.", True),
    NoteSection("roadblocks", "Likely roadblocks", "What may get in the way.", True),
    NoteSection(
        "strategies", "Strategies", "How you will overcome those roadblocks.", True
    ),
)
_WORD = re.compile(r"\S*[^\W_]\S*")


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of non-space holding a letter or digit.

    Hyphenated words and contractions count once; a lone dash or bullet does not.
    """
    return len(_WORD.findall(text or ""))


@dataclass(frozen=True)
class WordReport:
    """Word counts of the reflection against the limit."""

    per_section: dict[str, int]
    total: int
    limit: int = REFLECTION_WORD_LIMIT

    @property
    def over_by(self) -> int:
        return max(self.total - self.limit, 0)

    def sentence(self) -> str:
        """One line for the page and the export; going over is said, not hidden."""
        if self.over_by:
            return (
                f"The reflection is {self.total} words: {self.over_by} over the "
                f"{self.limit}-word limit. Nothing has been cut."
            )
        return f"The reflection is {self.total} of {self.limit} words."


def word_report(notes: dict[str, str]) -> WordReport:
    """Counts for every section; the total covers only the reflection sections."""
    per_section = {s.key: count_words(notes.get(s.key, "")) for s in NOTE_SECTIONS}
    total = sum(per_section[s.key] for s in NOTE_SECTIONS if s.counts_toward_limit)
    return WordReport(per_section=per_section, total=total)


def latest_notes(records: Iterable[Recorded]) -> dict[str, str]:
    """The leader's current text per section (later saves win)."""
    notes: dict[str, str] = {}
    for record in records:
        if isinstance(record.event, LeaderNoteSaved):
            notes[record.event.section] = record.event.text
    return notes


def latest_rubric(records: Iterable[Recorded]) -> dict[str, str]:
    """The leader's current self-check level per criterion (later checks win)."""
    levels: dict[str, str] = {}
    for record in records:
        if isinstance(record.event, RubricChecked):
            levels[record.event.criterion] = record.event.level
    return levels


# --- the rubric ---------------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    key: str
    label: str


@dataclass(frozen=True)
class Evidence:
    """Where in the summary a criterion can be seen, and what to look for."""

    section: str
    why: str


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    question: str
    descriptors: dict[str, str]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Rubric:
    levels: tuple[Level, ...]
    criteria: tuple[Criterion, ...]

    def level_label(self, key: str) -> str:
        return next((level.label for level in self.levels if level.key == key), "")


def load_rubric(folder: Path | None = None) -> Rubric:
    """The Facilitate / Lead rubric from ``data/rubric.yaml``."""
    source = "rubric.yaml"
    raw = load_yaml(source, folder)
    levels = tuple(
        Level(str(require(item, "key", source)), str(require(item, "label", source)))
        for item in require_list(raw, "levels", source)
    )
    level_keys = [level.key for level in levels]
    criteria = tuple(
        _criterion(item, level_keys, source)
        for item in require_list(raw, "criteria", source)
    )
    return Rubric(levels=levels, criteria=criteria)


def _criterion(item: object, level_keys: list[str], source: str) -> Criterion:
    key = str(require(item, "key", source))
    descriptors = require(item, "descriptors", source)
    missing = [
        k
        for k in level_keys
        if not isinstance(descriptors, dict) or k not in descriptors
    ]
    if missing:
        raise InvalidContent(
            f"{source}: criterion '{key}' needs a descriptor for {', '.join(missing)}."
        )
    evidence = tuple(
        Evidence(str(require(e, "section", source)), str(require(e, "why", source)))
        for e in require_list(item, "evidence", source)
    )
    return Criterion(
        key=key,
        label=str(require(item, "label", source)),
        question=str(require(item, "question", source)),
        descriptors={k: " ".join(str(descriptors[k]).split()) for k in level_keys},
        evidence=evidence,
    )
