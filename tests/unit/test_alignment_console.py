"""The alignment console panel with real widgets, a real store and k."""

from __future__ import annotations

from facilitate.events import (
    ParticipantJoined,
    PhaseChanged,
    PracticeAdded,
    PracticeRated,
    ResultsRevealed,
    SettingChanged,
    VisionOffered,
)
from facilitate.roster import roster_of
from facilitate.views.activities import ConsoleContext
from facilitate.views.alignment_console import AlignmentPanel

CAMP_A = {"spectrum": 1, "now": 4, "vision": 1}
CAMP_B = {"spectrum": 7, "now": 4, "vision": 5}
CALM = {"spectrum": 4, "now": 3, "vision": 3}


def rate_everything(store, session, people, camps=True):
    for index in range(people):
        participant = f"p{index}"
        store.append(session.code, ParticipantJoined(participant, f"P{index}"))
        camp = CAMP_A if index % 2 else CAMP_B
        store.append(
            session.code,
            PracticeRated(participant, "letter_grades", **(camp if camps else CALM)),
        )
        store.append(
            session.code, PracticeRated(participant, "peer_collaboration", **CALM)
        )
        store.append(
            session.code, PracticeRated(participant, "pep_rallies", skipped=True)
        )


def refreshed(store, session, panel):
    records = store.read(session.code)
    panel.refresh(roster_of(records), records)
    return panel


def open_panel(store, session):
    store.append(session.code, PhaseChanged("alignment"))
    return refreshed(store, session, AlignmentPanel(ConsoleContext(store, session)))


def test_hidden_until_revealed_then_the_split_practice_leads(store, session):
    panel = open_panel(store, session)
    rate_everything(store, session, 6)
    refreshed(store, session, panel)
    assert "Results are hidden." in panel.note.value
    assert panel.top.value == ""
    assert panel.progress.value == (
        "<p>6 people answering · 16 practices · 6 skips · 0 vision statements</p>"
    )
    panel.reveal.click()
    assert store.read(session.code)[-1].event == ResultsRevealed("alignment", True)
    refreshed(store, session, panel)
    assert panel.reveal.description == "Hide results"
    first = panel.top.value.split("</li>")[0]
    assert '<span class="fc-tension-practice">Letter grades</span>' in first
    assert '<span class="fc-tension-label">split into two camps</span>' in first
    assert panel.map in panel.results.children
    assert "Pep rallies" not in panel.top.value  # skipped by all: nothing to show


def test_nothing_is_drawn_below_k(store, session):
    panel = open_panel(store, session)
    rate_everything(store, session, 4)
    store.append(session.code, ResultsRevealed("alignment"))
    refreshed(store, session, panel)
    assert panel.top.value == ""
    assert panel.results.children == (panel.note,)
    assert "1 more person needs to answer before this is shown" in panel.note.value
    store.append(session.code, SettingChanged("min_group_size", 4))
    refreshed(store, session, panel)
    assert "Letter grades" in panel.top.value
    assert "14 practices wait for 4 answers before showing" in panel.note.value


def test_vision_words_wait_for_k_statements_and_keep_only_words(store, session):
    panel = open_panel(store, session)
    rate_everything(store, session, 5)
    store.append(session.code, ResultsRevealed("alignment"))
    for index in range(4):
        store.append(
            session.code, VisionOffered(f"p{index}", "Joy and <b>belonging</b>")
        )
    refreshed(store, session, panel)
    assert len(panel.words.data) == 0
    assert panel.words.layout.annotations[0].text == (
        "1 more person needs to answer before this is shown "
        "(groups smaller than 5 stay private)."
    )
    store.append(session.code, VisionOffered("p4", "joy, curiosity"))
    refreshed(store, session, panel)
    bars = panel.words.data[0]
    assert list(bars.y) == ["joy", "belonging", "curiosity"]
    assert list(bars.x) == [5, 4, 1]


def test_add_a_practice_before_anyone_answers_only(store, session):
    panel = open_panel(store, session)
    panel.new_label.value = "Morning <meeting>"
    panel.add.click()
    added = store.read(session.code, kinds=[PracticeAdded.kind])
    assert [r.event for r in added] == [
        PracticeAdded("added_morning_meeting", "Morning <meeting>")
    ]
    assert "Added “Morning &lt;meeting&gt;”" in panel.form_message.value
    refreshed(store, session, panel)
    assert "17 practices" in panel.progress.value
    rate_everything(store, session, 1)
    panel.new_label.value = "Advisory"
    panel.add.click()
    assert "People have started answering, so the list is fixed" in (
        panel.form_message.value
    )
    refreshed(store, session, panel)
    assert panel.form.layout.display == "none"
