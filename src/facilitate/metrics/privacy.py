"""Minimum group size: nothing about fewer than k people reaches a shared screen.

Every console chart and export table goes through these two functions, so the rule
lives in one place: a group (a domain's answers, a role, an identity) smaller than
k is not drawn; instead the room is told how many more answers are needed.
"""

from __future__ import annotations

import pandas as pd


def is_shown(count: int, k: int) -> bool:
    """True when ``count`` people are enough to show an aggregate about them."""
    return count >= k


def needs_more(count: int, k: int) -> str:
    """The sentence shown in place of a suppressed aggregate."""
    missing = max(k - count, 0)
    people = "person needs" if missing == 1 else "people need"
    return (
        f"{missing} more {people} to answer before this is shown "
        f"(groups smaller than {k} stay private)."
    )


def suppress_small_groups(
    frame: pd.DataFrame, count_column: str, k: int
) -> pd.DataFrame:
    """Drop rows whose ``count_column`` is below ``k``; the input is not changed."""
    return frame.loc[frame[count_column] >= k].reset_index(drop=True)
