"""The words the room reads about its practices, each said only when earned.

A projected question steers the conversation that follows, so every phrase
that claims something about the room (two camps, one view apart, a few apart,
a gap between practice and vision) is said only where its verdict or the gap's
paired test passed its bar (``verdicts``). The headline question is chosen
only among practices that earned such a phrase; with none, it asks an open
question instead of naming a practice.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from facilitate.activities.alignment.content import LEVEL_POINTS
from facilitate.activities.alignment.verdicts import (
    MINORITY,
    OUTLIER,
    SHAPES,
    SPLIT,
    SPREAD,
    TOO_FEW,
)

OPEN_QUESTION = (
    "Which practice do we see most differently, and what has each of us seen it "
    "do for students?"
)
#: When no practice's placements show a shape, the spectrum itself is the
#: question: what the behaviorist end assumes about students, named out loud.
OPEN_SPECTRUM_QUESTION = (
    "What do the practices at the extrinsic, behaviorist end assume about why "
    "students learn and behave, and which of those assumptions do we share?"
)


def tension_of(
    spectrum_consensus: Any, vision_consensus: Any, gap: Any, clear: Any
) -> Any:
    """The stronger disagreement (1 - consensus) plus the gap's share of the
    1..5 range, counted only where the gap is clear."""
    disagreement = 1 - np.fmin(spectrum_consensus, vision_consensus)
    named = np.where(np.asarray(clear, dtype=bool), np.abs(gap), 0.0)
    return disagreement + named / (LEVEL_POINTS - 1)


def headline_claim(label: Any, clear: Any) -> Any:
    """Practices that may lead the headline: two camps, or a clear gap.

    One view or a few apart are named in the list and the summary, not in the
    headline: each chance to be wrong adds to the headline's, and two camps or
    a gap are what the room came to talk about.
    """
    return (np.asarray(label) == SPLIT) | np.asarray(clear, dtype=bool)


def in_points(value: float) -> str:
    """A difference of means in plain words: "3 points", "1.5 points"."""
    rounded = round(abs(value), 1)
    number = f"{rounded:.1f}".rstrip("0").rstrip(".")
    return f"{number} point" + ("" if number == "1" else "s")


def gap_in_words(gap: float, clear: bool) -> str:
    """Vision minus now, as the room says it: only a clear gap is named."""
    if not clear or math.isnan(gap):
        return "" if math.isnan(gap) else "no clear gap"
    if gap > 0:
        return f"practice lags our vision by {in_points(gap)}"
    return f"practice runs ahead of our vision by {in_points(gap)}"


def discussion_prompt(row: pd.Series) -> str:
    """A question for the room, written from this practice's numbers."""
    label, said = str(row["label"]), row["agreement"]
    if said == SPLIT and row["split_on"] == "vision":
        return (
            f"We are split into two camps on whether {label} belongs in our shared "
            "vision. What does each camp hope it does for students?"
        )
    if said == SPLIT:
        return (
            f"We place {label} at opposite ends, from extrinsic reward to intrinsic "
            "community. What has each of us seen it do for students that puts it "
            "there?"
        )
    if said == OUTLIER:
        return (
            f"Nearly all of us place {label} together, and one view sits far from "
            "the rest. What might that view see that the rest of us could miss?"
        )
    if said == MINORITY:
        return (
            f"Most of us place {label} together, and a few of us see it very "
            "differently. What might they see that the rest of us could miss?"
        )
    return gap_prompt(row) or agreement_prompt(label, str(said))


def gap_prompt(row: pd.Series) -> str:
    """A question about a clear gap; empty when the gap is not clear."""
    if not row["gap_clear"]:
        return ""
    label = str(row["label"])
    now, vision = float(row["now_mean"]), float(row["vision_mean"])
    if float(row["gap"]) < 0:
        return (
            f"{label} drives our school more than we want it to (now {now:.1f}, "
            f"vision {vision:.1f} out of 5). What keeps it in place, and what could "
            "we change first?"
        )
    return (
        f"We want more {label} than we have (vision {vision:.1f}, now "
        f"{now:.1f} out of 5). What one step would make room for it this term?"
    )


def agreement_prompt(label: str, said: str) -> str:
    """A question where no shape and no clear gap were found."""
    if said == SPREAD:
        return (
            f"Our views on {label} are spread widely. What experiences lead us to "
            "see it so differently?"
        )
    if said == TOO_FEW:
        return (
            f"Too few of us have answered to tell how far we agree on {label}. "
            "What does it look like in your classroom?"
        )
    return (
        f"We mostly agree on {label}. What helps us see it the same way, and "
        "where does it show in our practice?"
    )


def headline_question(top: pd.DataFrame) -> str:
    """The most tense practice that earned a claim leads; else an open question."""
    ready = top.loc[headline_claim(top["agreement"], top["gap_clear"])]
    return str(ready["prompt"].iloc[0]) if len(ready) else OPEN_QUESTION


def spectrum_question(shown: pd.DataFrame) -> str:
    """About the spectrum alone: the least agreed practice whose placements show
    a shape (two camps, one apart, a few apart); else an open question."""
    shaped = shown.loc[np.isin(shown["spectrum_agreement"], SHAPES)]
    if shaped.empty:
        return OPEN_SPECTRUM_QUESTION
    first = shaped.sort_values("spectrum_consensus", kind="stable").iloc[0]
    label, said = str(first["label"]), first["spectrum_agreement"]
    if said == SPLIT:
        return (
            f"We place {label} at opposite ends of the spectrum. What does it do "
            "for students when it works, and when it does not?"
        )
    who = "one of us places" if said == OUTLIER else "a few of us place"
    return (
        f"Most of us place {label} together, and {who} it far away. What might "
        "that view see that the rest of us could miss?"
    )
