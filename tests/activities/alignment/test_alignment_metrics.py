"""Agreement statistics against values worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from facilitate.activities.alignment.agreement import (
    BIMODAL,
    bimodality,
    consensus,
    rwg,
)
from facilitate.activities.alignment.content import Practice
from facilitate.activities.alignment.metrics import (
    alignment_summary,
    count_answers,
    spectrum_distribution,
    top_tensions,
)
from facilitate.activities.alignment.verdicts import (
    BROAD,
    OUTLIER,
    SPLIT,
    TOO_FEW,
)

ALL_AGREE = [0, 0, 5, 0, 0]
TWO_CAMPS = [3, 0, 0, 0, 0, 0, 3]  # three answer 1, three answer 7


def test_consensus_is_one_when_all_agree():
    assert consensus(ALL_AGREE) == 1.0


def test_consensus_is_zero_with_half_at_each_extreme():
    assert consensus(TWO_CAMPS) == 0.0
    assert consensus([2, 0, 0, 0, 2]) == 0.0


def test_consensus_of_a_spread_sample():
    # answers 2, 3, 4 on 1..5: mean 3, width 4, two answers 1/4 of the width away
    assert consensus([0, 1, 1, 1, 0]) == pytest.approx(1 + (2 / 3) * math.log2(3 / 4))


def test_rwg_against_the_uniform_null():
    assert rwg(ALL_AGREE) == 1.0
    # answers 2, 3, 4: sample variance 1; uniform on 5 points: (25 - 1) / 12 = 2
    assert rwg([0, 1, 1, 1, 0]) == pytest.approx(0.5)
    # answers 1,1,1,7,7,7: variance 6 * 9 / 5 = 10.8; uniform on 7 points: 4
    assert rwg(TWO_CAMPS) == pytest.approx(1 - 10.8 / 4)


def test_rwg_needs_two_answers():
    assert math.isnan(rwg([0, 1, 0, 0, 0]))


def test_bimodality_flags_two_camps():
    assert bimodality(TWO_CAMPS) == pytest.approx(1.0)
    assert bimodality(TWO_CAMPS) > BIMODAL


def test_bimodality_of_uniform_and_single_peak():
    # uniform on 1..7: skew 0, kurtosis 28 / 16 = 1.75 -> 4/7, just above 5/9
    assert bimodality([1] * 7) == pytest.approx(4 / 7)
    # answers 3, 4, 4, 4, 5: m2 = 0.4, m4 = 0.4, kurtosis 2.5 -> 0.4
    assert bimodality([0, 0, 1, 3, 1, 0, 0]) == pytest.approx(0.4)
    assert math.isnan(bimodality(ALL_AGREE))


def test_statistics_work_row_by_row():
    rows = np.array([TWO_CAMPS, [0, 0, 0, 6, 0, 0, 0]])
    assert consensus(rows).tolist() == [0.0, 1.0]
    assert rwg(rows).tolist() == pytest.approx([-1.7, 1.0])


PRACTICES = [
    Practice("grades", "Letter grades"),
    Practice("circles", "Restorative circles"),
    Practice("badges", "Digital badges"),
]


def ratings() -> pd.DataFrame:
    """Eight people: two camps of four on grades, all together on circles (one
    changed answer, one person skipping)."""
    rows = [(1, "p1", "circles", 1, 1, 1, False)]  # changed below: the later wins
    for n in range(1, 9):
        camp = (1, 5, 1) if n <= 4 else (7, 5, 5)
        rows.append((len(rows) + 1, f"p{n}", "grades", *camp, False))
        rows.append((len(rows) + 1, f"p{n}", "circles", 4, 3, 3, False))
    rows.append((len(rows) + 1, "p9", "circles", None, None, None, True))
    columns = ["id", "participant", "practice", "spectrum", "now", "vision"]
    return pd.DataFrame(rows, columns=[*columns, "skipped"])


def test_summary_of_a_split_and_an_agreed_practice():
    nan = float("nan")
    expected = pd.DataFrame(
        {
            "practice": ["grades", "circles", "badges"],
            "label": ["Letter grades", "Restorative circles", "Digital badges"],
            "answered": [8, 8, 0],
            "skipped": [0, 1, 0],
            "spectrum_mean": [4.0, 4.0, nan],
            "now_mean": [5.0, 3.0, nan],
            "vision_mean": [3.0, 3.0, nan],
            "gap": [-2.0, 0.0, nan],
            # grades: four moved down by 4, four did not move: a sign test of
            # 4 against 0 cannot tell that from chance (p = 1/8)
            "gap_clear": [False, False, False],
            # answers 1 and 7, four each: sample variance 8 * 9 / 7; uniform 4
            "spectrum_rwg": [1 - (72 / 7) / 4, 1.0, nan],
            "spectrum_consensus": [0.0, 1.0, nan],
            "spectrum_bimodality": [1.0, nan, nan],
            "vision_rwg": [1 - (32 / 7) / 2, 1.0, nan],
            "vision_consensus": [0.0, 1.0, nan],
            "vision_bimodality": [1.0, nan, nan],
            "spectrum_agreement": [SPLIT, BROAD, TOO_FEW],
            "vision_agreement": [SPLIT, BROAD, TOO_FEW],
            "split_on": ["vision", "vision", "vision"],
            "agreement": [SPLIT, BROAD, TOO_FEW],
            # an unclear gap adds nothing to the tension
            "tension": [1.0, 0.0, nan],
        }
    )
    assert_frame_equal(alignment_summary(ratings(), PRACTICES), expected)


def test_summary_does_not_change_its_input():
    frame = ratings()
    alignment_summary(frame, PRACTICES)
    assert_frame_equal(frame, ratings())


def test_top_tensions_rank_the_split_practice_first_with_a_prompt():
    top = top_tensions(alignment_summary(ratings(), PRACTICES))
    expected = pd.DataFrame(
        {
            "practice": ["grades", "circles"],
            "label": ["Letter grades", "Restorative circles"],
            "agreement": [SPLIT, BROAD],
            "split_on": ["vision", "vision"],
            "gap": [-2.0, 0.0],
            "gap_clear": [False, False],
            "tension": [1.0, 0.0],
            "prompt": [
                "We are split into two camps on whether Letter grades belongs in our "
                "shared vision. What does each camp hope it does for students?",
                "We mostly agree on Restorative circles. What helps us see it the "
                "same way, and where does it show in our practice?",
            ],
        }
    )
    assert_frame_equal(top, expected)


def test_prompt_names_a_gap_when_the_room_agrees():
    frame = pd.DataFrame(
        {
            "participant": list("abcdefgh"),
            "practice": ["grades"] * 8,
            "spectrum": [2] * 8,
            "now": [5, 5, 4, 5, 5, 4, 5, 5],
            "vision": [2] * 8,
            "skipped": [False] * 8,
        }
    )
    top = top_tensions(alignment_summary(frame, PRACTICES[:1]))
    assert top["agreement"].tolist() == [BROAD]
    assert top["prompt"].tolist() == [
        "Letter grades drives our school more than we want it to (now 4.8, "
        "vision 2.0 out of 5). What keeps it in place, and what could we change "
        "first?"
    ]


def rated(practice: str, answers: list[tuple[int, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "participant": [f"p{n}" for n in range(len(answers))],
            "practice": [practice] * len(answers),
            "spectrum": [a[0] for a in answers],
            "now": [a[1] for a in answers],
            "vision": [a[2] for a in answers],
            "skipped": [False] * len(answers),
        }
    )


def test_one_person_far_from_everyone_reads_one_outlier_with_its_own_prompt():
    frame = rated("grades", [(2, 3, 1)] * 9 + [(2, 3, 5)])
    top = top_tensions(alignment_summary(frame, PRACTICES[:1]))
    assert (top["agreement"].tolist(), top["split_on"].tolist()) == (
        [OUTLIER],
        ["vision"],
    )
    assert top["prompt"].tolist() == [
        "Nearly all of us place Letter grades together, and one view sits far "
        "from the rest. What might that view see that the rest of us could miss?"
    ]


def test_a_split_on_one_scale_is_told_even_when_the_other_agrees():
    """Everyone calls grades extrinsic (spectrum), but half want them kept."""
    frame = rated("grades", [(1, 4, 1)] * 5 + [(1, 4, 5)] * 5)
    summary = alignment_summary(frame, PRACTICES[:1])
    assert summary[["split_on", "agreement"]].values.tolist() == [["vision", SPLIT]]


def test_a_small_room_reads_too_few_answers_to_tell_with_a_question():
    frame = rated("grades", [(1, 3, 1)] * 3 + [(7, 3, 5)] * 4)
    top = top_tensions(alignment_summary(frame, PRACTICES[:1]))
    assert top["agreement"].tolist() == ["too few answers to tell"]
    assert top["prompt"].tolist() == [
        "Too few of us have answered to tell how far we agree on Letter grades. "
        "What does it look like in your classroom?"
    ]


def test_spectrum_distribution_counts_each_position():
    frame = spectrum_distribution(
        count_answers(ratings(), PRACTICES[:2]), PRACTICES[:2]
    )
    grades = frame.loc[frame["practice"] == "grades", "count"].tolist()
    circles = frame.loc[frame["practice"] == "circles", "count"].tolist()
    assert grades == [4, 0, 0, 0, 0, 0, 4]
    assert circles == [0, 0, 0, 8, 0, 0, 0]
    assert frame.columns.tolist() == ["practice", "label", "position", "count"]


def test_vision_words_drop_stop_words_and_count_people_not_repeats():
    from facilitate.activities.alignment.vision_words import vision_word_counts

    texts = [
        "Joy, joy, JOY and belonging",
        "Belonging for every student",
        "<b>joy</b> in learning; students' voice",
    ]
    expected = pd.DataFrame(
        {
            "word": ["belonging", "joy", "learning", "student", "students", "voice"],
            "count": [2, 2, 1, 1, 1, 1],
        }
    ).astype({"word": object, "count": "int64"})
    assert_frame_equal(vision_word_counts(texts), expected)
