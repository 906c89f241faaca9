"""The leader's reflection page, driven without a browser."""

from __future__ import annotations

from facilitate.core.events import LeaderNoteSaved, RubricChecked
from facilitate.leader.page import ReflectionPage


def open_page(store, code, key):
    page = ReflectionPage(store=store)
    page.start()
    page.open(code, key)
    return page


def test_without_the_key_the_page_is_one_refusal(store, session):
    page = open_page(store, session.code, "wrong")
    assert "needs the facilitator&#x27;s key" in page.refused.value
    assert page.save not in page.root.children


def test_counts_are_live_and_saving_records_only_changes(store, session):
    page = open_page(store, session.code, session.key)
    page.notes["context"].value = "Grade 7 team"
    page.notes["what_happened"].value = "word " * 499
    assert page.counts["what_happened"].value == "<p>499 words</p>"
    assert "The reflection is 499 of 500 words." in page.total.value
    page.notes["next_steps"].value = "pilot it now"
    assert (
        "502 words: 2 over the 500-word limit. Nothing has been cut."
        in page.total.value
    )
    page.levels["lead"].value = "basic"
    page.save.click()
    assert page.status.value.endswith("Saved 4 changes.</p>")
    page.notes["context"].value = "Grade 7 and 8 team"
    page.save.click()
    page.save.click()
    assert page.status.value.endswith("Nothing changed since the last save.</p>")
    notes = [r.event for r in store.read(session.code, kinds=[LeaderNoteSaved.kind])]
    assert [n.section for n in notes] == [
        "context",
        "what_happened",
        "next_steps",
        "context",
    ]
    assert notes[1].text == ("word " * 499).strip()
    assert [r.event for r in store.read(session.code, kinds=[RubricChecked.kind])] == [
        RubricChecked("lead", "basic")
    ]
    again = open_page(store, session.code, session.key)
    assert again.notes["context"].value == "Grade 7 and 8 team"
    assert again.levels["lead"].value == "basic"
    assert again.levels["facilitate"].value is None
