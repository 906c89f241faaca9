"""The self-assessment's part of the reflection summary: the last release only."""

from __future__ import annotations

from facilitate.activities import AGENDA
from facilitate.activities.self_assessment.events import (
    PrivateReflectionSaved,
    SelfAssessmentAnswered,
    ZoneChecked,
)
from facilitate.activities.self_assessment.report import self_assessment_part
from facilitate.core.events import ResultsRevealed
from tests.activities.self_assessment.fixtures import complete_inventory

SECRET = "a private worry nobody else should read"


def test_part_is_on_the_agenda():
    spec = AGENDA.activity("self_assessment")
    assert spec is not None
    assert spec.report is not None
    assert spec.report.load() is self_assessment_part


def test_before_a_release_there_are_notes_and_no_figures(store, session):
    for person in ("a", "b", "c", "d"):
        complete_inventory(store, session.code, person)
    store.append(session.code, ResultsRevealed("self_assessment", True))
    part = self_assessment_part(store.read(session.code), session)
    assert part.figures == []
    assert part.notes == [
        "Fewer than 5 have finished.",
        "Educators, Support staff, Families and community members, Students: shown "
        "once at least 5 people using these statements have finished (smaller "
        "groups stay private).",
    ]
    assert part.tables == {}


def test_a_release_gives_aggregates_and_never_private_text(store, session):
    for index, person in enumerate("abcdefghij"):
        answer = "always" if index < 5 else "often"
        complete_inventory(store, session.code, person, answer=answer)
        store.append(session.code, ZoneChecked(person, "end", "comfort"))
    store.append(session.code, PrivateReflectionSaved("a", "leadership", SECRET))
    store.append(session.code, ResultsRevealed("self_assessment", True))
    store.append(session.code, SelfAssessmentAnswered("a", "grades_fair", "never"))
    part = self_assessment_part(store.read(session.code), session)
    assert len(part.figures) == 2  # domains and zones; no identity can be named
    domains = part.tables["self_assessment_domains"]
    assert list(domains.columns) == ["variant", "title", "label", "count", "share"]
    assert set(domains["variant"]) == {"Educators"}
    # Five "often" and five "always": the empty answers merge into the lower
    # half, so both halves are shown and no zero is named.
    assert set(domains.loc[domains["label"] == "Never to often", "count"]) == {5}
    assert set(domains.loc[domains["label"] == "Always", "count"]) == {5}
    zones = part.tables["self_assessment_zones"]
    # all ten in one zone: one group across every zone tells nobody's zone
    assert zones[["moment", "label", "count"]].values.tolist() == [
        ["start", "Comfort zone to danger zone", 10],
        ["end", "Comfort zone to danger zone", 10],
    ]
    dumped = " ".join(
        [*part.notes, *(t.to_csv() for t in part.tables.values())]
        + [str(f.to_dict()) for f in part.figures]
    )
    assert SECRET not in dumped
    assert "Person a" not in dumped


def test_each_variant_is_its_own_figure_and_small_ones_wait(store, session):
    for index, person in enumerate("abcdefghij"):
        answer = "always" if index < 5 else "often"
        complete_inventory(store, session.code, person, answer=answer)
    for person in "klmnopq":
        complete_inventory(store, session.code, person, role="family")
    for person in "rs":
        complete_inventory(store, session.code, person, role="student")
    store.append(session.code, ResultsRevealed("self_assessment", True))
    part = self_assessment_part(store.read(session.code), session)
    titles = [figure.layout.title.text for figure in part.figures]
    assert titles[:2] == [
        "Educators: what we typically answered",
        "Families and community members: what we typically answered",
    ]
    domains = part.tables["self_assessment_domains"]
    assert list(dict.fromkeys(domains["variant"])) == [
        "Educators",
        "Families and community members",
    ]
    assert (
        "Support staff, Students: shown once at least 5 people using these "
        "statements have finished (smaller groups stay private)."
    ) in part.notes
