"""Prompts name a most common answer only when one group really is the largest."""

from __future__ import annotations

import pandas as pd

from facilitate.activities.checkin.display import prompt_for
from facilitate.activities.self_assessment.display import zone_prompt


def groups(rows, **columns):
    frame = pd.DataFrame(rows, columns=["label", "count", "merged"])
    frame["count"] = frame["count"].astype(object)
    return frame.assign(hidden=False, withheld=0, **columns)


def test_a_tied_check_in_names_no_feeling():
    tied = groups([["Hopeful", 3, False], ["Tired or another feeling", 3, True]])
    assert "arriving" not in prompt_for(tied)
    clear = groups([["Hopeful", 4, False], ["Tired or another feeling", 3, True]])
    assert prompt_for(clear).startswith("Many of us are arriving hopeful.")
    merged_first = groups([["Hopeful", 3, False], ["Tired or another", 4, True]])
    assert "arriving" not in prompt_for(merged_first)


def test_zones_say_most_only_for_more_than_half():
    tied = groups([["Comfort zone", 3, False], ["Risk zone", 3, False]], moment="end")
    assert zone_prompt(tied).startswith("What would help each of us")
    larger = groups(
        [
            ["Comfort zone", 3, False],
            ["Risk zone", 4, False],
            ["Danger zone", 3, False],
        ],
        moment="end",
    )
    assert zone_prompt(larger).startswith(
        "More of us than anywhere else placed ourselves in the risk zone."
    )
    most = groups([["Comfort zone", 3, False], ["Risk zone", 5, False]], moment="end")
    assert zone_prompt(most).startswith("Most of us placed ourselves in the risk zone.")
