"""The self-assessment's part of the reflection summary holds aggregates only."""

from __future__ import annotations

import pandas as pd
from pandas.testing import assert_frame_equal

from facilitate.events import PrivateReflectionSaved, ZoneChecked
from facilitate.report_parts import REPORT_PARTS
from facilitate.self_assessment.report import self_assessment_part
from tests.unit.self_assessment_fixtures import complete_inventory

SECRET = "a private worry nobody else should read"


def test_part_is_registered():
    assert REPORT_PARTS["self_assessment"] == (
        "facilitate.self_assessment.report:self_assessment_part"
    )


def test_four_people_give_notes_and_no_figures(store, session):
    for person in ("a", "b", "c", "d"):
        complete_inventory(store, session.code, person)
    part = self_assessment_part(store.read(session.code), session)
    assert part.figures == []
    assert part.notes == [
        "4 people finished the self-assessment.",
        "Domain results: 1 more person needs to answer before this is shown "
        "(groups smaller than 5 stay private).",
    ]
    assert all(table.empty for table in part.tables.values())


def test_six_people_give_aggregates_and_never_private_text(store, session):
    for person in ("a", "b", "c", "d", "e", "f"):
        complete_inventory(store, session.code, person, answer="always")
        store.append(session.code, ZoneChecked(person, "end", "comfort"))
    store.append(session.code, PrivateReflectionSaved("a", "leadership", SECRET))
    part = self_assessment_part(store.read(session.code), session)
    assert len(part.figures) == 3
    zones = pd.DataFrame(
        {
            "moment": ["start"] * 3 + ["end"] * 3,
            "label": ["Comfort zone", "Risk zone", "Danger zone"] * 2,
            "count": [0, 6, 0, 6, 0, 0],
        }
    )
    assert_frame_equal(part.tables["self_assessment_zones"], zones)
    domains = part.tables["self_assessment_domains"]
    assert domains.loc[domains["label"] == "Always", "count"].tolist() == [24] * 5
    assert list(domains.columns) == ["title", "label", "count", "share"]
    dumped = " ".join(
        [*part.notes, *(t.to_csv() for t in part.tables.values())]
        + [str(f.to_dict()) for f in part.figures]
    )
    assert SECRET not in dumped
    assert "Person a" not in dumped
