"""The team page driven as a member would, without a browser: gate, forms, views."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitate.core.sessions import create_session
from facilitate.teams.codes import create_team
from facilitate.teams.events import (
    CauseNoted,
    ConcernRaised,
    ConcernResolved,
    CycleOpened,
    ResponseChecked,
    StudentAdded,
    SupportAdded,
)
from facilitate.teams.page import TeamPage


@pytest.fixture
def team(store):
    return create_team(store, "Grade 4 team", min_group_size=3)


def open_team(store, team, key=None, code=None) -> TeamPage:
    page = TeamPage(store=store)
    page.start()
    page.browser.query = {
        "team": team.code if code is None else code,
        "key": team.key if key is None else key,
    }
    page.browser.connected = True
    return page


def open_meeting(page: TeamPage, date: str) -> None:
    page.new_date.value = dt.date.fromisoformat(date)
    page.open_cycle.click()


def add_student(page: TeamPage, label: str, group: str = "") -> None:
    page.students.label.value = label
    page.students.group.value = group
    page.students.add.click()


def test_the_page_refuses_a_wrong_key_a_session_code_and_no_code(store, team):
    wrong = open_team(store, team, key="guess")
    assert "needs the team&#x27;s key" in wrong.refused.value
    assert "Grade 4 team" not in str(
        [getattr(c, "value", "") for c in wrong.root.children]
    )
    session = create_session(store, "Staff PD")
    as_session = open_team(store, team, code=session.code, key=session.key)
    assert f"&#x27;{session.code}&#x27; is not a team code" in as_session.refused.value
    nothing = open_team(store, team, code="", key="")
    assert "needs the team&#x27;s key" in nothing.refused.value


def test_a_member_works_through_the_four_questions(store, team):
    page = open_team(store, team)
    assert "No meeting yet" in page.meeting_status.value
    add_student(page, "M.L.")
    assert "Open a meeting first" in page.students.status.value
    open_meeting(page, "2026-01-12")
    assert page.cycle.value == "2026-01-12"

    add_student(page, "Maria Lopez")
    assert (
        "&#x27;Maria Lopez&#x27; looks like a full name" in page.students.status.value
    )
    assert page.students.label.value == "Maria Lopez", "the input is kept"
    add_student(page, "M.L.")
    add_student(page, "ml")
    assert "already on the team&#x27;s list (as M.L.)" in page.students.status.value
    student = store.read(team.code, kinds=[StudentAdded.kind])[0].event
    assert (student.label, student.cycle) == ("M.L.", "2026-01-12")
    assert "No area chosen yet" in page.board.value

    page.areas.student.value = student.student
    page.areas.areas.value = ("reading", "mathematics")
    page.areas.save.click()
    assert "concern added in Reading, Mathematics" in page.areas.status.value
    assert page.flags.value.count('class="fc-flag fc-flag-no_support"') == 2

    page.supports.student.value = student.student
    assert [v for _, v in page.supports.area.options] == ["reading", "mathematics"]
    page.supports.area.value = "reading"
    page.supports.what.value = "Phonics group, 3 times a week"
    page.supports.owner.value = "Ms Ortiz"
    page.supports.add.click()
    assert "Please choose a tier." in page.supports.status.value
    page.supports.tier.value = 2
    page.supports.add.click()
    added = store.read(team.code, kinds=[SupportAdded.kind])
    assert [(s.event.tier, s.event.start, s.event.owner) for s in added] == [
        (2, "2026-01-12", "Ms Ortiz")
    ]
    assert "Phonics group, 3 times a week" in page.board.value
    assert page.flags.value.count("fc-flag-no_support") == 1

    open_meeting(page, "2026-01-26")
    page.checks.student.value = student.student
    page.checks.area.value = "reading"
    page.checks.response.value = "improving"
    page.checks.record.click()
    assert "Please enter the evidence" in page.checks.status.value
    page.checks.evidence.value = "Running record, 12 → 31 words correct"
    page.checks.record.click()
    assert page.checks.status.value.endswith("Check recorded.</p>")
    check = store.read(team.code, kinds=[ResponseChecked.kind])[0].event
    assert (check.cycle, check.response) == ("2026-01-26", "improving")
    assert "Improving · 26 Jan" in page.board.value

    page.areas.areas.value = ("reading",)
    page.areas.save.click()
    assert "concern closed in Mathematics" in page.areas.status.value
    assert store.read(team.code, kinds=[ConcernResolved.kind])
    assert page.flags.value == '<p class="fc-flags-none">No flags at this meeting.</p>'

    page.who.value = student.student
    assert "Running record, 12 → 31 words correct" in page.timeline.value
    assert "Concern resolved: Mathematics" in page.timeline.value


def test_two_members_see_each_other_after_a_poll(store, team):
    first = open_team(store, team)
    second = open_team(store, team)
    open_meeting(first, "2026-01-12")
    assert second.cycle.value is None
    second.refresh()
    assert second.cycle.value == "2026-01-12"
    add_student(second, "204518")
    first.refresh()
    assert 'data-student="204518"' in first.board.value
    open_meeting(first, "2026-01-26")
    second.refresh()
    assert second.cycle.value == "2026-01-26", "a page on the newest meeting moves on"
    assert len(store.read(team.code, kinds=[CycleOpened.kind])) == 2
    open_meeting(second, "2026-01-26")
    assert len(store.read(team.code, kinds=[CycleOpened.kind])) == 2


def test_the_equity_lens_uses_class_counts_and_hides_small_groups(store, team):
    page = open_team(store, team)
    open_meeting(page, "2026-01-12")
    for group, count in (("Group A", 20), ("Group B", 12), ("Group C", 2)):
        page.composition.group.value = group
        page.composition.count.value = count
        page.composition.save.click()
    assert [v for _, v in page.students.group.options] == [
        "",
        "Group A",
        "Group B",
        "Group C",
    ]
    for n in range(4):
        add_student(page, f"A{n}1", "Group A")
    for n in range(3):
        add_student(page, f"B{n}1", "Group B")
    for st in store.read(team.code, kinds=[StudentAdded.kind]):
        store.append(
            team.code, ConcernRaised(st.event.student, "reading", "2026-01-12")
        )
    page.refresh()
    assert "<th>Students of concern (of 7)</th>" in page.equity.value
    rows = page.equity.value.split('<tr class="fc-equity-row">')[1:]
    withheld = '<td class="fc-withheld">–</td>'
    # Group C (2 students) is under k, so the next smallest group is withheld too.
    assert rows[0].startswith("<th>Group A</th><td>20 (59%)</td><td>4 (57%)</td>")
    assert rows[1].startswith(f"<th>Group B</th>{withheld}{withheld}")
    assert rows[2].startswith(f"<th>Group C</th>{withheld}{withheld}")
    assert len(rows) == 3


def test_a_cause_noted_in_q2_is_targeted_by_a_support_and_shown_on_the_board(
    store, team
):
    page = open_team(store, team)
    open_meeting(page, "2026-01-12")
    add_student(page, "M.L.")
    student = store.read(team.code, kinds=[StudentAdded.kind])[0].event.student
    page.areas.student.value = student
    page.areas.areas.value = ("reading",)
    page.areas.cause.value = "Missed most of grade 2: decoding, not meaning"
    page.areas.save.click()
    said = page.areas.status.value
    assert "concern added in Reading; note of what is behind it added" in said
    assert page.areas.cause.value == "", "the box is ready for the next note"
    noted = store.read(team.code, kinds=[CauseNoted.kind])
    assert [(n.event.student, n.event.note) for n in noted] == [
        (student, "Missed most of grade 2: decoding, not meaning")
    ]
    assert (
        "Behind it: Missed most of grade 2: decoding, not meaning" in page.board.value
    )

    page.areas.cause.value = "Family moved twice this year"
    page.areas.save.click()
    page.supports.student.value = student
    assert [label for label, _ in page.supports.target_options or []] == [
        "Missed most of grade 2: decoding, not meaning",
        "Family moved twice this year",
    ]
    page.supports.area.value = "reading"
    page.supports.what.value = "Phonics group, 3 times a week"
    page.supports.owner.value = "Ms Ortiz"
    page.supports.tier.value = 2
    page.supports.targets.value = (noted[0].event.cause,)
    page.supports.add.click()
    added = store.read(team.code, kinds=[SupportAdded.kind])[0].event
    assert added.causes == [noted[0].event.cause]
    assert "Targets: Missed most of grade 2: decoding, not meaning" in page.board.value
    assert page.supports.targets.value == (), "ticks cleared for the next support"
    page.who.value = student
    assert "What we think is behind it: Family moved twice this year" in (
        page.timeline.value
    )


def test_saving_nothing_in_q2_says_what_to_do(store, team):
    page = open_team(store, team)
    open_meeting(page, "2026-01-12")
    add_student(page, "M.L.")
    page.areas.student.value = store.read(team.code)[-1].event.student
    page.areas.save.click()
    assert (
        "Nothing changed: tick or untick an area, or write what is behind it, first."
        in page.areas.status.value
    )
