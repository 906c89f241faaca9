"""The anonymous feedback form from ``feedback.yaml`` here, with clear errors.

Pure Python (no pandas): a participant's kernel loads it when the closing phase
opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitate.core.content import load_yaml, require, require_list
from facilitate.core.errors import InvalidContent
from facilitate.core.language import N_

#: Characters allowed in one feedback answer.
FEEDBACK_TEXT_LIMIT = 1_000
RATING_SCALE: tuple[tuple[int, str], ...] = (
    (1, N_("1 Strongly disagree")),
    (2, N_("2 Disagree")),
    (3, N_("3 Neutral")),
    (4, N_("4 Agree")),
    (5, N_("5 Strongly agree")),
)


@dataclass(frozen=True)
class RatingItem:
    key: str
    statement: str


@dataclass(frozen=True)
class FeedbackForm:
    prompt: str
    ratings: tuple[RatingItem, ...]
    helped: str
    more_equitable: str


def load_feedback(folder: Path | None = None) -> FeedbackForm:
    """The anonymous feedback form from ``feedback.yaml``."""
    source = "feedback.yaml"
    raw = load_yaml(source, __package__, folder)
    items = tuple(
        RatingItem(
            str(require(item, "key", source)), str(require(item, "statement", source))
        )
        for item in require_list(raw, "ratings", source)
    )
    if len({item.key for item in items}) != len(items):
        raise InvalidContent(f"{source}: each rating needs its own 'key'.")
    return FeedbackForm(
        prompt=str(require(raw, "prompt", source)),
        ratings=items,
        helped=str(require(raw, "helped", source)),
        more_equitable=str(require(raw, "more_equitable", source)),
    )
