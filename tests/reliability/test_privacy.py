"""Privacy over everything shared: the console in every phase and every export.

A room is seeded where one person holds a rare role, one picked a rare identity and
everyone wrote private reflections. Neither names nor those small groups nor any
private text may appear on the projected console or in an export.
"""

from __future__ import annotations

import csv

import pytest

from facilitate.events import (
    CheckinAnswered,
    IdentityReflected,
    ParticipantJoined,
    PhaseChanged,
    PrivateReflectionSaved,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
)
from facilitate.export import export_session
from facilitate.phases import PHASE_KEYS
from facilitate.self_assessment.content import load_self_assessment

NAMES = ["Quillon", "Marisol", "Teodoro", "Yevgenia", "Xanthe", "Oluwaseun"]
RARE_ROLE_LABEL = "Community member"
RARE_IDENTITY_LABEL = "Religion or spirituality"
PRIVATE_TEXT = "PRIVATE-MARKER-7Q"


def seed_room(store, session) -> None:
    content = load_self_assessment()
    code = session.code
    for index, name in enumerate(NAMES):
        person = f"p{index}"
        role = "community" if index == 0 else "teacher"
        store.append(code, ParticipantJoined(person, name, role))
        store.append(code, CheckinAnswered(person, "curious"))
        for number, item in enumerate(content.items):
            answer = content.answer_keys[(index + number) % len(content.answer_keys)]
            store.append(code, SelfAssessmentAnswered(person, item.key, answer))
        identities = ["religion"] if index == 0 else ["race", "gender"]
        store.append(code, IdentityReflected(person, "most", identities))
        for prompt in content.reflections:
            text = f"{PRIVATE_TEXT} {name} {prompt.key}"
            store.append(code, PrivateReflectionSaved(person, prompt.key, text))
        store.append(code, SelfAssessmentSubmitted(person))


def leaks(text: str) -> list[str]:
    found = [name for name in NAMES if name in text]
    found += [
        m for m in (RARE_ROLE_LABEL, RARE_IDENTITY_LABEL, PRIVATE_TEXT) if m in text
    ]
    return found


def test_exports_show_no_names_small_groups_or_private_text(store, session, tmp_path):
    seed_room(store, session)
    out = tmp_path / "export"
    export_session(
        store, session, store.path.parent, out, ["html", "csv"], lambda _: None
    )
    files = [p for p in out.rglob("*") if p.is_file()]
    assert any(p.suffix == ".html" for p in files)
    assert any(p.suffix == ".csv" for p in files)
    for path in files:
        assert leaks(path.read_text(errors="replace")) == [], path.name
    for path in out.rglob("events.csv"):
        with path.open() as handle:
            kinds = {row["kind"] for row in csv.DictReader(handle)}
        assert "self_assessment_answered" not in kinds
        assert "private_reflection_saved" not in kinds


@pytest.mark.browser
def test_console_in_every_phase_shows_no_individual(server, new_page):
    session = server.new_session("Privacy sweep", k=3)
    seed_room(server.store, session)
    console = new_page()
    console.goto(server.console_url(session))
    console.wait_for_selector(".fc-count")
    pages: list[str] = []
    for phase in PHASE_KEYS:
        server.store.append(session.code, PhaseChanged(phase))
        console.wait_for_function(
            "(want) => document.querySelector('.fc-console-phase').innerText"
            ".includes(want)",
            arg=f"Phase {PHASE_KEYS.index(phase) + 1} of",
        )
        console.wait_for_timeout(2000)
        reveals = console.locator("button[class*='fc-reveal-']", has_text="Reveal")
        for reveal in reveals.all():
            reveal.click()
        console.wait_for_timeout(2500)
        pages.append(console.content())
    assert all(leaks(html) == [] for html in pages), [leaks(h) for h in pages]
    shown = pages[PHASE_KEYS.index("self_assessment")]
    assert "Race or ethnicity" in shown, shown[shown.find("fc-sa-") :][:3000]
