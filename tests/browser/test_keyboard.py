"""A participant on a phone-sized screen takes part in every activity with the
keyboard alone.

No click anywhere: Tab moves to each control, Space and Enter choose and press,
typing fills text. The facilitator's side (moving the phases) happens in the
store, as the remote would record it. The page is 390 px wide, and at every
step nothing on it is wider than that.
"""

from __future__ import annotations

import pytest

from facilitate.activities.alignment.events import PracticeRated, VisionOffered
from facilitate.activities.feedback.content import load_feedback
from facilitate.activities.feedback.events import FeedbackSent
from facilitate.activities.self_assessment.content import load_self_assessment
from facilitate.activities.self_assessment.events import SelfAssessmentSubmitted
from facilitate.core.events import ParticipantJoined, PhaseChanged
from tests.browser.people import wait_for_count, wait_for_text

pytestmark = pytest.mark.browser

CONTENT = load_self_assessment()
FOCUSED = (
    "(sel) => { const a = document.activeElement;"
    " return !!a && (a.matches(sel) || !!a.closest(sel)); }"
)


def tab_to(page, selector: str, limit: int = 120) -> None:
    """Press Tab until the focus is on (or inside) ``selector``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED, selector):
            return
    pytest.fail(f"Tab never reached {selector}")


PHONE = {"width": 390, "height": 844}
TOO_WIDE = """() => [...document.querySelectorAll('body *')]
  .filter(el => { const r = el.getBoundingClientRect();
    return r.width > 0 && getComputedStyle(el).visibility === 'visible'
      && (r.right > 391 || r.left < -1); })
  .map(el => (el.className.baseVal ?? el.className).toString().slice(0, 50))
  .slice(0, 5)"""


def fits_the_phone(page) -> None:
    assert page.evaluate(TOO_WIDE) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def press(page, selector: str, key: str = "Enter") -> None:
    page.wait_for_selector(selector)
    tab_to(page, selector)
    page.keyboard.press(key)


def test_a_participant_takes_part_with_the_keyboard_alone(server, new_page):
    session = server.new_session("Keyboard only", k=3)
    code = session.code
    page = new_page()
    page.set_viewport_size(PHONE)
    page.goto(server.participant_url(code))
    page.wait_for_selector(".fc-name input")
    fits_the_phone(page)
    tab_to(page, ".fc-name input")
    page.keyboard.type("Kim")
    press(page, ".fc-role select", "ArrowDown")
    press(page, ".fc-checkin input[type=radio]", "Space")
    press(page, ".fc-submit")
    wait_for_text(page, ".fc-status", "You are in as Kim.")
    joined = server.store.read(code, kinds=[ParticipantJoined.kind])
    assert [r.event.name for r in joined] == ["Kim"]
    assert joined[0].event.role != ""

    server.store.append(code, PhaseChanged("self_assessment"))
    page.wait_for_selector(".fc-zone-start input[type=radio]")
    fits_the_phone(page)
    press(page, ".fc-zone-start input[type=radio]", "Space")
    press(page, ".fc-sa-next")
    variant = CONTENT.variant_for_role(joined[0].event.role) or CONTENT.variant(
        CONTENT.default_variant
    )
    for domain in variant.domains:
        for item in domain.items:
            press(page, f".fc-sa-item-{item.key} input[type=radio]", "Space")
        press(page, ".fc-sa-next")
    press(page, ".fc-sa-identity-most .fc-choice input", "Space")
    press(page, ".fc-sa-next")
    press(page, ".fc-sa-submit")
    page.wait_for_selector(".fc-sa-profile-title")
    assert server.store.read(code, kinds=[SelfAssessmentSubmitted.kind])

    server.store.append(code, PhaseChanged("alignment"))
    page.wait_for_selector(".fc-align-spectrum button")
    fits_the_phone(page)
    for scale in ("spectrum", "now", "vision"):
        press(page, f".fc-align-{scale} button")
    press(page, ".fc-align-save")
    wait_for_count(server.store, code, PracticeRated.kind, 1)
    first = server.store.read(code, kinds=[PracticeRated.kind])
    assert [(r.event.spectrum, r.event.now, r.event.vision) for r in first] == [
        (1, 1, 1)
    ]
    while page.locator(".fc-vision-text textarea").count() == 0:
        heading = page.inner_text(".fc-align-practice h3")
        press(page, ".fc-align-skip")
        page.wait_for_function(
            "(was) => { const h = document.querySelector('.fc-align-practice h3');"
            " return !h || h.innerText !== was; }",
            arg=heading,
        )
    tab_to(page, ".fc-vision-text textarea")
    page.keyboard.type("Belonging for every student")
    press(page, ".fc-vision-submit")
    page.wait_for_function("() => !document.querySelector('.fc-vision-text textarea')")
    visions = server.store.read(code, kinds=[VisionOffered.kind])
    assert [r.event.text for r in visions] == ["Belonging for every student"]

    server.store.append(code, PhaseChanged("reflection"))
    page.wait_for_selector(".fc-rating button")
    fits_the_phone(page)
    for rating in load_feedback().ratings:
        press(page, f".fc-rating-{rating.key} button", "Space")
    tab_to(page, ".fc-feedback-helped textarea")
    page.keyboard.type("Small groups")
    press(page, ".fc-feedback-submit")
    page.wait_for_function(
        "() => document.querySelector('.fc-feedback-status').innerText.length > 0"
    )
    # The form is held apart from the person until k forms can go together;
    # the marker says this person has sent theirs.
    wait_for_count(server.store, code, FeedbackSent.kind, 1)
    assert "was sent" in page.inner_text(".fc-feedback-status")
