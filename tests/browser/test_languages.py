"""Two people, two languages, one room: everything counts together.

Lucía's phone (390 px, its browser set to Spanish) opens the plain join link and
gets the Spanish page without choosing; Sam's laptop is in English. Both
complete every activity a participant has: the check-in on joining, the whole
self-assessment (Lucía as a family member, Sam as a teacher), the alignment, a
root cause with a vote, and the feedback. The facilitator puts the display in
English and Spanish at once: the check-in chart counts Lucía's and Sam's
answers (and one more) in one bar labelled in both languages. axe-core finds
no serious or critical problem on Lucía's Spanish pages, and the page says it
is Spanish (``lang="es"``); switching to English and back keeps what she typed.
An Arabic link turns the page right to left.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from facilitate.activities.alignment.events import PracticeRated
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.feedback.events import FeedbackSent
from facilitate.activities.root_cause.events import CauseAdded, FindingShared
from facilitate.activities.self_assessment.content import load_self_assessment
from facilitate.activities.self_assessment.events import SelfAssessmentSubmitted
from facilitate.core.events import ParticipantJoined
from tests.browser.people import PHONE, plot_data, plot_selector, wait_for_count
from tests.browser.screens import settled_geometry
from tests.live_server import WIDGET_TIMEOUT_MS

pytestmark = pytest.mark.browser

CONTENT = load_self_assessment()
OFTEN = 2


@pytest.fixture
def spanish_phone(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(locale="es-MX", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(WIDGET_TIMEOUT_MS)
    yield page
    context.close()


def serious(page: Any) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(
            f"{n['target']} {n.get('failureSummary', '')}" for n in v["nodes"][:3]
        )
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def join(page: Any, url: str, name: str, role: str, checkin: str, button: str) -> None:
    page.goto(url)
    page.wait_for_selector(".fc-name input")
    page.fill(".fc-name input", name)
    page.select_option(".fc-role select", label=role)
    page.locator(".fc-checkin label", has_text=checkin).locator("input").check()
    page.click(f".fc-submit:has-text('{button}')")
    page.wait_for_selector(".fc-phase h2")


def self_assessment(page: Any, variant: str, next_words: str) -> None:
    """Every part of ``variant``'s statements answered "often", then submitted."""
    page.wait_for_selector(".fc-zone-start input[type=radio]")
    page.locator(".fc-zone-start input[type=radio]").nth(1).check()
    page.click(".fc-sa-next")
    for domain in CONTENT.variant(variant).domains:
        first = domain.items[0].key
        page.wait_for_selector(f".fc-sa-item-{first} input[type=radio]")
        for item in domain.items:
            radios = page.locator(f".fc-sa-item-{item.key} input[type=radio]")
            radios.nth(OFTEN).check()
        page.locator(".fc-sa-next", has_text=next_words).click()
    page.wait_for_selector(".fc-sa-identity-most .fc-choice input")
    page.locator(".fc-sa-identity-most .fc-choice input").first.check()
    page.click(".fc-sa-next")
    page.wait_for_selector(".fc-notes-promise")
    page.click(".fc-sa-submit")
    page.wait_for_selector(".fc-sa-profile-title")


def alignment(page: Any, save: str, skip: str) -> None:
    """Place the first practice, skip the rest, skip the vision words."""
    page.wait_for_selector(".fc-align-spectrum button")
    page.locator(".fc-align-spectrum button").nth(6).click()
    page.locator(".fc-align-now button").nth(2).click()
    page.locator(".fc-align-vision button").nth(4).click()
    page.locator(".fc-align-save", has_text=save).click()
    while page.locator(".fc-vision-skip").count() == 0:
        progress = page.inner_text(".fc-align-progress")
        page.locator(".fc-align-skip", has_text=skip).click()
        page.wait_for_function(
            "(was) => { const p = document.querySelector('.fc-align-progress');"
            " return !p || p.innerText !== was"
            " || document.querySelector('.fc-vision-skip'); }",
            arg=progress,
        )
    page.click(".fc-vision-skip")
    page.wait_for_selector(".fc-align-review")


def root_cause(page: Any, words: str) -> None:
    page.wait_for_selector(".fc-rc-form .fc-rc-category input")
    page.locator(".fc-rc-form .fc-rc-category input").nth(1).check()
    page.fill(".fc-rc-form .fc-rc-text textarea", words)
    page.click(".fc-rc-form .fc-rc-add")
    row = page.locator(".fc-rc-row", has_text=words)
    row.wait_for()
    row.locator(".fc-rc-vote").click()


def feedback(page: Any) -> None:
    page.wait_for_selector(".fc-rating-voice button")
    page.locator(".fc-rating-voice button").nth(4).click()
    page.click(".fc-feedback-submit")
    page.wait_for_selector(".fc-feedback .fc-say-success")


def next_phase(server: Any, remote: Any, people: list[Any], titles: list[str]) -> None:
    remote.click(".fc-next-phase")
    for page, title in zip(people, titles, strict=True):
        page.wait_for_function(
            "(want) => { const h = document.querySelector('.fc-phase h2');"
            " return h && h.innerText.trim() === want; }",
            arg=title,
        )


def test_a_spanish_phone_and_an_english_laptop_count_together(
    server, new_page, spanish_phone
):
    session = server.new_session("Dos idiomas", k=3)
    code = session.code
    remote = new_page()
    remote.goto(server.remote_url(session))
    remote.wait_for_selector(".fc-display-language button")
    remote.locator(".fc-display-language button", has_text="English + Español").click()
    display = new_page()
    display.set_viewport_size({"width": 1280, "height": 720})
    display.goto(server.display_url(session))
    display.wait_for_function(
        "() => document.body.innerText.includes('Únase desde su teléfono')",
        timeout=60_000,
    )
    assert settled_geometry(display) == [], "the join screen in both languages"

    lucia, sam = spanish_phone, new_page()
    url = server.participant_url(code)
    lucia.goto(url)
    lucia.wait_for_selector(".fc-name input")
    assert lucia.evaluate("document.documentElement.lang") == "es"
    assert serious(lucia) == [], "the Spanish join page"
    lucia.fill(".fc-name input", "Lucía")
    lucia.locator(".fc-language button", has_text="English").click()
    lucia.wait_for_selector(".fc-submit:has-text('Join the session')")
    lucia.locator(".fc-language button", has_text="Español").click()
    lucia.wait_for_selector(".fc-submit:has-text('Unirme a la sesión')")
    assert lucia.input_value(".fc-name input") == "Lucía", "nothing typed is lost"
    join(lucia, url, "Lucía", "Familiar", "Con esperanza", "Unirme a la sesión")
    join(sam, url, "Sam", "Teacher", "Hopeful", "Join the session")
    assert lucia.inner_text(".fc-phase h2") == "Bienvenida y cómo llegamos"

    # One more, as a phone would record it: three alike may be shown (k = 3).
    server.store.append(code, ParticipantJoined("p3", "Ari"))
    server.store.append(code, CheckinAnswered("p3", "hopeful"))
    remote.click(".fc-reveal-checkin")
    display.wait_for_function(
        "(sel) => { const p = document.querySelector(sel);"
        " return p && p.data && p.data[0].x.join() === '3'; }",
        arg=plot_selector("fc-checkin-chart"),
        timeout=30_000,
    )
    assert settled_geometry(display) == [], "both languages at 1280x720"
    display.set_viewport_size({"width": 1920, "height": 1080})
    assert settled_geometry(display) == [], "both languages at 1920x1080"
    bars = plot_data(display, "fc-checkin-chart")[0]
    assert bars["x"] == [3], "Lucía's, Sam's and one more, in one bar"
    assert bars["y"][0].startswith("Hopeful / Con esperanza")
    assert "¿Cómo llega hoy?" in display.inner_text(".fc-slot-welcome")

    people = [lucia, sam]
    next_phase(server, remote, people, ["Autoevaluación", "Self-assessment"])
    self_assessment(lucia, "families", "Siguiente")
    assert serious(lucia) == [], "the Spanish private profile"
    self_assessment(sam, "educators", "Next")
    wait_for_count(server.store, code, SelfAssessmentSubmitted.kind, 2)

    next_phase(
        server,
        remote,
        people,
        ["Alineación con la visión compartida", "Shared vision alignment"],
    )
    alignment(lucia, "Guardar y seguir", "Saltar esta")
    alignment(sam, "Save and next", "Skip this one")
    rated = server.store.read(code, kinds=[PracticeRated.kind])
    placed = [r.event for r in rated if not r.event.skipped]
    assert [(e.practice, e.spectrum) for e in placed] == [("letter_grades", 7)] * 2

    server.store.append(code, FindingShared("f1", "Asistencia / Attendance"))
    next_phase(server, remote, people, ["Causas de fondo", "Root causes"])
    root_cause(lucia, "Horario de autobuses")
    root_cause(sam, "Bus timetable")
    assert serious(lucia) == [], "the Spanish root-cause page"
    wait_for_count(server.store, code, CauseAdded.kind, 2)

    next_phase(
        server, remote, people, ["Equidad en la participación", "Participation equity"]
    )
    next_phase(server, remote, people, ["Reflexión y opinión", "Reflection & feedback"])
    feedback(lucia)
    feedback(sam)
    assert serious(lucia) == [], "the Spanish feedback page"
    wait_for_count(server.store, code, FeedbackSent.kind, 2)


def test_a_right_to_left_language_turns_the_page(server, new_page):
    page = new_page()
    page.goto(server.participant_url(server.new_session("RTL").code) + "&lang=ar")
    page.wait_for_selector(".fc-name input")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert "انضم إلى الجلسة" in page.inner_text(".fc-submit")
    direction = "(sel) => getComputedStyle(document.querySelector(sel)).direction"
    assert page.evaluate(direction, ".fc-name input") == "rtl"
    assert page.evaluate(direction, ".fc-session-title h2") == "rtl"
