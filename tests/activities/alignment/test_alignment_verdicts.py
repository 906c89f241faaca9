"""The words the room reads for a practice, on answer counts worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from facilitate.activities.alignment.agreement import rwg
from facilitate.activities.alignment.chance import (
    fewest_by_chance,
    lower_tail,
    sign_test,
)
from facilitate.activities.alignment.verdicts import (
    BROAD,
    LEANING,
    MINORITY,
    OUTLIER,
    SPLIT,
    SPREAD,
    TOO_FEW,
    clear_gaps,
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


@pytest.mark.parametrize(
    ("counts", "said"),
    [
        # 28 at one end and 2 at the other: not "views spread widely"
        ([28, 0, 0, 0, 2], MINORITY),
        ([2, 0, 0, 0, 28], MINORITY),
        ([27, 0, 0, 0, 0, 0, 3], MINORITY),
        # the few need not share one point, only sit apart from everyone else
        ([20, 6, 0, 1, 3], MINORITY),
        # a few close to the rest are not apart
        ([20, 6, 4, 0, 0], BROAD),
        # a quarter of the room is a camp, not a few
        ([6, 0, 0, 0, 2], SPLIT),
        # the rest must agree among themselves
        ([8, 0, 8, 0, 4], SPREAD),
    ],
)
def test_a_few_far_from_everyone_else_have_their_own_words(counts, said):
    assert verdict(counts) == said


def test_the_gap_is_clear_only_when_the_pairs_move_one_way():
    def differences(*moved):  # vision minus now, -4..+4
        row = [0] * 9
        for gap in moved:
            row[gap + 4] += 1
        return row

    rows = np.array(
        [
            differences(*[2] * 8),  # all eight up two points: p = 2/256
            differences(*[2] * 7, -1),  # seven of eight: p = 0.07
            differences(*[1] * 12, *[0] * 8),  # twelve up, eight the same
            differences(*[1] * 7),  # seven answers: too few to tell
            differences(*[0] * 9, *[1] * 3),  # moved one way, but by a quarter
            differences(*[-4] * 4, *[0] * 4),  # a split's mean gap
        ]
    )
    assert clear_gaps(rows).tolist() == [True, False, True, False, False, False]


def test_exact_binomial_tails():
    # seven of eight one way: 2 * (1 + 8) / 256
    assert sign_test(7, 1) == pytest.approx(18 / 256)
    assert sign_test(0, 0) == 1.0
    # nobody of 12 on the middle of five points: 0.8 ** 12
    assert lower_tail(0, 12, 0.2) == pytest.approx(0.8**12)
    # a hollow middle: 0 of 12 is rarer than 5% only from 14 answers; 1 of 22
    assert fewest_by_chance(np.array([8, 13, 14, 22]), 0.2, 0.05).tolist() == [
        0,
        0,
        0,
        1,
    ]
