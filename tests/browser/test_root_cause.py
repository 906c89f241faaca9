"""The root-cause protocol in a real browser, from the leader's upload to the map.

The leader uploads the synthetic sample district in the audit workbook, runs the
audit and shares one finding in their own words. Three participants, each in
their own browser, add a cause in a different category (one of them typed as
HTML) and vote. The display groups the causes by category, shows released vote
counts only, and shows every participant's words as text, never as markup.
"""

from __future__ import annotations

import pytest

from facilitate.activities.root_cause.events import (
    CauseAdded,
    CauseVoted,
    FindingShared,
)
from facilitate.activities.root_cause.sample import sample_path
from facilitate.core.events import PhaseChanged
from tests.browser.people import join, wait_for_count

pytestmark = pytest.mark.browser

AUDIT_TIMEOUT_MS = 150_000
STATEMENT = (
    "Students receiving special-education services are 3.9 times as likely to be "
    "suspended (n = 241)"
)
#: (name, category radio index, cause): one person per category, one as HTML.
PEOPLE = (
    ("Ana", 0, "<b>Zero</b> tolerance & <i>no</i> appeal"),
    ("Bo", 1, "Behaviour plans are not shared with cover staff"),
    ("Cy", 2, "Low expectations of these students"),
)
SHARED_CAUSE = PEOPLE[1][2]


def share_the_finding(leader, server, session) -> None:
    leader.goto(server.page_url("audit", session))
    with leader.expect_file_chooser() as chooser:
        leader.click(".fc-audit-upload")
    chooser.value.set_files(str(sample_path()))
    leader.wait_for_selector(".fc-audit-run")
    leader.click(".fc-audit-run")
    leader.wait_for_selector(".fc-share-sentence", timeout=AUDIT_TIMEOUT_MS)
    assert "S000001" not in leader.inner_text("body"), "no student row is shown"
    leader.fill(".fc-share-who input", "Students receiving special-education services")
    leader.fill(".fc-share-what input", "to be suspended")
    leader.press(".fc-share-what input", "Tab")  # the preview follows on leaving
    leader.wait_for_function(
        "(want) => document.querySelector('.fc-share-sentence b').innerText === want",
        arg=STATEMENT,
    )
    leader.click(".fc-share")
    wait_for_count(server.store, session.code, FindingShared.kind, 1)


def row(page, text: str):
    return page.locator(".fc-rc-row", has_text=text)


def vote(phone, text: str, server, code: str, votes: int) -> None:
    row(phone, text).locator(".fc-rc-vote").click()
    wait_for_count(server.store, code, CauseVoted.kind, votes)


def test_a_shared_finding_gathers_causes_and_votes_on_the_display(server, new_page):
    session = server.new_session("Root causes", k=3)
    code = session.code
    leader = new_page()
    share_the_finding(leader, server, session)
    assert "audit_page(" not in leader.content(), "no source code in the page"
    (shared,) = server.store.read(code, kinds=[FindingShared.kind])
    assert shared.event.statement == STATEMENT

    phones = []
    for name, _, _ in PEOPLE:
        phone = new_page()
        join(phone, server.participant_url(code), name)
        phones.append(phone)
    server.store.append(code, PhaseChanged("root_causes"))
    for done, (phone, (_, category, text)) in enumerate(
        zip(phones, PEOPLE, strict=True), 1
    ):
        phone.wait_for_selector(".fc-rc-form .fc-rc-text textarea")
        assert STATEMENT in phone.inner_text(".fc-rc-findings")
        phone.locator(".fc-rc-form .fc-rc-category input").nth(category).check()
        phone.fill(".fc-rc-form .fc-rc-text textarea", text)
        phone.click(".fc-rc-form .fc-rc-add")
        wait_for_count(server.store, code, CauseAdded.kind, done)
    vote(phones[0], SHARED_CAUSE, server, code, 1)
    vote(phones[1], SHARED_CAUSE, server, code, 2)
    vote(phones[0], PEOPLE[0][2], server, code, 3)
    assert row(phones[2], PEOPLE[0][2]).count() == 1, "others' causes reach phones"

    display = new_page()
    display.goto(server.display_url(session))
    display.wait_for_selector(".fc-rc-practices .fc-rc-votes")
    assert display.inner_text(".fc-rc-practices .fc-rc-votes") == "fewer than 3 votes"
    vote(phones[2], SHARED_CAUSE, server, code, 4)
    display.wait_for_function(
        "() => document.querySelector('.fc-rc-practices .fc-rc-votes')"
        ".innerText === '3 votes'"
    )
    assert STATEMENT in display.inner_text(".fc-rc-findings")
    columns = {
        key: display.inner_text(f".fc-rc-{key}")
        for key in ("policies", "practices", "beliefs", "messages")
    }
    assert PEOPLE[0][2] in columns["policies"]
    assert "fewer than 3 votes" in columns["policies"]
    assert "1 vote" not in columns["policies"], "a small count is never shown"
    assert SHARED_CAUSE in columns["practices"]
    assert PEOPLE[2][2] in columns["beliefs"]
    assert "No causes yet." in columns["messages"]
    assert display.locator(".fc-rc-map b, .fc-rc-map i").count() == 0
    assert "<b>Zero</b>" in display.inner_text(".fc-rc-policies .fc-rc-text")
