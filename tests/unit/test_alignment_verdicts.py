"""The words the room reads for a practice, on answer counts worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from facilitate.activities.alignment.agreement import rwg
from facilitate.activities.alignment.verdicts import (
    BROAD,
    LEANING,
    OUTLIER,
    SPLIT,
    SPREAD,
    TOO_FEW,
    combine,
    verdict,
    verdicts,
)


@pytest.mark.parametrize(
    ("counts", "said"),
    [
        # two camps at opposite ends, nobody between
        ([4, 0, 0, 0, 0, 0, 4], "split into two camps"),
        ([4, 0, 0, 0, 4], "split into two camps"),
        ([3, 2, 0, 1, 4], "split into two camps"),
        # a camp of two is a quarter of eight: still two camps
        ([6, 0, 0, 0, 2], "split into two camps"),
        # nine at one end and one at the other
        ([9, 0, 0, 0, 1], "one outlier"),
        ([1, 0, 0, 0, 9], "one outlier"),
        ([9, 0, 0, 0, 0, 0, 1], "one outlier"),
        # one person alone is not a camp
        ([7, 0, 0, 0, 1], "one outlier"),
        # a lone answer close to the others is no outlier
        ([0, 9, 1, 0, 0], "broad agreement"),
        # two lone answers, one at each end, are not one outlier
        ([1, 0, 8, 0, 1], "leaning the same way"),
        ([0, 0, 8, 0, 0], "broad agreement"),
        ([0, 2, 4, 2, 0], "broad agreement"),
        ([0, 3, 4, 3, 0], "leaning the same way"),
        ([2, 2, 2, 2, 2], "views spread widely"),
        ([2] * 7, "views spread widely"),
        # below eight answers no verdict meets its error bounds
        ([3, 0, 0, 0, 0, 0, 3], "too few answers to tell"),
        ([0, 0, 7, 0, 0], "too few answers to tell"),
        ([1] * 7, "too few answers to tell"),
        ([0, 0, 0, 0, 0], "too few answers to tell"),
    ],
)
def test_plain_words_for_answer_counts(counts, said):
    assert verdict(counts) == said


def test_a_value_a_rounding_error_below_a_line_counts_as_on_it():
    # 25 answers with a sample variance of exactly 1: r_wg is exactly 0.5, the
    # line for "leaning the same way", but computes to 0.49999999999999994.
    counts = [3, 14, 4, 3, 1]
    assert rwg(counts) < 0.5
    assert verdict(counts) == "leaning the same way"


def test_verdicts_work_row_by_row_and_keep_the_shape():
    rows = np.array([[4, 0, 0, 0, 4], [0, 0, 8, 0, 0], [0, 0, 0, 0, 0]])
    assert verdicts(rows).tolist() == [SPLIT, BROAD, TOO_FEW]
    assert verdicts(np.zeros((0, 7))).tolist() == []


def test_a_scale_without_measured_rules_is_refused_with_what_to_do():
    with pytest.raises(ValueError, match="3-point scale") as raised:
        verdict([4, 0, 4])
    assert str(raised.value) == (
        "There are no verdict rules for a 3-point scale, only for 5-point and "
        "7-point scales. Measure one with bench/verdicts.py and add it to RULES."
    )


def test_a_practice_reads_its_more_telling_scale():
    said, on_vision = combine(
        np.array([BROAD, SPLIT, SPREAD, TOO_FEW, SPREAD], dtype=object),
        np.array([SPLIT, OUTLIER, SPREAD, LEANING, SPREAD], dtype=object),
        np.array([0.9, 0.2, 0.3, np.nan, 0.5]),
        np.array([0.1, 0.8, 0.4, 0.9, 0.5]),
    )
    assert said.tolist() == [SPLIT, SPLIT, SPREAD, LEANING, SPREAD]
    # equally telling: the scale with less consensus speaks, vision on a tie
    assert on_vision.tolist() == [True, False, False, True, True]
