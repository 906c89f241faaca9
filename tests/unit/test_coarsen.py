"""Coarsen before hiding: the gate's merging rules against worked examples."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from facilitate.core.coarsen import (
    coarsen_nominal,
    coarsen_ordinal,
    group_label,
    ordinal_runs,
)
from facilitate.core.release import coarsen_frame

NEVER_TO_ALWAYS = ("never", "sometimes", "often", "always")


def shown(groups):
    return [(g.members, g.count) for g in groups]


@pytest.mark.parametrize(
    ("counts", "k", "expected"),
    [
        # a room of 6 split 3 / 3: two groups, the empty points merged in
        ((3, 0, 0, 3), 3, [((0, 1), 3), ((2, 3), 3)]),
        # every point holds k: nothing merges
        ((3, 4, 3, 5), 3, [((0,), 3), ((1,), 4), ((2,), 3), ((3,), 5)]),
        # the most groups wins over evenness: 3 | 3 | 3 rather than 4 | 5
        ((2, 1, 3, 1, 2), 3, [((0, 1), 3), ((2,), 3), ((3, 4), 3)]),
        # ties in people are broken by width, then by the leftmost cut
        ((3, 0, 0, 0, 3), 3, [((0, 1), 3), ((2, 3, 4), 3)]),
        # no merge reaches k: one group of the whole scale, hidden
        ((1, 0, 1, 0), 3, [((0, 1, 2, 3), None)]),
        # everyone alike: one group spanning the scale, never "Always: 6"
        ((0, 0, 0, 6), 3, [((0, 1, 2, 3), 6)]),
        # k below the floor is raised to 3
        ((2, 2, 2), 1, [((0, 1, 2), 6)]),
    ],
)
def test_ordinal_answers_merge_adjacent_points(counts, k, expected):
    groups = coarsen_ordinal(dict(enumerate(counts)), k)
    assert shown(groups) == expected


def test_every_split_of_at_least_k_each_is_seen_as_two_groups():
    """Exhaustively on a 4-point scale: whenever a cut leaves k on each side,
    the room sees at least two groups, each of k or more."""
    k = 3
    for counts in itertools.product(range(5), repeat=4):
        groups = coarsen_ordinal(dict(enumerate(counts)), k)
        can_split = any(
            sum(counts[:cut]) >= k and sum(counts[cut:]) >= k for cut in range(1, 4)
        )
        assert (len(groups) >= 2) == can_split, counts
        assert all(g.count is None or g.count >= k for g in groups)
        assert sum(len(g.members) for g in groups) == 4


def test_answers_outside_the_scale_stand_apart_and_are_hidden_with_a_partner():
    counts = {"never": 2, "sometimes": 1, "often": 3, "always": 0, "prefer_not": 1}
    groups = coarsen_ordinal(counts, 3, outside=["prefer_not"])
    # one "prefer not to say" cannot be shown, and the total would give it
    # away: the smallest other group (the later of two 3s) is hidden with it
    assert shown(groups) == [
        (("never", "sometimes"), 3),
        (("often", "always"), None),
        (("prefer_not",), None),
    ]
    nobody = coarsen_ordinal({**counts, "prefer_not": 0}, 3, outside=["prefer_not"])
    assert [g.members for g in nobody] == [("never", "sometimes"), ("often", "always")]


@pytest.mark.parametrize(
    ("counts", "k", "expected"),
    [
        # 3 hopeful and 3 tired among four empty feelings: both are seen
        (
            {"hopeful": 3, "tired": 3, "curious": 0, "uneasy": 0},
            3,
            [(("hopeful",), 3), (("tired", "curious", "uneasy"), 3)],
        ),
        # small feelings add up to k on their own: nothing real is pulled in
        (
            {"hopeful": 5, "tired": 2, "uneasy": 1, "curious": 0},
            3,
            [(("hopeful",), 5), (("tired", "uneasy", "curious"), 3)],
        ),
        # ties: the later of two equal groups joins the other group
        (
            {"hopeful": 3, "tired": 3, "uneasy": 1},
            3,
            [(("hopeful",), 3), (("tired", "uneasy"), 4)],
        ),
        # everyone alike: merged with the rest, so nobody's feeling is told
        ({"hopeful": 6, "tired": 0}, 3, [(("hopeful", "tired"), 6)]),
        # fewer than k in all: hidden
        ({"hopeful": 1, "tired": 1}, 3, [(("hopeful", "tired"), None)]),
    ],
)
def test_nominal_answers_merge_the_smallest_into_one_other_group(counts, k, expected):
    assert shown(coarsen_nominal(counts, k)) == expected


@pytest.mark.parametrize(
    ("labels", "other", "name"),
    [
        (["Often"], "", "Often"),
        (["Often", "Always"], "", "Often or always"),
        (["Never", "Sometimes", "Often"], "", "Never to often"),
        (["Tired", "Uneasy", "Curious"], "another feeling", "Tired or another feeling"),
        (["Comfort zone", "Risk zone"], "", "Comfort zone or risk zone"),
    ],
)
def test_groups_are_named_in_the_rooms_words(labels, other, name):
    assert group_label(labels, other) == name


def test_a_frame_is_coarsened_per_partition_and_says_what_it_merged():
    frame = pd.DataFrame(
        {
            "domain": ["self"] * 4 + ["others"] * 4,
            "answer": list(NEVER_TO_ALWAYS) * 2,
            "label": ["Never", "Sometimes", "Often", "Always"] * 2,
            "count": [2, 1, 4, 0, 0, 0, 6, 1],
        }
    )
    out = coarsen_frame(frame, "count", 3, key="answer", label="label", by=["domain"])
    assert out[["domain", "label", "count", "merged"]].values.tolist() == [
        ["self", "Never or sometimes", 3, True],
        ["self", "Often or always", 4, True],
        ["others", "Never to always", 7, True],
    ]
    assert frame["count"].tolist() == [2, 1, 4, 0, 0, 0, 6, 1], "input unchanged"


def test_an_other_group_is_named_after_its_most_chosen_member():
    frame = pd.DataFrame(
        {
            "answer": ["hopeful", "curious", "tired", "uneasy"],
            "label": ["Hopeful", "Curious", "Tired", "Uneasy"],
            "count": [4, 0, 2, 1],
        }
    )
    out = coarsen_frame(
        frame, "count", 3, key="answer", label="label", other="another feeling"
    )
    assert out[["label", "count"]].values.tolist() == [
        ["Hopeful", 4],
        ["Tired or another feeling", 3],
    ]


def test_runs_are_found_for_long_scales_quickly():
    assert ordinal_runs([1] * 9, 3) == [(0, 3), (3, 6), (6, 9)]


def test_groups_of_one_chart_never_share_a_colour():
    from facilitate.ui.group_charts import GroupBar, Segment, stacked_groups

    blue = "#56B4E9"
    often = Segment("Often or always", 2, 3, blue)
    whole = Segment("Never to always", 0, 3, blue)
    never = Segment("Never or sometimes", 0, 1, "#E69F00")
    bars = [
        GroupBar("Domain A", ((never, 50.0), (often, 50.0))),
        GroupBar("Domain B", ((whole, 100.0),)),
    ]
    figure = stacked_groups("Title", bars, 3, axis="% of people", percent=True)
    colours = [trace.marker.color for trace in figure.data]
    assert len(set(colours)) == len(colours) == 3
    assert [trace.name for trace in figure.data] == [
        "Never or sometimes",
        "Never to always",
        "Often or always",
    ]
