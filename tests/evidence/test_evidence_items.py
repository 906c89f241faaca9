"""The pack's session items come from the agenda, and none is quietly lost.

On the demo session, where every activity ran and was released, each item must
be built with figures: a summary table renamed without its evidence part fails
here, not as a "could not be built" on a leader's page.
"""

from __future__ import annotations

import pytest

from facilitate.core.agenda import current_agenda
from facilitate.core.store import open_store
from facilitate.demo import seed_demo
from facilitate.evidence.session_evidence import (
    COULD_NOT_BUILD,
    session_evidence,
    summary_sections,
    titles,
)


@pytest.fixture(scope="module")
def demo_items(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("demo"))
    session = seed_demo(store)
    items = session_evidence(store.read(session.code), session)
    store.close()
    return items


def test_the_items_are_the_cover_and_each_activity_that_declares_one():
    declared = [spec.key for spec in current_agenda().activities if spec.evidence]
    assert list(summary_sections().values()) == ["cover", *declared]
    assert list(titles()) == [
        "roles", "zones", "tensions", "root_causes", "participation", "feedback",
    ]  # fmt: skip


def test_every_item_of_the_demo_is_built_with_figures(demo_items):
    assert list(demo_items) == list(titles())
    failed = [key for key, item in demo_items.items() if item.failed]
    assert failed == []
    assert [key for key, item in demo_items.items() if not item.available] == []
    assert all(COULD_NOT_BUILD not in item.notes for item in demo_items.values())


def test_the_tensions_are_worded_as_the_summary_words_them(demo_items):
    table = demo_items["tensions"].tables[0]
    assert table.columns == (
        "Practice",
        "How the room placed it",
        "Vision and practice",
    )
    assert table.rows
    assert all(row[2] for row in table.rows)


def test_feedback_and_zones_carry_the_groups_the_room_saw(tmp_path):
    """A room of 6 split 3 and 3 at k = 3: the pack shows both groups, as the
    display did, never a row of "withheld" cells for groups that were merged."""
    from facilitate.activities.feedback.events import FeedbackContent
    from facilitate.activities.self_assessment.events import (
        SelfAssessmentSubmitted,
        ZoneChecked,
    )
    from facilitate.core.events import ParticipantJoined, ResultsRevealed
    from facilitate.core.evidence import WITHHELD
    from facilitate.core.sessions import create_session

    store = open_store(tmp_path)
    session = create_session(store, "Team", min_group_size=3)
    for index in range(6):
        who, low = f"p{index}", index < 3
        store.append(session.code, ParticipantJoined(who, who, "teacher"))
        store.append(
            session.code, ZoneChecked(who, "start", "comfort" if low else "danger")
        )
        store.append(session.code, SelfAssessmentSubmitted(who))
        store.append(session.code, FeedbackContent({"voice": 2 if low else 5}, "", ""))
    for activity in ("self_assessment", "feedback"):
        store.append(session.code, ResultsRevealed(activity, True))
    items = session_evidence(store.read(session.code), session)
    store.close()
    voice = next(r for r in items["feedback"].tables[0].rows if "chance" in r[0])
    assert voice[1] == "Strongly disagree or disagree: 3 · Neutral to strongly agree: 3"
    zones = items["zones"].tables[0].rows
    assert zones[0] == ("Comfort zone", "3", "—")
    assert WITHHELD not in str(zones)
