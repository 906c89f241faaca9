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
