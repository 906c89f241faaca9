"""Self-assessment aggregates on literal frames, including the k-suppression edges."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from facilitate.metrics.self_assessment import (
    domain_distribution,
    domain_notes,
    domain_people,
    finished_count,
    identity_counts,
    identity_notes,
    identity_people,
    submitted_answers,
    zone_counts,
    zone_people,
)
from facilitate.self_assessment.content import SelfAssessment
from tests.unit.self_assessment_fixtures import small_content

K = 3


@pytest.fixture
def small(tmp_path: Path) -> SelfAssessment:
    return small_content(tmp_path)


def answers_frame(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """(participant, item, answer) rows with increasing ids, as the store gives them."""
    return pd.DataFrame(
        [(i + 1, *row) for i, row in enumerate(rows)],
        columns=["id", "participant", "item", "answer"],
    )


def done(*people: str) -> pd.DataFrame:
    return pd.DataFrame({"participant": list(people)})


def everyone_answers(people: list[str], answer: str) -> list[tuple[str, str, str]]:
    return [(p, item, answer) for p in people for item in ("s1", "s2", "l1", "l2")]


def test_finished_counts_each_person_once():
    assert finished_count(done("a", "b", "a")) == 2
    assert finished_count(done()) == 0


def test_submitted_answers_keep_latest_and_drop_unsubmitted():
    answers = answers_frame(
        [("a", "s1", "never"), ("b", "s1", "always"), ("a", "s1", "often")]
    )
    expected = pd.DataFrame({"participant": ["a"], "item": ["s1"], "answer": ["often"]})
    assert_frame_equal(submitted_answers(answers, done("a")), expected)


def test_domain_with_k_minus_one_people_is_not_drawn(small):
    latest = submitted_answers(
        answers_frame(everyone_answers(["a", "b"], "often")), done("a", "b")
    )
    assert domain_people(latest, small)["people"].tolist() == [2, 2]
    result = domain_distribution(latest, small, K)
    assert result.empty
    assert list(result.columns) == [
        "domain", "title", "answer", "label", "count", "share"
    ]  # fmt: skip


def test_domain_with_exactly_k_people_is_drawn_with_shares(small):
    rows = [
        *everyone_answers(["a", "b"], "often"),
        ("c", "s1", "always"),
        ("c", "s2", "prefer_not"),
    ]
    latest = submitted_answers(answers_frame(rows), done("a", "b", "c"))
    expected = pd.DataFrame(
        {
            "domain": ["self"] * 5,
            "title": ["Knowing myself"] * 5,
            "answer": ["never", "sometimes", "often", "always", "prefer_not"],
            "label": ["Never", "Sometimes", "Often", "Always", "Prefer not to say"],
            "count": [0, 0, 4, 1, 1],
            "share": [0.0, 0.0, 4 / 6, 1 / 6, 1 / 6],
        }
    )
    assert_frame_equal(domain_distribution(latest, small, K), expected)
    assert domain_people(latest, small)["people"].tolist() == [3, 2]


def test_prefer_not_to_say_does_not_make_a_group_big_enough(small):
    rows = [
        *everyone_answers(["a", "b"], "sometimes"),
        *everyone_answers(["c"], "prefer_not"),
    ]
    latest = submitted_answers(answers_frame(rows), done("a", "b", "c"))
    expected_people = pd.DataFrame(
        {"domain": ["self", "lead"], "title": ["Knowing myself", "Leading"],
         "people": [2, 2]}
    )  # fmt: skip
    assert_frame_equal(domain_people(latest, small), expected_people)
    assert domain_distribution(latest, small, K).empty


def test_unsubmitted_people_do_not_count_towards_k(small):
    latest = submitted_answers(
        answers_frame(everyone_answers(["a", "b", "c"], "always")), done("a", "b")
    )
    assert domain_distribution(latest, small, K).empty


def reflections_frame(rows: list[tuple[str, str, list[str]]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(i + 1, *row) for i, row in enumerate(rows)],
        columns=["id", "participant", "question", "identities"],
    )


def test_identity_counts_name_only_identities_chosen_by_k(small):
    reflections = reflections_frame(
        [
            ("a", "most", ["race", "gender"]),
            ("b", "most", ["race"]),
            ("c", "most", ["race", "gender"]),
            ("d", "most", ["gender"]),
            ("d", "most", ["race"]),  # changed: latest wins
            ("e", "most", ["gender", "race"]),  # not submitted
            ("a", "noticed", []),
        ]
    )
    submitted = done("a", "b", "c", "d")
    expected = pd.DataFrame(
        {"question": ["most"], "identity": ["race"], "label": ["Race or ethnicity"],
         "count": [4]}
    )  # fmt: skip
    assert_frame_equal(identity_counts(reflections, submitted, small, K), expected)
    people = identity_people(reflections, submitted, small)
    assert people["people"].tolist() == [4, 1]


def test_identity_counts_of_nobody_is_an_empty_frame(small):
    result = identity_counts(reflections_frame([]), done(), small, K)
    assert result.empty
    assert list(result.columns) == ["question", "identity", "label", "count"]


def zones_frame(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(i + 1, *row) for i, row in enumerate(rows)],
        columns=["id", "participant", "moment", "zone"],
    )


def test_zones_show_start_at_k_and_hide_end_at_k_minus_one(small):
    zones = zones_frame(
        [
            ("a", "start", "danger"),
            ("a", "start", "risk"),  # changed: latest wins
            ("b", "start", "comfort"),
            ("c", "start", "risk"),
            ("a", "end", "comfort"),
            ("b", "end", "comfort"),
        ]
    )
    expected = pd.DataFrame(
        {
            "moment": ["start"] * 3,
            "zone": ["comfort", "risk", "danger"],
            "label": ["Comfort zone", "Risk zone", "Danger zone"],
            "count": [1, 2, 0],
        }
    )
    assert_frame_equal(zone_counts(zones, small, K), expected)
    assert zone_people(zones) == {"start": 3, "end": 2}


def test_zones_with_nobody_yet(small):
    assert zone_counts(zones_frame([]), small, K).empty
    assert zone_people(zones_frame([])) == {"start": 0, "end": 0}


def test_domain_notes_say_how_many_more_are_needed(small):
    latest = submitted_answers(
        answers_frame([*everyone_answers(["a", "b"], "often"), ("c", "s1", "never")]),
        done("a", "b", "c"),
    )
    people = domain_people(latest, small)
    assert domain_notes(people, K) == [
        "Leading: 1 more person needs to answer before this is shown "
        "(groups smaller than 3 stay private)."
    ]
    assert domain_notes(people, 5) == [
        "Domain results: 2 more people need to answer before this is shown "
        "(groups smaller than 5 stay private)."
    ]


def test_identity_notes_name_the_question_not_the_people(small):
    people = identity_people(
        reflections_frame([("a", "most", ["race"])]), done("a"), small
    )
    assert identity_notes(people, K) == [
        "Most? 2 more people need to answer before this is shown "
        "(groups smaller than 3 stay private).",
        "Noticed first? 3 more people need to answer before this is shown "
        "(groups smaller than 3 stay private).",
    ]
