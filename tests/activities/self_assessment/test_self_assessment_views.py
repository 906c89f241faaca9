"""The participant flow and the console panel with real widgets and a real store."""

from __future__ import annotations

import subprocess
import sys

from facilitate.activities.self_assessment.content import load_self_assessment
from facilitate.activities.self_assessment.controls import SelfAssessmentControls
from facilitate.activities.self_assessment.display import SelfAssessmentPanel
from facilitate.activities.self_assessment.events import (
    IdentityReflected,
    PrivateReflectionSaved,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
    ZoneChecked,
)
from facilitate.activities.self_assessment.participant import SelfAssessmentActivity
from facilitate.activities.self_assessment.zone import end_zone_check
from facilitate.core.events import ParticipantJoined, ResultsRevealed, SettingChanged
from facilitate.core.roster import roster_of
from facilitate.ui.contexts import (
    ControlsContext,
    DisplayContext,
    ParticipantContext,
)
from tests.activities.self_assessment.fixtures import complete_inventory

CONTENT = load_self_assessment()
EDUCATORS = CONTENT.variant("educators")
STEPS = len(EDUCATORS.domains) + 3
SECRET = "my private worry about grading"


def kinds_of(store, session, kind):
    return [r.event for r in store.read(session.code, kinds=[kind])]


def answer_current_part(activity, answer="often"):
    domain = activity.variant.domains[activity.step - 1]
    for item in domain.items:
        activity.items[item.key].value = answer


def test_participant_answers_resumes_and_submits(store, session):
    store.append(session.code, ParticipantJoined("p1", "Ana"))
    context = ParticipantContext(store, session, "p1")
    activity = SelfAssessmentActivity(context)
    assert f"Part 1 of {STEPS}: Before we start" in activity.progress_label.value
    activity.zone.choice.value = "risk"
    activity.next.click()
    activity.next.click()
    assert activity.step == 1
    assert (
        "4 statements are still open. Choose an answer, or “Prefer not to say”."
        in activity.status.value
    )
    answer_current_part(activity)
    activity.next.click()
    assert activity.step == 2

    resumed = SelfAssessmentActivity(context)
    assert resumed.step == 2
    assert resumed.zone.choice.value == "risk"
    while resumed.step <= len(EDUCATORS.domains):
        answer_current_part(resumed, "prefer_not" if resumed.step == 2 else "always")
        resumed.next.click()
    resumed.identities["most"].value = ("race", "language")
    resumed.next.click()
    assert resumed.notes in resumed.body.children
    assert resumed.notes.document == "", "no download before submitting"
    resumed.submit.click()

    assert kinds_of(store, session, ZoneChecked.kind) == [
        ZoneChecked("p1", "start", "risk")
    ]
    answered = kinds_of(store, session, SelfAssessmentAnswered.kind)
    assert [e.item for e in answered] == [item.key for item in EDUCATORS.items]
    assert IdentityReflected("p1", "most", ["race", "language"]) in kinds_of(
        store, session, IdentityReflected.kind
    )
    assert kinds_of(store, session, PrivateReflectionSaved.kind) == []
    assert kinds_of(store, session, SelfAssessmentSubmitted.kind) == [
        SelfAssessmentSubmitted("p1")
    ]
    assert resumed.profile in resumed.root.children
    assert resumed.notes in resumed.root.children
    assert "Privilege and access" in resumed.profile.value
    # The kernel hands the browser the profile with a place for each note; the
    # browser fills the notes in from its own storage when building the file.
    document = resumed.notes.document
    assert "Privilege and access" in document
    for prompt in CONTENT.reflections:
        assert resumed.notes.note_mark(prompt.key) in document


def test_reload_after_submit_shows_profile_and_changes_append(store, session):
    complete_inventory(store, session.code, "p1")
    activity = SelfAssessmentActivity(ParticipantContext(store, session, "p1"))
    assert activity.profile in activity.root.children
    activity.edit.click()
    assert activity.step == 1
    first = EDUCATORS.items[0].key
    activity.items[first].value = "never"
    answers = [
        e
        for e in kinds_of(store, session, SelfAssessmentAnswered.kind)
        if e.item == first
    ]
    assert [e.answer for e in answers] == ["often", "never"]


def test_end_zone_widget_for_the_reflection_phase(store, session):
    widget = end_zone_check(ParticipantContext(store, session, "p1"))
    widget.choice.value = "comfort"
    assert kinds_of(store, session, ZoneChecked.kind) == [
        ZoneChecked("p1", "end", "comfort")
    ]
    again = end_zone_check(ParticipantContext(store, session, "p1"))
    assert again.choice.value == "comfort"


def refreshed(panel, store, session):
    records = store.read(session.code)
    panel.refresh(roster_of(records), records)
    return panel


NEEDS_FIVE = (
    '<p class="fc-state-headline">Shown once at least 5 people using the same '
    "statements have finished (smaller groups stay private).</p>"
    '<p class="fc-state-detail">Fewer than 5 have finished so far.</p>'
)


def test_screen_hides_until_revealed_and_shows_batches(store, session):
    for person in ("a", "b", "c", "d"):
        complete_inventory(store, session.code, person)
    store.append(session.code, PrivateReflectionSaved("a", "leadership", SECRET))
    panel = refreshed(
        SelfAssessmentPanel(DisplayContext(store, session)), store, session
    )
    controls = SelfAssessmentControls(ControlsContext(store, session))
    assert panel.frame.current == "answering"
    assert "Fewer than 5 have finished so far." in panel.frame.state.value
    assert panel.frame.body.children == ()

    controls.reveal.button.click()
    assert kinds_of(store, session, ResultsRevealed.kind) == [
        ResultsRevealed("self_assessment", True)
    ]
    refreshed(controls, store, session)
    refreshed(panel, store, session)
    assert controls.reveal.button.description == "Hide results from the screen"
    assert not panel.domains["educators"].shown
    assert panel.frame.current == "not-enough"
    assert panel.frame.state.value == NEEDS_FIVE

    for index, person in enumerate("efghij"):
        answer = "often" if index < 1 else "sometimes"
        complete_inventory(store, session.code, person, answer=answer)
    refreshed(panel, store, session)
    educators = panel.domains["educators"]
    assert educators.shown
    parts = len(EDUCATORS.domains)
    # five "often" and five "sometimes": both halves shown, the empty answers
    # merged into them, nothing withheld
    assert [(t.name, list(t.x)) for t in educators.chart.data] == [
        ("Never or sometimes", [50] * parts),
        ("Often or always", [50] * parts),
    ]
    # an even split has no most common answer, so the prompt claims none
    assert "most common" not in panel.frame.prompt.value
    waiting = panel.still_private.value
    assert "Not shown yet: " in waiting
    assert all(v.label in waiting for v in CONTENT.variants if v.key != "educators")
    everything = "".join(
        str(w.value) for w in (panel.frame.state, panel.frame.prompt)
    ) + str(educators.chart.to_plotly_json())
    assert SECRET not in everything

    controls.view.choice.value = "zones"
    refreshed(panel, store, session)
    assert panel.frame.title.value == "<h2>Where we are: comfort, risk, danger</h2>"
    assert panel.zones.shown
    assert not panel.domains["educators"].shown
    controls.reveal.button.click()
    refreshed(panel, store, session)
    assert panel.frame.current == "hidden-again"
    assert not panel.zones.shown


def test_screen_k_follows_the_facilitator_setting(store, session):
    for person in ("a", "b", "c", "d"):
        complete_inventory(store, session.code, person, answer="often")
    for person in ("e", "f", "g", "h"):
        complete_inventory(store, session.code, person, answer="always")
    store.append(session.code, ResultsRevealed("self_assessment", True))
    store.append(session.code, SettingChanged("min_group_size", 4))
    panel = refreshed(
        SelfAssessmentPanel(DisplayContext(store, session)), store, session
    )
    educators = panel.domains["educators"]
    assert educators.chart in educators.root.children
    store.append(session.code, SettingChanged("min_group_size", 6))
    refreshed(panel, store, session)
    parts = len(EDUCATORS.domains)
    # groups of 4 are too small once k is 6: the whole scale becomes one group
    assert [(t.name, list(t.x)) for t in educators.chart.data] == [
        ("Never to always", [100] * parts)
    ]


def test_screen_never_goes_below_three(store, session):
    for person in ("a", "b"):
        complete_inventory(store, session.code, person)
    store.append(session.code, ResultsRevealed("self_assessment", True))
    store.append(session.code, SettingChanged("min_group_size", 2))
    panel = refreshed(
        SelfAssessmentPanel(DisplayContext(store, session)), store, session
    )
    assert panel.frame.state.value == NEEDS_FIVE.replace("5", "3")


def test_participant_module_stays_free_of_pandas_and_plotly():
    code = (
        "import sys, facilitate.activities.self_assessment.participant, "
        "facilitate.activities.self_assessment.zone;"
        "print(sorted(m for m in ('pandas', 'plotly') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_several_statement_sets_each_say_which_set_their_chart_shows(store, session):
    """Chart titles give way to the screen's title line, so with two sets on
    the screen each chart is named by its set."""
    for person in "abcde":
        complete_inventory(store, session.code, person)
    for person in "fghij":
        complete_inventory(store, session.code, person, role="family")
    store.append(session.code, ResultsRevealed("self_assessment", True))
    panel = refreshed(
        SelfAssessmentPanel(DisplayContext(store, session)), store, session
    )
    rows = [
        row for row in panel.frame.body.children if "fc-sa-sets" in row._dom_classes
    ]
    names = [cell.children[0].value for row in rows for cell in row.children]
    charts = [cell.children[1] for row in rows for cell in row.children]
    assert all(chart.children for chart in charts), "both charts are drawn"
    families = next(v.label for v in CONTENT.variants if v.key == "families")
    assert names == ["<h3>Educators</h3>", f"<h3>{families}</h3>"]
