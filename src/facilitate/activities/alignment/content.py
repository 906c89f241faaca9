"""The practices of the shared-vision exercise: the editable file plus added ones.

Participant kernels load this while the alignment phase opens, so it stays pure
Python (no pandas). The list people see is ``practices.yaml`` followed by any
practice the facilitator added from the remote (``practice_added`` events), in
the order they were added; both sides build it with ``session_practices``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from facilitate.activities.alignment.events import PracticeAdded
from facilitate.core.content import load_yaml, require
from facilitate.core.errors import InvalidContent, InvalidInput
from facilitate.core.events import Recorded
from facilitate.core.language import N_
from facilitate.core.text import clean_text

SOURCE = "practices.yaml"
SPECTRUM_POINTS = 7
LEVEL_POINTS = 5
SPECTRUM_ENDS = (N_("Extrinsic / behaviorist"), N_("Intrinsic / community"))
LEVEL_ENDS = (N_("Not at all"), N_("A great deal"))
#: The learning model a practice is built on (``leans``); "" when unknown.
#: "contested": sources place it at opposite ends; its ``readings`` give both.
CONTESTED = "contested"
LEANINGS = ("extrinsic", "mixed", "intrinsic", CONTESTED, "")
LABEL_LIMIT = 80
DESCRIPTION_LIMIT = 300
_KEY = re.compile(r"[a-z0-9_]{1,40}")


@dataclass(frozen=True)
class Practice:
    key: str
    label: str
    description: str = ""
    leans: str = ""
    #: For a contested practice: each reading of where it sits, for the guide.
    readings: tuple[str, ...] = ()


@dataclass(frozen=True)
class AlignmentContent:
    """The three questions asked of every practice, the vision prompt, the bank."""

    spectrum_question: str
    now_question: str
    vision_question: str
    vision_prompt: str
    practices: tuple[Practice, ...]


def load_alignment(folder: Path | None = None) -> AlignmentContent:
    """Read ``practices.yaml``; every problem names the entry and what to fix."""
    raw = load_yaml(SOURCE, __package__, folder)
    questions = require(raw, "questions", SOURCE)
    asked = [
        _text(questions, key, "questions") for key in ("spectrum", "now", "vision")
    ]
    vision_prompt = _text(raw, "vision_prompt", SOURCE)
    entries = require(raw, "practices", SOURCE)
    if not isinstance(entries, list) or len(entries) < 2:
        raise InvalidContent(f"{SOURCE}: 'practices' needs at least two entries.")
    practices = tuple(_practice(entry, n) for n, entry in enumerate(entries, 1))
    keys = [p.key for p in practices]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise InvalidContent(
            f"{SOURCE}: the key '{duplicates[0]}' is used twice. Give each practice "
            "its own key."
        )
    return AlignmentContent(
        spectrum_question=asked[0],
        now_question=asked[1],
        vision_question=asked[2],
        vision_prompt=vision_prompt,
        practices=practices,
    )


def _text(mapping: object, key: str, where: str) -> str:
    source = SOURCE if where == SOURCE else f"{SOURCE} '{where}'"
    value = require(mapping, key, source)
    if not isinstance(value, str) or not value.strip():
        raise InvalidContent(f"{source}: '{key}' needs some text.")
    return value.strip()


def _practice(entry: object, number: int) -> Practice:
    where = f"{SOURCE} practice {number}"
    key = str(require(entry, "key", where))
    if not _KEY.fullmatch(key):
        raise InvalidContent(
            f"{where}: the key '{key}' should be one lower-case word of letters, "
            "digits or _ (for example letter_grades)."
        )
    assert isinstance(entry, dict)
    label = str(require(entry, "label", where)).strip()
    if not label or len(label) > LABEL_LIMIT:
        raise InvalidContent(
            f"{where}: the label needs 1 to {LABEL_LIMIT} characters; "
            f"it has {len(label)}."
        )
    description = str(entry.get("description") or "").strip()
    if len(description) > DESCRIPTION_LIMIT:
        raise InvalidContent(
            f"{where}: the description is {len(description)} characters; keep it "
            f"under {DESCRIPTION_LIMIT}."
        )
    leans = str(entry.get("leans") or "").strip()
    if leans not in LEANINGS:
        raise InvalidContent(
            f"{where}: 'leans' is '{leans}'; use extrinsic, mixed, intrinsic or "
            "contested, or leave it out."
        )
    readings = tuple(" ".join(str(r).split()) for r in entry.get("readings") or [])
    if leans == CONTESTED and len(readings) < 2:
        raise InvalidContent(
            f"{where}: a contested practice needs 'readings', one for each place "
            "its sources put it."
        )
    return Practice(key, label, description, leans, readings)


def session_practices(
    base: Iterable[Practice], records: Iterable[Recorded]
) -> list[Practice]:
    """The file's practices, then those added in this session (first key wins)."""
    practices = list(base)
    keys = {p.key for p in practices}
    for record in records:
        event = record.event
        if isinstance(event, PracticeAdded) and event.practice not in keys:
            keys.add(event.practice)
            practices.append(Practice(event.practice, event.label, event.description))
    return practices


def new_practice(
    label: object, description: object, existing: Iterable[Practice]
) -> PracticeAdded:
    """Validate what the facilitator typed and give the practice a fresh key."""
    clean_label = clean_text(
        label, what="a practice name", limit=LABEL_LIMIT, required=True
    )
    clean_description = clean_text(
        description, what="the description", limit=DESCRIPTION_LIMIT
    )
    practices = list(existing)
    taken = {p.label.casefold() for p in practices}
    if clean_label.casefold() in taken:
        raise InvalidInput(
            f"'{clean_label}' is already on the list. Choose another practice."
        )
    keys = {p.key for p in practices}
    stem = "added_" + (re.sub(r"[^a-z0-9]+", "_", clean_label.lower()).strip("_")[:24])
    key, number = stem, 2
    while key in keys:
        key, number = f"{stem}_{number}", number + 1
    return PracticeAdded(practice=key, label=clean_label, description=clean_description)
