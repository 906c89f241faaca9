"""The self-assessment in a real browser: one person completes it by hand, the room
fills in through the store, and the display shows group results only once k did.

One participant answers every statement in Chromium (with a reload half-way to
prove it resumes) and writes a private reflection; five more people's answers are
appended to the store as their own pages would. With four done the display says
when results will show and draws no chart; with ten it draws a released batch.
The private reflection and the names must never reach the display's HTML.
"""

from __future__ import annotations

import base64

import pytest

from facilitate.activities.self_assessment.content import load_self_assessment
from facilitate.activities.self_assessment.events import (
    PrivateReflectionSaved,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
)
from facilitate.core.events import PhaseChanged
from tests.browser.people import join, plot_data, plot_selector, wait_for_text
from tests.unit.self_assessment_fixtures import complete_inventory

pytestmark = pytest.mark.browser

CONTENT = load_self_assessment()
SECRET = "Sometimes I trust colleagues who sound like me more than others"
OFTEN = 2  # position of "Often" among the radio buttons
NEEDS_FIVE = "Shown once at least 5 people have finished (smaller groups stay private)."


def part_label(number: int, title: str) -> str:
    return f"Part {number} of {len(CONTENT.domains) + 3}: {title}"


def answer_domains(page, first: int, last: int) -> None:
    """Answer "Often" to every statement of domains ``first``..``last`` (1-based)."""
    for number in range(first, last + 1):
        domain = CONTENT.domains[number - 1]
        wait_for_text(
            page, ".fc-sa-progress-label", part_label(number + 1, domain.title)
        )
        for item in domain.items:
            page.locator(f".fc-sa-item-{item.key} input[type=radio]").nth(OFTEN).check()
        page.click(".fc-sa-next")


def complete_in_browser(page, server, code: str) -> None:
    wait_for_text(page, ".fc-sa-progress-label", part_label(1, "Before we start"))
    page.locator(".fc-zone-start input[type=radio]").nth(1).check()
    page.click(".fc-sa-next")
    answer_domains(page, 1, 2)
    wait_for_text(
        page, ".fc-sa-progress-label", part_label(4, CONTENT.domains[2].title)
    )
    page.reload()
    page.wait_for_selector(".fc-sa-progress-label")
    answer_domains(page, 3, len(CONTENT.domains))
    for label in ("Race or ethnicity", "Gender"):
        page.locator(".fc-sa-identity-most .fc-choice", has_text=label).locator(
            "input"
        ).check()
    page.click(".fc-sa-next")
    page.fill(".fc-sa-reflection-leadership textarea", SECRET)
    page.click(".fc-sa-submit")
    page.wait_for_selector(".fc-sa-profile-title")


SCREEN = ".fc-slot-self_assessment .fc-sa-screen"


def test_six_complete_display_waits_for_k_and_keeps_reflections_private(
    server, new_page
):
    session = server.new_session("Self-assessment", k=5)
    display = new_page()
    display.goto(server.display_url(session))
    display.wait_for_selector(".fc-count-number")
    remote = new_page()
    remote.goto(server.remote_url(session))
    ana = new_page()
    join(ana, server.participant_url(session.code), "Ana Quill")
    server.store.append(session.code, PhaseChanged("self_assessment"))
    wait_for_text(
        display, f"{SCREEN} .fc-state-headline", "Fewer than 5 have finished so far."
    )

    complete_in_browser(ana, server, session.code)
    answered = server.store.read(session.code, kinds=[SelfAssessmentAnswered.kind])
    assert len({r.event.item for r in answered}) == len(CONTENT.items)
    assert {r.event.answer for r in answered} == {"often"}
    assert [r.event.text for r in server.store.read(
        session.code, kinds=[PrivateReflectionSaved.kind]
    )] == [SECRET]  # fmt: skip
    href = ana.get_attribute(".fc-sa-download-link", "href")
    assert SECRET in base64.b64decode(href.split("base64,", 1)[1]).decode()

    for person in ("b", "c", "d"):
        complete_inventory(server.store, session.code, person)
    remote.click(".fc-reveal-self-assessment")
    wait_for_text(display, f"{SCREEN} .fc-state-headline", NEEDS_FIVE)
    assert display.locator(plot_selector("fc-sa-domain-chart")).count() == 0

    complete_inventory(server.store, session.code, "e")
    for person in ("f", "g", "h", "i", "j"):
        complete_inventory(server.store, session.code, person, answer="sometimes")
    display.wait_for_function(
        "(sel) => { const p = document.querySelector(sel); return p && "
        "p.data.some(t => t.name === 'Sometimes' && t.x[0] === 50); }",
        arg=plot_selector("fc-sa-domain-chart"),
    )
    traces = plot_data(display, "fc-sa-domain-chart")
    # Five "often" (Ana among them) and five "sometimes": one group is shown and
    # the other shares the grey segment, so the zeros cannot be read off.
    assert traces[-1]["x"] == [50] * len(CONTENT.domains)
    drawn = display.locator(".fc-sa-domain-chart .barlayer .point path")
    assert drawn.count() >= len(CONTENT.domains)  # bars on the page, not just data
    assert display.inner_text(f"{SCREEN} .fc-screen-state").strip() == ""
    assert (
        len(server.store.read(session.code, kinds=[SelfAssessmentSubmitted.kind])) == 10
    )

    html = display.content()
    assert SECRET not in html
    assert "Ana Quill" not in html
    assert "Person b" not in html
