"""What Reveal would put on the screen now, said on the remote before it is pressed.

A facilitator deciding whether to wait needs to know what the current k will
merge or hide. The preview reads the same coarsening as the screen, but only
over whole batches of k submitters (the releases an always-open figure would
have had), so it moves when k more people have answered, never with one tap:
the facilitator, who sees who just put their phone down, learns no one's answer.

Pure Python (no pandas): the remote stays quick to open.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from facilitate.core.coarsen import Group
from facilitate.core.group_size import floored


def groups_preview(
    groups: Sequence[Group[Any]], names: Sequence[str], k: int, what: str
) -> str:
    """One sentence for one split: how many groups, and what merges or hides."""
    k = floored(k)
    shown = [
        name for group, name in zip(groups, names, strict=True) if not group.hidden
    ]
    if not shown:
        return f"Revealing now shows no {what} yet: each group needs {k} people."
    merged = any(g.merged and not g.hidden for g in groups)
    hidden = any(g.hidden for g in groups)
    listed = " · ".join(shown)
    count = "1 group" if len(shown) == 1 else f"{len(shown)} groups"
    said = f"Revealing now shows {count} of {what}: {listed}."
    if merged:
        said += f" Answers with fewer than {k} people are merged with others."
    if hidden:
        said += " Some answers stay hidden: they cannot reach k even merged."
    return said


def many_splits_preview(splits: Sequence[Sequence[Group[Any]]], k: int) -> str:
    """One sentence for several splits (one per statement)."""
    k = floored(k)
    if not splits or all(all(g.hidden for g in split) for split in splits):
        return f"Revealing now shows no ratings yet: each group needs {k} people."
    merged = sum(any(g.merged and not g.hidden for g in split) for split in splits)
    hidden = sum(any(g.hidden for g in split) for split in splits)
    said = f"Revealing now shows every statement in groups of at least {k}."
    if merged:
        said += f" {merged} of {len(splits)} merge neighbouring ratings."
    if hidden:
        said += f" {hidden} of {len(splits)} keep some ratings hidden."
    return said


def k_words(k: int, fitted: bool, joined: int, fixed: bool) -> str:
    """Why k is what it is: chosen, or fitted to the room (and whether fixed)."""
    if not fitted:
        return f"Groups of at least {k}: chosen for this session."
    if fixed:
        return (
            f"Groups of at least {k}: fits a room of {joined}, fixed when results "
            "were first shown."
        )
    return (
        f"Groups of at least {k}: fits a room of {joined} now (3 up to 14 people, "
        "5 from 15), fixed when you first show results."
    )
