"""The alignment summary part, and the demo room it is usually shown with."""

from __future__ import annotations

import random

from facilitate.activities.alignment.demo import seed_alignment
from facilitate.activities.alignment.events import PracticeRated, VisionOffered
from facilitate.activities.alignment.report import alignment_part


def test_summary_part_holds_aggregates_only(store, session):
    # the demo's room size: with a dozen answers its looser camps are not
    # always told apart from random answering (see the verdicts module)
    people = [f"demo-{n:02d}" for n in range(24)]
    seed_alignment(store, session, people, random.Random(7))
    part = alignment_part(store.read(session.code), session)
    assert part.key == "alignment"
    # no word was offered by 5 people: the words are a table, not an empty chart
    assert len(part.figures) == 2
    assert part.tables["vision_words"].empty
    assert sorted(part.tables) == [
        "alignment_design",
        "alignment_practices",
        "alignment_tensions",
        "vision_words",
    ]
    for table in part.tables.values():
        assert "participant" not in table.columns
        assert not any(p in table.to_csv() for p in people)
    practices = part.tables["alignment_practices"].set_index("label")
    split = practices.loc[practices["agreement"] == "split into two camps"]
    assert set(split.index) == {"Letter grades", "School-wide reward celebrations"}
    # a split's mean gap (half want less, half the same) is no clear gap
    assert set(split["gap_in_words"]) == {"no clear gap"}
    assert split["gap"].isna().all()
    clear = practices.loc[practices["gap_in_words"].str.startswith("practice")]
    assert len(clear) > 0
    assert clear["gap"].notna().all()
    tensions = part.tables["alignment_tensions"]
    assert part.notes[0] == tensions["prompt"].iloc[0]


def test_summary_names_practices_placed_away_from_their_design(store, session):
    """The demo room places PBIS (built on reward) toward intrinsic, nothing else."""
    people = [f"demo-{n:02d}" for n in range(12)]
    seed_alignment(store, session, people, random.Random(7))
    part = alignment_part(store.read(session.code), session)
    design = part.tables["alignment_design"]
    assert design.values.tolist() == [
        ["Positive behaviour support (PBIS)", "extrinsic", "intrinsic"]
    ]
    assert part.notes[-1] == (
        "The room placed Positive behaviour support (PBIS) further toward intrinsic "
        "than its design suggests (it is usually built on extrinsic reward and "
        "recognition). What do we see in how it runs here?"
    )


def test_summary_part_below_k_draws_nothing(store, session):
    for participant in ("a", "b"):
        store.append(session.code, PracticeRated(participant, "letter_grades", 1, 1, 1))
        store.append(session.code, VisionOffered(participant, "private words"))
    part = alignment_part(store.read(session.code), session)
    assert part.tables == {}
    assert part.notes == [
        "Fewer than 5 people placed our practices. A practice is shown once at "
        "least 5 people have placed it."
    ]
