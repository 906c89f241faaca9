"""Statements for every role, and participant pages that never show a score.

Real widgets and a real store: a family member, a student and people whose role
no variant lists each meet statements written for them; and no page a
participant can reach (every step of every variant, the private profile, the
downloadable reflection and every other activity's page) shows a percentage.
"""

from __future__ import annotations

import re

import ipywidgets as widgets
import pytest

from facilitate.activities import AGENDA
from facilitate.activities.self_assessment.content import load_self_assessment
from facilitate.activities.self_assessment.events import SelfAssessmentAnswered
from facilitate.activities.self_assessment.participant import SelfAssessmentActivity
from facilitate.core.events import ParticipantJoined
from facilitate.core.roster import ROLES
from facilitate.ui.contexts import ParticipantContext

CONTENT = load_self_assessment()


def shown_text(widget: object) -> list[str]:
    """What a person can read in a widget tree: text, labels, options, hints."""
    texts: list[str] = []
    if isinstance(widget, widgets.HTML):
        texts.append(re.sub(r"<[^>]+>", " ", widget.value))
    for name in ("description", "placeholder", "tooltip"):
        value = getattr(widget, name, None)
        if isinstance(value, str):
            texts.append(value)
    for option in getattr(widget, "options", ()) or ():
        texts.append(str(option[0] if isinstance(option, tuple) else option))
    texts += [str(t) for t in getattr(widget, "tooltips", ()) or ()]
    for child in getattr(widget, "children", ()) or ():
        texts += shown_text(child)
    return texts


def downloaded(activity: SelfAssessmentActivity) -> str:
    """The document the browser fills with the notes and offers as the download."""
    return str(activity.notes.document)


def join(store, session, person, role):
    store.append(session.code, ParticipantJoined(person, person.title(), role))
    return SelfAssessmentActivity(ParticipantContext(store, session, person))


def complete(activity, answers=("often", "always", "sometimes")):
    """From the first step, answer every statement of the activity's variant,
    then submit."""
    activity.go(0)
    activity.zone.choice.value = "risk"
    activity.next.click()
    while 1 <= activity.step <= len(activity.variant.domains):
        domain = activity.variant.domains[activity.step - 1]
        for number, item in enumerate(domain.items):
            activity.items[item.key].value = answers[number % len(answers)]
        activity.next.click()
    activity.next.click()
    activity.submit.click()


def answered_items(store, session, person):
    return [
        r.event.item
        for r in store.read(session.code, kinds=[SelfAssessmentAnswered.kind])
        if r.event.participant == person
    ]


def test_a_family_member_meets_the_statements_written_for_families(store, session):
    activity = join(store, session, "hana", "family")
    families = CONTENT.variant("families")
    assert activity.variant == families
    assert activity.chooser is None  # the role already says which statements
    assert "families and community members" in activity.variant_note.value
    complete(activity, answers=("often", "often", "always"))
    assert answered_items(store, session, "hana") == [i.key for i in families.items]
    assert activity.profile in activity.root.children
    profile = " ".join(shown_text(activity.profile))
    assert "Knowing my own identity" in profile
    assert "for most of the statements about" in profile
    assert "To try next:" in profile


def test_a_student_meets_the_students_statements(store, session):
    activity = join(store, session, "sam", "student")
    activity.go(1)
    shown = " ".join(shown_text(activity.body))
    assert CONTENT.variant("students").domains[0].items[0].text in shown
    assert "my classroom" not in shown


@pytest.mark.parametrize("role", ["", "other"])
def test_people_whose_role_has_no_statements_may_choose(store, session, role):
    activity = join(store, session, "pat", role)
    assert activity.variant.key == CONTENT.default_variant
    assert activity.chooser in activity.body.children
    activity.chooser.value = "students"
    assert activity.variant.key == "students"
    assert "Part 1 of" in activity.progress_label.value  # still on the first step
    activity.zone.choice.value = "comfort"
    activity.next.click()
    first = CONTENT.variant("students").items[0]
    activity.items[first.key].value = "sometimes"
    assert answered_items(store, session, "pat") == [first.key]
    again = SelfAssessmentActivity(ParticipantContext(store, session, "pat"))
    assert again.variant.key == "students"  # the answers now say which statements
    assert again.chooser.value == "students"


def test_a_forged_choice_of_statements_is_refused(store, session):
    activity = join(store, session, "pat", "")
    activity.choose_variant("everyone")
    assert "Please choose one of the sets listed." in activity.status.value
    assert activity.variant.key == CONTENT.default_variant


@pytest.mark.parametrize(("role", "label"), ROLES)
def test_no_step_profile_or_download_shows_a_percentage(store, session, role, label):
    activity = join(store, session, "p1", role)
    pages = []
    for step in range(activity.step_count):
        activity.go(step)
        pages += shown_text(activity.root)
    complete(activity)
    pages += shown_text(activity.root)
    text = "\n".join(pages)
    assert activity.profile in activity.root.children
    assert "%" not in text, label
    assert "%" not in downloaded(activity), label


def test_no_other_participant_page_shows_a_percentage(store, session):
    store.append(session.code, ParticipantJoined("p1", "Ana", "teacher"))
    context = ParticipantContext(store, session, "p1")
    views = [make() for _, make in AGENDA.loaded("join_question")]
    views += [make(context) for _, make in AGENDA.loaded("participant")]
    views += [make(context) for _, make in AGENDA.loaded("closing")]
    assert len(views) >= 4
    for view in views:
        assert "%" not in "\n".join(shown_text(view.root)), type(view).__name__


def test_answer_buttons_are_built_when_their_part_is_first_shown(store, session):
    """A hundred phones opening the phase send the server the first part only:
    answer buttons and identity boxes appear as each part is reached, and an
    answer given there is kept when the person comes back."""
    activity = join(store, session, "ivy", "teacher")
    assert activity.step == 0
    assert activity.items == {}
    assert activity.identities == {}
    activity.zone.choice.value = "risk"
    activity.next.click()
    first = activity.variant.domains[0]
    assert set(activity.items) == {item.key for item in first.items}
    activity.items[first.items[0].key].value = "often"
    activity.back.click()
    activity.next.click()
    assert activity.items[first.items[0].key].value == "often"
    activity.go(len(activity.variant.domains) + 1)
    assert set(activity.identities) == {
        q.key for q in activity.content.identity_questions
    }
