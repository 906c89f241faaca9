"""The participant's alignment cards with real widgets and a real store."""

from __future__ import annotations

import subprocess
import sys

from facilitate.activities.alignment.content import load_alignment
from facilitate.activities.alignment.events import (
    PracticeAdded,
    PracticeRated,
    VisionOffered,
)
from facilitate.activities.alignment.participant import AlignmentActivity
from facilitate.core.events import PhaseChanged
from facilitate.core.roster import roster_of
from facilitate.ui.contexts import ParticipantContext

PRACTICES = load_alignment().practices
COUNT = len(PRACTICES)


def open_activity(store, session, participant="p1"):
    store.append(session.code, PhaseChanged("alignment"))
    return AlignmentActivity(ParticipantContext(store, session, participant))


def ratings(store, session):
    return [r.event for r in store.read(session.code, kinds=[PracticeRated.kind])]


def answer(activity, spectrum, now, vision):
    activity.spectrum.value = spectrum
    activity.now.value = now
    activity.vision.value = vision
    activity.save.click()


def test_answer_skip_and_resume_after_a_reload(store, session):
    activity = open_activity(store, session)
    assert "<h3>Letter grades</h3>" in activity.practice_title.value
    answer(activity, 2, 5, 1)
    activity.skip.click()
    assert ratings(store, session) == [
        PracticeRated("p1", "letter_grades", 2, 5, 1),
        PracticeRated("p1", PRACTICES[1].key, skipped=True),
    ]
    again = AlignmentActivity(ParticipantContext(store, session, "p1"))
    assert again.index == 2
    assert again.progress.value == (
        f"<p>Practice 3 of {COUNT} · 1 answered · 1 skipped</p>"
    )
    again.back.click()
    again.back.click()
    assert (again.spectrum.value, again.now.value, again.vision.value) == (2, 5, 1)


def test_missing_or_forged_answers_are_refused(store, session):
    activity = open_activity(store, session)
    activity.spectrum.value = 3
    activity.save.click()
    assert "Please answer all three questions, or skip this practice." in (
        activity.status.value
    )
    activity.now.value = 2
    activity.vision.value = 3
    activity.vision = type("ForgedWidget", (), {"value": 9})()  # a hostile client
    activity.save.click()
    assert "Answers go from 1 to 5; 9 is not one of them." in activity.status.value
    assert ratings(store, session) == []


def test_last_practice_leads_to_vision_words_then_thanks(store, session):
    activity = open_activity(store, session)
    for _ in range(COUNT):
        activity.skip.click()
    assert activity.vision_text in activity.root.children
    activity.vision_submit.click()
    assert "Please enter a few words." in activity.status.value
    activity.vision_text.value = "Curious, known & <brave>"
    activity.vision_submit.click()
    assert store.read(session.code, kinds=[VisionOffered.kind])[0].event == (
        VisionOffered("p1", "Curious, known & <brave>")
    )
    assert f"You placed 0 practices and skipped {COUNT}." in activity.done.value
    reloaded = AlignmentActivity(ParticipantContext(store, session, "p1"))
    assert reloaded.root.children == (reloaded.done, reloaded.review)


def test_a_practice_added_by_the_facilitator_reaches_the_list(store, session):
    activity = open_activity(store, session)
    added = store.append(session.code, PracticeAdded("added_x", "<i>Morning</i>"))
    activity.refresh(roster_of(store.read(session.code)), [added])
    assert activity.progress.value.startswith(f"<p>Practice 1 of {COUNT + 1} ")
    activity.show_practice(COUNT)
    assert activity.practice_title.value == "<h3>&lt;i&gt;Morning&lt;/i&gt;</h3>"


def test_participant_module_imports_no_pandas_or_plotly():
    code = (
        "import sys, facilitate.activities.alignment.participant;"
        "print(sorted(m for m in ('pandas', 'plotly') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
