"""Shared-vision alignment in a real browser: two camps surface as the top tension.

One participant answers in Chromium on a 390 px phone, where each numbered
scale stays on one row with every number whole (placing, skipping, reloading);
seven more answers are appended to the store, as other phones would (eight
answers are the fewest from which a split can be told from random answering).
The display stays hidden until the remote reveals it, then ranks the split
practice first.
"""

from __future__ import annotations

import pytest

from facilitate.activities.alignment.content import load_alignment, session_practices
from facilitate.activities.alignment.events import PracticeRated
from facilitate.core.events import ParticipantJoined, PhaseChanged
from tests.browser.people import (
    PHONE,
    join,
    option_problems,
    plot_data,
    plot_selector,
    wait_for_text,
)

pytestmark = pytest.mark.browser

PRACTICES = load_alignment().practices
LISTED = len(PRACTICES) + 1  # the bank and the practice added on the console
CAMP_A = {"spectrum": 1, "now": 4, "vision": 1}  # grades are reward: keep out
CAMP_B = {"spectrum": 7, "now": 4, "vision": 5}  # grades are feedback: keep in


SCREEN = ".fc-slot-alignment .fc-alignment-screen"


def first_tension(page, part):
    return page.inner_text(f".fc-top-tensions li:first-child .fc-tension-{part}")


def test_two_camps_rank_first_and_read_split(server, new_page):
    session = server.new_session("Alignment camps", k=3)
    code = session.code
    display = new_page()
    display.goto(server.display_url(session))
    wait_for_text(display, ".fc-count-number", "0", timeout_ms=60_000)
    remote = new_page()
    remote.goto(server.remote_url(session))
    person = new_page()
    person.set_viewport_size(PHONE)
    join(person, server.participant_url(code), "Ana")
    server.store.append(code, PhaseChanged("alignment"))

    remote.wait_for_selector(".fc-add-practice-label input")
    remote.fill(".fc-add-practice-label input", "Morning <meeting>")
    remote.click(".fc-add-practice")
    remote.wait_for_selector(".fc-add-practice-message .fc-say-success")

    wait_for_text(person, ".fc-align-practice h3", "Letter grades")
    person.wait_for_function(
        "(want) => document.querySelector('.fc-align-progress')"
        ".innerText.includes(want)",
        arg=f"Practice 1 of {LISTED}",
    )
    for scale in ("spectrum", "now", "vision"):
        assert option_problems(person, f".fc-align-{scale}") == [], scale
    person.locator(".fc-align-spectrum button").nth(0).click()
    person.locator(".fc-align-now button").nth(3).click()
    person.locator(".fc-align-vision button").nth(0).click()
    person.click(".fc-align-save")
    wait_for_text(person, ".fc-align-practice h3", PRACTICES[1].label)
    person.click(".fc-align-skip")
    third = PRACTICES[2].label
    wait_for_text(person, ".fc-align-practice h3", third)
    person.reload()
    wait_for_text(person, ".fc-align-practice h3", third, timeout_ms=60_000)
    wait_for_text(
        person, ".fc-align-progress", f"Practice 3 of {LISTED} · 1 answered · 1 skipped"
    )
    mine = [
        r.event
        for r in server.store.read(code, kinds=[PracticeRated.kind])
        if r.event.practice in ("letter_grades", PRACTICES[1].key)
    ]
    assert [(e.practice, e.spectrum, e.now, e.vision, e.skipped) for e in mine] == [
        ("letter_grades", 1, 4, 1, False),
        (PRACTICES[1].key, None, None, None, True),
    ]

    others_answer(server.store, code)
    wait_for_text(
        display,
        f"{SCREEN} .fc-state-headline",
        "At least 6 are placing our practices.",
    )
    assert display.locator(".fc-top-tensions li").count() == 0

    remote.click(".fc-reveal-alignment")
    display.wait_for_selector(".fc-top-tensions li .fc-tension-practice")
    assert first_tension(display, "practice") == "Letter grades"
    assert first_tension(display, "label") == "split into two camps"
    display.wait_for_selector(plot_selector("fc-tension-map"))
    traces = plot_data(display, "fc-tension-map")
    split_points = traces[1]
    assert split_points["name"] == "split into two camps"
    assert split_points["text"] == ["Letter grades"]
    remote.locator(".fc-view-alignment button", has_text="Spectrum").click()
    display.wait_for_function(
        "(sel) => { const p = document.querySelector(sel);"
        " return p && p.data && p.data.length > 0 && (p.data[0].y || []).length > 0; }",
        arg=plot_selector("fc-spectrum-strip"),
    )
    rows = plot_data(display, "fc-spectrum-strip")[0]["y"]
    assert rows[0] == "Letter grades"
    assert len(set(rows)) == 8, "the strip keeps to rows the room can read"
    assert "more practices are in the summary" in display.inner_text(SCREEN)
    assert display.locator("meeting").count() == 0  # no element made from text


def others_answer(store, code):
    """Seven more people, as their phones would record it: 3 join camp A, 4 camp B."""
    keys = [
        p.key for p in session_practices(load_alignment().practices, store.read(code))
    ]
    for index in range(7):
        participant = f"phone-{index}"
        store.append(code, ParticipantJoined(participant, f"Phone {index}"))
        for key in keys:
            if key == "letter_grades":
                answer = CAMP_A if index < 3 else CAMP_B
            else:  # two neighbouring places: one of them can be shown at k = 3
                answer = {"spectrum": 4 + index % 2, "now": 3, "vision": 3 + index % 2}
            store.append(code, PracticeRated(participant, key, **answer))
