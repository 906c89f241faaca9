"""Three members of a team work on their own laptops over two meetings, in Chromium.

Every write happens on one member's page; the board and the flags must follow on
all three pages without a reload (each page polls the log). A full name is
refused on the page and never reaches the store. (The key gate is tested without
a browser, in tests/teams/test_team_page.py.)
"""

from __future__ import annotations

import time

import pytest

from facilitate.teams.codes import create_team
from facilitate.teams.events import (
    ConcernRaised,
    ResponseChecked,
    StudentAdded,
    SupportAdded,
)

pytestmark = pytest.mark.browser

LIVE_MS = 20_000


def team_url(server, team) -> str:
    return f"{server.base}/lead/voila/render/team.ipynb?team={team.code}&key={team.key}"


def wait_contains(page, selector: str, text: str) -> None:
    """Wait until ``selector``'s text contains ``text`` (no click, no reload)."""
    page.wait_for_function(
        "([sel, want]) => { const el = document.querySelector(sel);"
        " return el !== null && el.innerText.includes(want); }",
        arg=[selector, text],
        timeout=LIVE_MS,
    )


def wait_lacks(page, selector: str, text: str) -> None:
    page.wait_for_function(
        "([sel, want]) => { const el = document.querySelector(sel);"
        " return el !== null && !el.innerText.includes(want); }",
        arg=[selector, text],
        timeout=LIVE_MS,
    )


def everyone(pages, selector: str, text: str) -> None:
    for page in pages:
        wait_contains(page, selector, text)


def wait_for_events(store, code: str, kind: str, count: int) -> None:
    deadline = time.monotonic() + 15
    while len(store.read(code, kinds=[kind])) < count:
        assert time.monotonic() < deadline, f"{kind}: {store.read(code, kinds=[kind])}"
        time.sleep(0.05)


def open_meeting(page, date: str) -> None:
    page.fill(".fc-cycle-date input", date)
    page.click(".fc-open-cycle")


def add_student(page, label: str) -> None:
    page.fill(".fc-student-label input", label)
    page.click(".fc-add-student")


def choose(page, css_class: str, label: str) -> None:
    page.select_option(f".{css_class} select", label=label)


def raise_concern(page, student: str, area: str, behind: str = "") -> None:
    choose(page, "fc-areas-student", student)
    page.locator(".fc-areas .fc-choice", has_text=area).locator("input").check()
    if behind:
        page.fill(".fc-cause-note input", behind)
    page.click(".fc-save-areas")


def add_support(
    page, student: str, area: str, what: str, owner: str, targets: str = ""
) -> None:
    choose(page, "fc-support-student", student)
    wait_contains(page, ".fc-support-area select", area)
    choose(page, "fc-support-area", area)
    if targets:
        wait_contains(page, ".fc-support-causes", targets)
        cause = page.locator(".fc-support-causes .fc-choice", has_text=targets)
        cause.locator("input").check()
    page.fill(".fc-support-what input", what)
    page.locator(".fc-support-tier button", has_text="Tier 2").click()
    page.fill(".fc-support-owner input", owner)
    page.click(".fc-add-support")


def record_check(page, student: str, area: str, response: str, note: str) -> None:
    choose(page, "fc-check-student", student)
    wait_contains(page, ".fc-check-area select", area)
    choose(page, "fc-check-area", area)
    page.locator(".fc-check-response button", has_text=response).click()
    page.fill(".fc-check-evidence input", note)
    page.click(".fc-record-check")


def test_three_members_work_two_meetings_and_every_page_follows(server, new_page):
    team = create_team(server.store, "Grade 4 browser team", min_group_size=3)
    code = team.code
    ana, bo, cy = new_page(), new_page(), new_page()
    members = (ana, bo, cy)
    for page in members:
        page.goto(team_url(server, team))
        page.wait_for_selector(".fc-meeting-status .fc-say")
    everyone(members, ".fc-meeting-status", "No meeting yet")
    assert "discovery, not for judging" in ana.inner_text(".fc-discovery")

    open_meeting(ana, "2026-01-12")
    everyone(members, ".fc-meeting-status", "meeting of 12 Jan 2026")

    add_student(ana, "Maria Lopez")
    wait_contains(ana, ".fc-student-status", "'Maria Lopez' looks like a full name")
    assert server.store.read(code, kinds=[StudentAdded.kind]) == []
    add_student(ana, "M.L.")
    add_student(bo, "204518")
    everyone(members, ".fc-board", "M.L.")
    everyone(members, ".fc-board", "204518")

    raise_concern(cy, "M.L.", "Reading", behind="Decoding, not meaning")
    everyone(members, ".fc-flags", "M.L., Reading")
    everyone(members, ".fc-board", "Behind it: Decoding, not meaning")
    add_support(
        bo,
        "M.L.",
        "Reading",
        "Phonics group, 3 times a week",
        "Ms Ortiz",
        targets="Decoding, not meaning",
    )
    for page in members:
        wait_contains(page, ".fc-board", "Phonics group, 3 times a week")
        wait_contains(page, ".fc-board", "Targets: Decoding, not meaning")
        wait_lacks(page, ".fc-flags", "M.L., Reading")
    record_check(ana, "M.L.", "Reading", "Improving", "Running record 31 wcpm")
    everyone(members, ".fc-board", "Improving · 12 Jan")

    open_meeting(cy, "2026-01-26")
    everyone(members, ".fc-meeting-status", "meeting of 26 Jan 2026")
    raise_concern(ana, "204518", "Mathematics")
    everyone(members, ".fc-flags", "204518, Mathematics")
    record_check(bo, "M.L.", "Reading", "Improving", "Running record 44 wcpm")
    everyone(members, ".fc-flags", "Improving: ready to step down? (1)")
    everyone(members, ".fc-flags", "M.L., Reading: tier 2, Phonics group")

    wait_for_events(server.store, code, ResponseChecked.kind, 2)
    assert [
        r.event.label for r in server.store.read(code, kinds=[StudentAdded.kind])
    ] == [
        "M.L.",
        "204518",
    ]
    concerns = server.store.read(code, kinds=[ConcernRaised.kind])
    assert [(r.event.area, r.event.cycle) for r in concerns] == [
        ("reading", "2026-01-12"),
        ("mathematics", "2026-01-26"),
    ]
    support = server.store.read(code, kinds=[SupportAdded.kind])[0].event
    assert (support.tier, support.owner, support.start) == (2, "Ms Ortiz", "2026-01-12")
    checks = server.store.read(code, kinds=[ResponseChecked.kind])
    assert [(r.event.cycle, r.event.response) for r in checks] == [
        ("2026-01-12", "improving"),
        ("2026-01-26", "improving"),
    ]
    assert "team_page(" not in ana.content()
