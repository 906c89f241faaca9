"""The words a room offers for its shared vision, counted without attribution.

A word counts once per statement, so one person repeating "joy" five times does
not outweigh five people saying it once. Common English words are dropped, since
"the" and "and" would otherwise top every chart.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import pandas as pd

_STOP_TEXT = """
    a about above after again all also am an and any are as at be because been
    being both but by can could did do does doing for from further had has have
    having he her here hers him his how i if in into is it its itself just let
    like may me more most much must my no nor not of off on once only or other
    our ours ourselves out over own same she should so some such than that the
    their theirs them then there these they this those through to too under
    until up very was we were what when where which while who whom why will
    with would you your yours each every get gets make makes many one ones
    really thing things us well etc
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def words_of(text: str) -> list[str]:
    """Lower-case words of three letters or more, stop words removed."""
    return [
        word
        for word in _WORD.findall(text.casefold().replace("’", "'"))
        if len(word) >= 3 and word not in STOP_WORDS
    ]


def vision_word_counts(texts: Iterable[str], top: int = 15) -> pd.DataFrame:
    """Columns ``word``, ``count`` (statements using it), most used first."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(words_of(str(text))))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
    return pd.DataFrame(ranked, columns=["word", "count"]).astype(
        {"word": object, "count": "int64"}
    )
