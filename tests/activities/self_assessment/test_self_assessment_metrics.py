"""The self-assessment's group figures: typical answers, batches and the gate."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from facilitate.activities.self_assessment.content import PREFER_NOT
from facilitate.activities.self_assessment.events import (
    IdentityReflected,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
    ZoneChecked,
)
from facilitate.activities.self_assessment.metrics import (
    domain_counts,
    room_results,
    typical_answer,
    typical_answers,
)
from facilitate.core.events import ResultsRevealed, SettingChanged
from tests.activities.self_assessment.fixtures import small_content


@pytest.fixture
def small(tmp_path):
    return small_content(tmp_path)


STAFF = ("s1", "s2", "l1", "l2")
FAMILY = ("f1", "f2", "g1")


def person(
    store,
    code,
    who,
    answers=("often",) * 4,
    identities=("race",),
    zone="risk",
    items=STAFF,
):
    """``who`` answers the small inventory (staff: s1, s2, l1, l2) and submits."""
    store.append(code, ZoneChecked(who, "start", zone))
    for item, answer in zip(items, answers, strict=True):
        store.append(code, SelfAssessmentAnswered(who, item, answer))
    for question in ("most", "noticed"):
        store.append(code, IdentityReflected(who, question, list(identities)))
    store.append(code, SelfAssessmentSubmitted(who))


def reveal(store, code):
    store.append(code, ResultsRevealed("self_assessment", True))


@pytest.mark.parametrize(
    ("answers", "typical"),
    [
        (["often"], "often"),
        (["never", "always", "often"], "often"),
        (["never", "always"], "never"),  # a tie takes the lower middle
        (["sometimes", PREFER_NOT, "always"], "sometimes"),
        ([PREFER_NOT, PREFER_NOT], PREFER_NOT),
        ([], PREFER_NOT),
    ],
)
def test_typical_answer_is_the_middle_of_the_scale_answers(small, answers, typical):
    assert typical_answer(answers, small) == typical


def test_domain_counts_count_people_once_per_domain(small):
    latest = pd.DataFrame(
        {
            "participant": ["a", "a", "b", "b", "b"],
            "item": ["s1", "s2", "s1", "s2", "l1"],
            "answer": ["never", "often", "always", "always", PREFER_NOT],
        }
    )
    typical = typical_answers(latest, small.variant("staff"), small)
    assert typical.values.tolist() == [
        ["a", "self", "never"],
        ["b", "lead", PREFER_NOT],
        ["b", "self", "always"],
    ]
    counts = domain_counts(typical, small.variant("staff"), small)
    expected = pd.DataFrame(
        {
            "variant": ["staff"] * 10,
            "domain": ["self"] * 5 + ["lead"] * 5,
            "title": ["Knowing myself"] * 5 + ["Leading"] * 5,
            "answer": ["never", "sometimes", "often", "always", PREFER_NOT] * 2,
            "label": ["Never", "Sometimes", "Often", "Always", "Prefer not to say"] * 2,
            "count": [1, 0, 0, 1, 0, 0, 0, 0, 0, 1],
            "share": [0.5, 0, 0, 0.5, 0, 0, 0, 0, 0, 1.0],
        }
    )
    assert_frame_equal(counts, expected)


def test_nothing_is_released_before_the_reveal(store, session, small):
    for who in "abcdefghij":
        person(store, session.code, who)
    results = room_results(store.read(session.code), small)
    assert results.domains("staff") is None
    assert results.zones is None
    assert results.inventory.progress() == "At least 10 have finished."


def test_k_minus_one_people_are_never_shown(store, session, small):
    for who in "abcd":
        person(store, session.code, who)
    reveal(store, session.code)
    results = room_results(store.read(session.code), small)
    assert results.domains("staff") is None
    assert results.inventory.progress() == "Fewer than 5 have finished."


def test_cells_are_people_and_each_needs_k(store, session, small):
    for who in "abcde":
        person(store, session.code, who, answers=("often",) * 4)
    for who in "fghij":
        person(store, session.code, who, answers=("never",) * 4)
    reveal(store, session.code)
    domains = room_results(store.read(session.code), small).domains("staff")
    self_domain = domains.loc[domains["domain"] == "self"]
    # often 5 and never 5: the empty answers merge into their neighbours, so
    # both halves are shown and no empty answer is named.
    assert self_domain[["label", "count"]].values.tolist() == [
        ["Never or sometimes", 5],
        ["Often or always", 5],
    ]
    assert self_domain["withheld"].tolist() == [0, 0]
    assert self_domain["share"].tolist() == [0.5, 0.5]


def test_a_room_that_all_answered_alike_sees_one_group(store, session, small):
    """Everyone "always": one group spanning the scale, so the screen never
    says what each person chose."""
    for who in "abcdefg":
        person(store, session.code, who, answers=("always",) * 4)
    reveal(store, session.code)
    domains = room_results(store.read(session.code), small).domains("staff")
    assert set(domains["label"]) == {"Never to always"}
    assert set(domains["count"]) == {7}
    assert domains["merged"].all()


def test_an_identity_chosen_by_all_but_one_is_withheld(store, session, small):
    for who in "abcdefghi":
        person(store, session.code, who, identities=("race",))
    person(store, session.code, "j", identities=("gender",))
    reveal(store, session.code)
    identities = room_results(store.read(session.code), small).identities
    most = identities.loc[identities["question"] == "most"].set_index("identity")
    assert most.loc["race", "hidden"]  # 9 of 10 would expose the one who did not
    assert most.loc["gender", "hidden"]  # 1 of 10


def test_an_identity_chosen_by_k_of_2k_is_named(store, session, small):
    for who in "abcde":
        person(store, session.code, who, identities=("race", "gender"))
    for who in "fghij":
        person(store, session.code, who, identities=("gender",))
    reveal(store, session.code)
    identities = room_results(store.read(session.code), small).identities
    most = identities.loc[identities["question"] == "most"].set_index("identity")
    assert most.loc["race", "count"] == 5
    assert most.loc["gender", "hidden"]  # all ten chose it


def test_the_figures_move_only_when_k_more_have_submitted(store, session, small):
    code = session.code
    for who in "abcde":
        person(store, code, who, answers=("often",) * 4)
    reveal(store, code)
    first = room_results(store.read(code), small)
    store.append(code, SelfAssessmentAnswered("a", "s1", "never"))  # an edit
    for who in "fghi":
        person(store, code, who, answers=("never",) * 4)
    waiting = room_results(store.read(code), small)
    assert waiting.key == first.key
    assert_frame_equal(waiting.domains("staff"), first.domains("staff"))
    person(store, code, "j", answers=("never",) * 4)
    moved = room_results(store.read(code), small)
    assert moved.key != first.key
    assert moved.inventory.latest.people == frozenset("abcdefghij")


def test_zones_count_only_submitted_people(store, session, small):
    code = session.code
    for who in "abcde":
        person(store, code, who, zone="risk")
    for who in "vwxyz":
        store.append(code, ZoneChecked(who, "start", "danger"))  # never submit
    reveal(store, code)
    zones = room_results(store.read(code), small).zones
    start = zones.loc[zones["moment"] == "start"]
    # all five in risk: one group across the zones, so nobody's zone is told
    assert start[["members", "count"]].values.tolist() == [
        [("comfort", "risk", "danger"), 5]
    ]


def test_end_zones_are_released_in_their_own_batches(store, session, small):
    code = session.code
    reveal(store, code)
    for who in "abcd":
        store.append(code, ZoneChecked(who, "end", "comfort"))
    assert room_results(store.read(code), small).zones is None
    store.append(code, ZoneChecked("e", "end", "risk"))
    zones = room_results(store.read(code), small).zones
    assert set(zones["moment"]) == {"end"}


def test_a_lower_k_releases_sooner_but_never_below_three(store, session, small):
    code = session.code
    for who in "ab":
        person(store, code, who)
    reveal(store, code)
    store.append(code, SettingChanged("min_group_size", 2))
    results = room_results(store.read(code), small)
    assert results.inventory.k == 3
    assert results.domains("staff") is None
    person(store, code, "c")
    assert room_results(store.read(code), small).inventory.latest is not None


# --- variants: only comparable answers are counted together ------------------------


def family(store, code, who, answer="often"):
    person(store, code, who, answers=(answer,) * 3, items=FAMILY)


def test_each_variant_is_released_on_its_own_once_k_of_its_people_finished(
    store, session, small
):
    code = session.code
    for who in "abcde":
        person(store, code, who)
    for who in "vwxy":
        family(store, code, who)
    reveal(store, code)
    results = room_results(store.read(code), small)
    assert results.domains("staff") is not None
    assert results.domains("family") is None  # four families: not yet
    assert results.inventory.progress() == "At least 5 have finished."
    family(store, code, "z")
    families = room_results(store.read(code), small).domains("family")
    assert families["title"].unique().tolist() == [
        "Knowing myself as a parent",
        "Speaking up",
    ]
    assert families["variant"].unique().tolist() == ["family"]
    self_part = families.loc[families["domain"] == "self"]
    assert self_part["count"].tolist() == [5]  # all five alike: one group
    assert self_part["merged"].all()


def test_a_variant_moves_only_when_k_more_of_its_own_people_finished(
    store, session, small
):
    """One more family among a batch of staff must not move the families' chart:
    the difference would be that one family member's answers."""
    code = session.code
    for index, who in enumerate("abcdefghij"):
        person(store, code, who, answers=("often" if index < 5 else "never",) * 4)
    for index, who in enumerate("klmnopqrst"):
        family(store, code, who, "often" if index < 5 else "always")
    reveal(store, code)
    first = room_results(store.read(code), small)
    for who in "ABCD":
        person(store, code, who)
    family(store, code, "u", "sometimes")  # five more overall, one of them a family
    later = room_results(store.read(code), small)
    assert later.inventory.latest.batch > first.inventory.latest.batch
    assert_frame_equal(later.domains("family"), first.domains("family"))
    assert_frame_equal(later.domains("staff"), first.domains("staff"))
    assert later.key != first.key  # identities and zones moved with the batch


def test_a_person_counts_under_the_variant_of_their_latest_answer(
    store, session, small
):
    code = session.code
    for who in "abcd":
        family(store, code, who)
    for item in STAFF:  # e started with the staff statements, then changed
        store.append(code, SelfAssessmentAnswered("e", item, "never"))
    family(store, code, "e")
    reveal(store, code)
    results = room_results(store.read(code), small)
    assert results.domains("staff") is None
    assert results.domains("family") is not None


def test_a_log_written_before_variants_still_opens_and_counts(store, session):
    """Old logs hold the original statement keys, whatever role people chose."""
    from facilitate.activities.self_assessment.content import load_self_assessment
    from facilitate.core.events import ParticipantJoined

    shipped = load_self_assessment()
    code = session.code
    old_keys = ["identity_shapes_noticing", "privilege_names_advantages"]
    for who in "abcde":
        store.append(code, ParticipantJoined(who, who.upper(), "family"))
        for key in old_keys:
            store.append(code, SelfAssessmentAnswered(who, key, "often"))
        store.append(code, SelfAssessmentSubmitted(who))
    reveal(store, code)
    results = room_results(store.read(code), shipped)
    educators = results.domains("educators")
    assert educators is not None
    assert results.domains("families") is None
    answered = educators.loc[educators["domain"].isin(["identity", "privilege"])]
    # five people, all "often": one group per domain, spanning the scale
    assert answered["count"].tolist() == [5, 5]
    assert answered["merged"].all()


def test_identities_too_few_chose_are_merged_before_they_are_hidden(store, small):
    """A room of 6 at k = 3: race named by 3, and gender and another identity
    by 3 together, which the room sees as one group rather than not at all."""
    from facilitate.core.sessions import create_session

    session = create_session(store, "Team", min_group_size=3)
    chosen = ["race"] * 3 + ["gender"] * 2 + ["other"]
    for who, identity in zip("abcdef", chosen, strict=True):
        person(store, session.code, who, identities=(identity,))
    reveal(store, session.code)
    identities = room_results(store.read(session.code), small).identities
    most = identities.loc[(identities["question"] == "most") & ~identities["hidden"]]
    assert most[["label", "count", "merged"]].values.tolist() == [
        ["Race or ethnicity", 3, False],
        ["Gender or another identity", 3, True],
    ]
