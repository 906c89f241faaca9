"""Privacy over everything shared: the display in every phase and every export.

A room is seeded where one person holds a rare role, one picked a rare identity and
everyone wrote private reflections. Neither names nor those small groups nor any
private text may appear on the projected display or in an export. The one
exception is an observation, not an answer: the summary's cover counts who was
present by role exactly, the lone community member included.
"""

from __future__ import annotations

import csv

import pytest

from facilitate.activities.alignment.events import PracticeRated
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.self_assessment.content import load_self_assessment
from facilitate.activities.self_assessment.events import (
    IdentityReflected,
    PrivateReflectionSaved,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
)
from facilitate.core.agenda import current_agenda
from facilitate.core.events import (
    ParticipantJoined,
    PhaseChanged,
    ResultsRevealed,
    SettingChanged,
)
from facilitate.export import export_session

NAMES = ["Quillon", "Marisol", "Teodoro", "Yevgenia", "Xanthe", "Oluwaseun"]
RARE_ROLE_LABEL = "Community member"
RARE_IDENTITY_LABEL = "Religion or spirituality"
PRIVATE_TEXT = "PRIVATE-MARKER-7Q"
#: One person names a rare identity; three of six (named, k = 3) name race.
IDENTITIES = ["religion", "race", "race", "race", "gender", "gender"]


def seed_room(store, session) -> None:
    content = load_self_assessment()
    code = session.code
    for index, name in enumerate(NAMES):
        person = f"p{index}"
        role = "community" if index == 0 else "teacher"
        store.append(code, ParticipantJoined(person, name, role))
        store.append(code, CheckinAnswered(person, "curious"))
        variant = content.variant_for_role(role)
        assert variant is not None
        for number, item in enumerate(variant.items):
            answer = content.answer_keys[(index + number) % len(content.answer_keys)]
            store.append(code, SelfAssessmentAnswered(person, item.key, answer))
        store.append(code, IdentityReflected(person, "most", [IDENTITIES[index]]))
        for prompt in content.reflections:
            text = f"{PRIVATE_TEXT} {name} {prompt.key}"
            store.append(code, PrivateReflectionSaved(person, prompt.key, text))
        store.append(code, SelfAssessmentSubmitted(person))
        for practice in ("letter_grades", "peer_collaboration"):
            store.append(code, PracticeRated(person, practice, 1 + index, 2, 3))


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
        text = path.read_text(errors="replace")
        if path.suffix == ".html":
            text = without_attendance(text)
        assert leaks(text) == [], path.name
    for path in out.rglob("events.csv"):
        with path.open() as handle:
            kinds = {row["kind"] for row in csv.DictReader(handle)}
        assert "self_assessment_answered" not in kinds
        assert "private_reflection_saved" not in kinds


def without_attendance(html: str) -> str:
    """The summary less its cover's table of who was present by role.

    Attendance is an observation the whole room made, so the cover counts the
    lone community member exactly; the rare role must appear nowhere else, so
    no answer is ever broken down by it.
    """
    start = html.index('<table class="fc-roles">')
    end = html.index("</table>", start)
    present = html[start:end]
    assert f"<td>{RARE_ROLE_LABEL}</td><td>1</td>" in present.replace("\n", "")
    return html[:start] + html[end:]


#: What shows that each phase's screen is on the display and has drawn itself.
#: Drawn after a reveal: a result or why it cannot show. Root causes have no
#: reveal; with no finding shared their screen says one is coming.
DRAWN = {"root_causes": ("waiting",)}
READY = {
    phase: ", ".join(
        f".fc-slot-{phase}.fc-current .fc-screen.fc-state-{state}"
        for state in DRAWN.get(phase, ("revealed", "not-enough"))
    )
    for phase in current_agenda().phase_keys
}
REVEALED_IN = {
    "welcome": "checkin",
    "self_assessment": "self_assessment",
    "alignment": "alignment",
    "root_causes": "root_cause",
    "participation": "participation",
    "reflection": "feedback",
}


@pytest.mark.browser
def test_display_in_every_phase_shows_no_individual(server, new_page):
    session = server.new_session("Privacy sweep", k=3)
    seed_room(server.store, session)
    display = new_page()
    display.goto(server.display_url(session))
    display.wait_for_selector(".fc-display-stage")
    pages: list[str] = []
    for phase in current_agenda().phase_keys:
        server.store.append(session.code, PhaseChanged(phase))
        server.store.append(session.code, ResultsRevealed(REVEALED_IN[phase]))
        display.wait_for_selector(READY[phase])
        pages.append(display.content())
        if phase == "self_assessment":
            server.store.append(
                session.code, SettingChanged("self_assessment.view", "identities")
            )
            display.wait_for_function(
                "() => document.body.innerText.includes('Race or ethnicity')"
            )
            pages.append(display.content())
    assert all(leaks(html) == [] for html in pages), [leaks(h) for h in pages]
