"""Students are added by initials or a school ID, never by name.

The team's log outlives the meeting, so a name must not enter it. What is accepted
is a whitelist, not a guess: up to four initials (``M.L.``, ``JPR``) or a school ID
that carries a digit (``204518``, ``ST-0042``). Anything shaped like a full name
(two or more words of two letters or more) is refused with its own sentence, and
so is anything else, with an example of what to type instead.
"""

from __future__ import annotations

import re

from facilitate.core.errors import InvalidInput
from facilitate.core.text import clean_text

LABEL_LIMIT = 20
_LETTER = r"[^\W\d_]"
_INITIALS = re.compile(rf"{_LETTER}(?:[.\s-]*{_LETTER}){{0,3}}\.?")
_SCHOOL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9./_-]*")
_WORD = re.compile(rf"{_LETTER}[\w'’.-]*")
_LONG_LETTER_RUN = re.compile(rf"{_LETTER}{{4,}}")
_SEPARATORS = re.compile(r"[\s._/-]")


def looks_like_full_name(text: str) -> bool:
    """Two or more words, each of letters, at least two of them two letters long."""
    words = [w for w in re.split(r"[\s,;]+", text) if w]
    if len(words) < 2 or not all(_WORD.fullmatch(w) for w in words):
        return False
    return sum(len(re.findall(_LETTER, w)) >= 2 for w in words) >= 2


def is_initials(text: str) -> bool:
    return _INITIALS.fullmatch(text) is not None


def is_school_id(text: str) -> bool:
    """Letters, digits and . / _ - with at least one digit and no word inside."""
    return (
        _SCHOOL_ID.fullmatch(text) is not None
        and any(ch.isdigit() for ch in text)
        and _LONG_LETTER_RUN.search(text) is None
    )


def student_label(raw: object) -> str:
    """The label as typed (trimmed), or InvalidInput saying what to type instead."""
    text = clean_text(
        raw,
        what="the student's initials or school ID",
        limit=LABEL_LIMIT,
        required=True,
    )
    if looks_like_full_name(text):
        raise InvalidInput(
            f"'{text}' looks like a full name. Add students by initials (like M.L.) "
            "or a school ID (like 204518) only: names stay out of the team's log."
        )
    if not (is_initials(text) or is_school_id(text)):
        raise InvalidInput(
            f"'{text}' is neither initials nor a school ID. Use up to four initials "
            "(like M.L.) or a school ID with digits (like 204518), never a name."
        )
    return text


def same_student_key(label: str) -> str:
    """How two labels are compared: without dots, spaces or dashes, any case."""
    return _SEPARATORS.sub("", label).casefold()
