"""Where the room placed a practice, against the model its design is built on.

Each practice in ``practices.yaml`` says which model it ``leans`` on: extrinsic,
mixed or intrinsic. Participants never see it. Here it becomes the point of
comparison the summary documents: "the room placed PBIS further toward intrinsic
than its design suggests". Such a gap is worth a conversation either way: the
school may run the practice differently from its design, or the room may see it
through its hopes. A practice whose sources place it at opposite ends is
``contested`` and has no design to compare with: a room that agrees with either
reading is never told it placed it away from its design.

On the 1..7 spectrum a design sits at the middle of its half (extrinsic 2.5,
intrinsic 5.5) or at the centre (mixed 4). The room's placement counts as
different once its mean is ``CONTRAST`` (1.5) points away: an extrinsic design
placed at or past the centre, an intrinsic one at or below it, a mixed one
within a point and a half of either end. A mean only describes a room that
roughly agrees where the practice sits, so a practice is compared only when its
spectrum consensus reaches ``AGREED`` (the "leaning the same way" mark): a room
split between both ends averages to the centre, and its split is discussed as a
split instead. Only practices the gate already shows (at least k answers) are
compared, and the sentence gives a direction, never the mean itself.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from facilitate.activities.alignment.content import Practice

DESIGN_POSITION = {"extrinsic": 2.5, "mixed": 4.0, "intrinsic": 5.5}
CONTRAST = 1.5
AGREED = 0.6
DESIGN_WORDS = {
    "extrinsic": "built on extrinsic reward and recognition",
    "mixed": "built on a mix of both",
    "intrinsic": "built on intrinsic purpose and community",
}
COLUMNS = ["practice", "label", "leans", "toward", "note"]
#: How many a shared screen names at once (the summary's table holds them all).
SHOWN = 3


def design_contrasts(
    shown: pd.DataFrame, practices: Sequence[Practice]
) -> pd.DataFrame:
    """Practices placed well away from their design: ``COLUMNS``, furthest first
    (ties keep the list order); the distance itself is never returned.

    ``shown`` is the released summary (``practice``, ``label``,
    ``spectrum_mean``, ``spectrum_consensus``); practices without ``leans`` are
    not compared. ``toward`` is "intrinsic" or "extrinsic"; ``note`` the sentence.
    """
    leans = {p.key: p.leans for p in practices if p.leans in DESIGN_POSITION}
    rows = []
    for key, label, mean, agreed in zip(
        shown["practice"],
        shown["label"],
        shown["spectrum_mean"],
        shown["spectrum_consensus"],
        strict=True,
    ):
        if key not in leans or pd.isna(mean) or not agreed >= AGREED:
            continue
        design = DESIGN_POSITION[leans[key]]
        if abs(float(mean) - design) < CONTRAST:
            continue
        toward = "intrinsic" if float(mean) > design else "extrinsic"
        note = contrast_note(label, leans[key], toward)
        rows.append((abs(float(mean) - design), key, label, leans[key], toward, note))
    rows.sort(key=lambda row: -row[0])  # stable: ties keep the list order
    return pd.DataFrame([row[1:] for row in rows], columns=COLUMNS)


def contrast_note(label: str, leans: str, toward: str) -> str:
    """The sentence the room reads about one practice."""
    return (
        f"The room placed {label} further toward {toward} than its design "
        f"suggests (it is usually {DESIGN_WORDS[leans]}). What do we see in how "
        "it runs here?"
    )
