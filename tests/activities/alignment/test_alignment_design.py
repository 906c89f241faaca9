"""The room's placement against each practice's design, in words."""

from __future__ import annotations

import pandas as pd
from pandas.testing import assert_frame_equal

from facilitate.activities.alignment.content import Practice
from facilitate.activities.alignment.design import design_contrasts

PRACTICES = [
    Practice("grades", "Letter grades", leans="extrinsic"),
    Practice("pbis", "PBIS", leans="extrinsic"),
    Practice("sbg", "Standards-based grading", leans="mixed"),
    Practice("circles", "Restorative circles", leans="intrinsic"),
    Practice("added", "Morning meeting"),
]


def shown(means: dict[str, float], consensus: float = 0.8) -> pd.DataFrame:
    labels = {p.key: p.label for p in PRACTICES}
    return pd.DataFrame(
        {
            "practice": list(means),
            "label": [labels[key] for key in means],
            "spectrum_mean": list(means.values()),
            "spectrum_consensus": consensus,
        }
    )


def test_only_placements_a_point_and_a_half_from_the_design_are_named():
    summary = shown(
        {
            "grades": 3.9,  # extrinsic design (2.5): not yet past the centre
            "pbis": 4.0,  # at the centre: further toward intrinsic
            "sbg": 2.5,  # mixed design (4): well toward extrinsic
            "circles": 4.1,  # intrinsic design (5.5): not far enough
            "added": 1.0,  # no design to compare with
        }
    )
    contrasts = design_contrasts(summary, PRACTICES)
    assert_frame_equal(
        contrasts[["practice", "leans", "toward"]],
        pd.DataFrame(
            {
                "practice": ["pbis", "sbg"],
                "leans": ["extrinsic", "mixed"],
                "toward": ["intrinsic", "extrinsic"],
            }
        ),
    )
    assert contrasts["note"].tolist() == [
        "The room placed PBIS further toward intrinsic than its design suggests "
        "(it is usually built on extrinsic reward and recognition). What do we see "
        "in how it runs here?",
        "The room placed Standards-based grading further toward extrinsic than its "
        "design suggests (it is usually built on a mix of both). What do we see in "
        "how it runs here?",
    ]


def test_an_intrinsic_design_placed_at_the_centre_is_named():
    contrasts = design_contrasts(shown({"circles": 4.0}), PRACTICES)
    assert contrasts["toward"].tolist() == ["extrinsic"]


def test_a_room_split_between_both_ends_is_not_averaged_into_a_contrast():
    """Half at 1 and half at 7 average to the centre: that is a split, not a lean."""
    assert design_contrasts(shown({"grades": 4.0}, consensus=0.0), PRACTICES).empty
    assert design_contrasts(shown({"grades": 4.0}, consensus=0.59), PRACTICES).empty


def test_nothing_shown_means_nothing_compared():
    empty = pd.DataFrame(
        columns=["practice", "label", "spectrum_mean", "spectrum_consensus"]
    )
    assert design_contrasts(empty, PRACTICES).empty


def test_a_contested_practice_is_never_placed_away_from_a_design():
    """Its sources disagree, so a room agreeing with either of them is right."""
    nights = Practice(
        "multicultural_nights",
        "Multicultural nights",
        leans="contested",
        readings=("Extrinsic: ...", "Intrinsic: ..."),
    )
    practices = [*PRACTICES, nights]
    for mean in (1.0, 2.5, 4.0, 5.5, 7.0):
        summary = pd.DataFrame(
            {
                "practice": ["multicultural_nights", "sbg"],
                "label": ["Multicultural nights", "Standards-based grading"],
                "spectrum_mean": [mean, mean],
                "spectrum_consensus": 0.9,
            }
        )
        contrasts = design_contrasts(summary, practices)
        assert "multicultural_nights" not in contrasts["practice"].tolist(), mean
    assert design_contrasts(summary, practices)["practice"].tolist() == ["sbg"]


def test_the_shipped_bank_marks_multicultural_nights_contested_with_both_readings():
    from facilitate.activities.alignment.content import load_alignment

    nights = next(
        p for p in load_alignment().practices if p.key == "multicultural_nights"
    )
    assert nights.leans == "contested"
    assert [r.split(":")[0] for r in nights.readings] == ["Extrinsic", "Intrinsic"]
    assert '"sugar pills"' in nights.readings[0]


def test_the_room_is_asked_about_behaviorist_assumptions():
    from facilitate.activities.alignment.prompts import spectrum_question
    from facilitate.ui.guide_notes import guide_notes

    calm = pd.DataFrame(
        {
            "label": ["Letter grades"],
            "spectrum_agreement": ["agree"],
            "spectrum_consensus": [0.9],
        }
    )
    question = spectrum_question(calm)
    assert "assume about why students learn and behave" in question
    assert "behaviorist" in question
    titles = [note.title for note in guide_notes("alignment")]
    assert "Name the assumptions behind behaviorist models" in titles
    assert "Multicultural nights: two readings" in titles
