"""A room of 12 through participation: every role exact for the leader, grouped
on the display until the facilitator shows every role.

Nine staff (six teachers, three support staff) and a student joined on devices;
two family members have none and are added on the tracker. The tracker taps in
a real browser, so talk times are the server's clock; the expected figures are
summed here, by hand, from the tap times the store kept. At k = 3 (the room's
fitted k) the display merges the student and the family members into one
group of three; the remote's "Show every role" separates them; the evidence
pack and the summary give every role's attendance and talk share exactly.
"""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from facilitate.activities.participation.events import TapUndone, TurnStarted
from facilitate.core.config import AUTO_GROUP_SIZE
from facilitate.core.events import ParticipantJoined, PhaseChanged, SettingChanged
from facilitate.export import export_session
from tests.browser.people import plot_selector, wait_for_text
from tests.browser.screens import photograph
from tests.browser.test_participation import expected_talk, speaker, wait_for_events

pytestmark = pytest.mark.browser

JOINED = (
    [(f"t{n}", f"Teacher {n}", "teacher") for n in range(1, 7)]
    + [(f"s{n}", f"Support {n}", "support_staff") for n in range(1, 4)]
    + [("pupil", "Pupil", "student")]
)
FAMILY = ("Family 1", "Family 2")
ROLE_WORDS = {
    "teacher": "Teacher",
    "support_staff": "Support staff",
    "student": "Student",
    "family": "Family member",
}
#: (who is tapped, seconds before the next tap): the family never speaks.
PLAN = (
    ("Pupil", 1.0),
    ("Teacher 1", 1.5),
    ("Support 1", 0.6),
    ("Teacher 1", 0.8),
    ("Teacher 2", 0.5),
    ("silence", 0.0),
)
GROUPED = [
    "Support staff<br>3 people",
    "Teacher<br>6 people",
    "Family member or<br>another role<br>3 people",
]
EVERY_ROLE = [
    "Family member<br>2 people",
    "Student<br>1 person",
    "Support staff<br>3 people",
    "Teacher<br>6 people",
]


def tap_the_plan(tracker, server, code: str) -> None:
    kinds = [TurnStarted.kind, TapUndone.kind]
    for done, (who, gap) in enumerate(PLAN, start=1):
        if who == "silence":
            tracker.click(".fc-silence")
        else:
            speaker(tracker, who).click()
        wait_for_events(server.store, code, kinds, done)
        tracker.wait_for_timeout(gap * 1000)


def add_family(tracker) -> None:
    for label in FAMILY:
        tracker.fill(".fc-seat-label input", label)
        tracker.select_option(".fc-seat-role select", label="Family member")
        tracker.click(".fc-add-speaker")
        speaker(tracker, label).wait_for(timeout=15_000)


def by_role(server, code: str, people: dict[str, str]) -> dict[str, tuple]:
    """Role words -> (people, talk share, turns), summed by hand from the taps."""
    talk = expected_talk(server, code, people)
    role_of = {name: role for _, name, role in JOINED}
    role_of.update(dict.fromkeys(FAMILY, "family"))
    total = sum(seconds for seconds, _ in talk.values())
    sums: dict[str, list] = {}
    for name, (seconds, turns) in talk.items():
        entry = sums.setdefault(ROLE_WORDS[role_of[name]], [0, 0.0, 0])
        entry[0] += 1
        entry[1] += seconds / total
        entry[2] += turns
    return {role: tuple(values) for role, values in sums.items()}


def wait_for_ticks(display, ticks: list[str]) -> list[float]:
    """Wait until the equity chart names these groups; their talk ratios."""
    selector = plot_selector("fc-equity-chart")
    display.wait_for_function(
        "([sel, want]) => { const p = document.querySelector(sel);"
        " return p && p.data &&"
        " JSON.stringify(p.data[0].x) === JSON.stringify(want); }",
        arg=[selector, ticks],
        timeout=20_000,
    )
    return display.evaluate("(sel) => document.querySelector(sel).data[0].y", selector)


def pack_tables(page) -> dict[str, list[list[str]]]:
    """Every table of the evidence pack's session items, by its caption."""
    return page.evaluate(
        """() => { const found = {};
          for (const t of document.querySelectorAll('.fc-evidence table')) {
            const caption = t.previousElementSibling
              ? t.previousElementSibling.innerText.trim() : '';
            found[caption] = [...t.querySelectorAll('tbody tr, tr')]
              .map(r => [...r.querySelectorAll('td')].map(c => c.innerText.trim()))
              .filter(r => r.length);
          }
          return found; }"""
    )


def test_a_room_of_12_is_exact_by_role_for_the_leader_and_grouped_on_screen(
    server, new_page, tmp_path
):
    session = server.new_session("Room of 12", k=AUTO_GROUP_SIZE)
    code = session.code
    for participant, name, role in JOINED:
        server.store.append(code, ParticipantJoined(participant, name, role))
    server.store.append(code, PhaseChanged("participation"))

    tracker = new_page()
    tracker.goto(server.page_url("tracker", session))
    speaker(tracker, "Pupil").wait_for()
    add_family(tracker)
    seats = {
        r.event.speaker: r.event.label
        for r in server.store.read(code)
        if r.kind == "speaker_added"
    }
    tap_the_plan(tracker, server, code)
    wait_for_text(tracker, ".fc-now-speaking .fc-say", "Silence.")
    people = {participant: name for participant, name, _ in JOINED} | seats
    roles = by_role(server, code, people)
    assert {role: n for role, (n, _, _) in roles.items()} == {
        "Teacher": 6,
        "Support staff": 3,
        "Student": 1,
        "Family member": 2,
    }
    assert roles["Family member"][1:] == (0.0, 0)

    remote = new_page()
    remote.goto(server.remote_url(session))
    remote.wait_for_selector(".fc-talk-table")
    display = new_page()
    display.set_viewport_size({"width": 1920, "height": 1080})
    display.goto(server.display_url(session))
    display.wait_for_selector(".fc-slot-participation.fc-current .fc-state-answering")
    remote.click(".fc-reveal-participation")
    remote.locator(".fc-view-participation button", has_text="Equity by role").click()

    problems: dict[str, list[str]] = {}
    ratios = wait_for_ticks(display, GROUPED)
    merged = roles["Student"][1] + roles["Family member"][1]
    assert ratios[2] == pytest.approx(merged / (3 / 12), abs=0.006)
    assert "roles of fewer than 3 people together as one group" in remote.inner_text(
        ".fc-every-role-note"
    )
    photograph(display, "room12-equity-grouped", problems)

    remote.click(".fc-show-every-role")
    ratios = wait_for_ticks(display, EVERY_ROLE)
    for words, ratio in zip(
        ("Family member", "Student", "Support staff", "Teacher"), ratios, strict=True
    ):
        count, share, _ = roles[words]
        assert ratio == pytest.approx(share / (count / 12), abs=0.006)
    wait_for_text(
        remote,
        ".fc-every-role-note p",
        "The screen shows every role by name, even one of a single person, with how "
        "many came and their share of talk, as everyone here saw it.",
    )
    photograph(display, "room12-equity-every-role", problems)
    assert problems == {}
    chosen = server.store.read(code, kinds=[SettingChanged.kind])
    assert [(r.event.name, r.event.value) for r in chosen][-1] == (
        "show_every_role",
        True,
    )

    pack = new_page()
    pack.goto(server.page_url("evidence", session))
    pack.wait_for_function(
        "() => [...document.querySelectorAll('.fc-evidence td')]"
        ".some(td => td.innerText.trim() === 'Family member')",
        timeout=60_000,
    )
    tables = pack_tables(pack)
    present = next(rows for caption, rows in tables.items() if "per role" in caption)
    assert Counter({r[0]: int(r[1]) for r in present}) == Counter(
        {role: n for role, (n, _, _) in roles.items()}
    )
    talk = next(rows for caption, rows in tables.items() if "By role" in caption)
    shown = {row[0]: row for row in talk}
    for words, (count, share, turns) in roles.items():
        assert int(shown[words][1]) == count
        assert float(shown[words][3]) == pytest.approx(share, abs=0.0051)
        assert int(shown[words][4]) == turns

    out = tmp_path / "export"
    export_session(
        server.store, session, server.data_dir, out, ["html", "csv"], lambda _: None
    )
    summary = next(out.rglob("summary-*.html")).read_text()
    for words, (count, _, _) in roles.items():
        assert f"<td>{words}</td><td>{count}</td>" in summary
    table = next(out.rglob("*participation_equity_by_role.csv"))
    with table.open() as handle:
        rows = {row["role"]: row for row in csv.DictReader(handle)}
    assert set(rows) == set(roles)
    for words, (count, share, turns) in roles.items():
        assert int(rows[words]["people"]) == count
        assert float(rows[words]["talk_share"]) == pytest.approx(share, abs=0.0051)
        assert int(rows[words]["turns"]) == turns
