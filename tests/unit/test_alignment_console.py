"""The alignment console panel with real widgets, a real store and k."""

from __future__ import annotations

from facilitate.activities.alignment.charts import (
    spectrum_strip,
    tension_map,
    vision_words_figure,
)
from facilitate.activities.alignment.content import load_alignment
from facilitate.activities.alignment.display import AlignmentPanel
from facilitate.activities.alignment.events import (
    PracticeAdded,
    PracticeRated,
    VisionOffered,
)
from facilitate.core.events import (
    ParticipantJoined,
    PhaseChanged,
    ResultsRevealed,
    SettingChanged,
)
from facilitate.core.roster import roster_of
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.live_chart import figure_state

COUNT = len(load_alignment().practices)
#: Practices built on one model (not mixed): placed at the centre, all are named.
COUNTED = [p.key for p in load_alignment().practices if p.leans != "mixed"]
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
    return refreshed(store, session, AlignmentPanel(DisplayContext(store, session)))


def test_hidden_until_revealed_then_the_split_practice_leads(store, session):
    panel = open_panel(store, session)
    rate_everything(store, session, 8)  # from 8 answers a split can be told
    refreshed(store, session, panel)
    assert "Results are hidden." in panel.note.value
    assert panel.top.value == ""
    assert panel.progress.value == (
        f"<p>8 people answering · {COUNT} practices · 8 skips · 0 vision statements</p>"
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
    # Peer collaboration is built on intrinsic community; the room put it at 4.
    assert panel.design in panel.results.children
    assert (
        '<li class="fc-design-note">The room placed Peer collaboration further '
        "toward extrinsic than its design suggests"
    ) in panel.design.value
    assert "Letter grades" not in panel.design.value  # a split averages to 4


def test_the_console_names_at_most_three_practices_away_from_their_design(
    store, session
):
    panel = open_panel(store, session)
    for index in range(5):  # everything placed at the centre, nothing split
        for practice in COUNTED:
            store.append(session.code, PracticeRated(f"p{index}", practice, **CALM))
    store.append(session.code, ResultsRevealed("alignment"))
    refreshed(store, session, panel)
    assert panel.design.value.count('<li class="fc-design-note">') == 3
    assert f"<p>{len(COUNTED) - 3} more in the summary.</p>" in panel.design.value


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
    waiting = f"{COUNT - 2} practices wait for 4 answers before showing"
    assert waiting in panel.note.value


def test_vision_words_wait_for_k_statements_and_keep_only_words(store, session):
    panel = open_panel(store, session)
    rate_everything(store, session, 5)
    store.append(session.code, ResultsRevealed("alignment"))
    for index in range(4):
        store.append(
            session.code, VisionOffered(f"p{index}", "Joy and <b>belonging</b>")
        )
    refreshed(store, session, panel)
    assert list(panel.words.data[0].y) == []
    assert panel.words not in panel.results.children
    assert panel.words_note in panel.results.children
    assert (
        "1 more person needs to answer before this is shown "
        "(groups smaller than 5 stay private)."
    ) in panel.words_note.value
    store.append(session.code, VisionOffered("p4", "joy, curiosity"))
    refreshed(store, session, panel)
    bars = panel.words.data[0]
    # Only words used by at least k people: "belonging" (4) and "curiosity" (1)
    # would point at the people who wrote them.
    assert list(bars.y) == ["joy"]
    assert list(bars.x) == [5]
    assert panel.words in panel.results.children


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
    assert f"{COUNT + 1} practices" in panel.progress.value
    rate_everything(store, session, 1)
    panel.new_label.value = "Advisory"
    panel.add.click()
    assert "People have started answering, so the list is fixed" in (
        panel.form_message.value
    )
    refreshed(store, session, panel)
    assert panel.form.layout.display == "none"


def test_incremental_counts_match_a_full_recount(store, session):
    import random

    import numpy as np
    import pandas as pd

    from facilitate.activities.alignment.content import load_alignment
    from facilitate.activities.alignment.display import RoomAnswers
    from facilitate.activities.alignment.metrics import count_answers

    rng = random.Random(11)
    practices = list(load_alignment().practices)[:4]
    for _ in range(300):  # people change their minds and skip after answering
        participant = f"p{rng.randint(0, 9)}"
        key = rng.choice(practices).key
        if rng.random() < 0.2:
            event = PracticeRated(participant, key, skipped=True)
        else:
            event = PracticeRated(
                participant,
                key,
                rng.randint(1, 7),
                rng.randint(1, 5),
                rng.randint(1, 5),
            )
        store.append(session.code, event)
    records = store.read(session.code)
    answers = RoomAnswers(practices)
    answers.fold(records[:150])
    answers.fold(records)
    frame = pd.DataFrame(
        [
            {"id": r.id, **r.event.payload()}
            for r in records
            if r.kind == "practice_rated"
        ]
    )
    expected = count_answers(frame, practices)
    for name in ("spectrum", "now", "vision", "answered", "skipped"):
        np.testing.assert_array_equal(
            getattr(answers.counts(), name), getattr(expected, name)
        )


def test_charts_updated_in_place_match_charts_built_afresh(store, session):
    """The console swaps new data into its charts rather than rebuilding them
    per answer; what it shows must be what the chart builders would draw."""
    panel = open_panel(store, session)
    rate_everything(store, session, 8)
    for index in range(5):
        store.append(session.code, VisionOffered(f"p{index}", "joy and belonging"))
    store.append(session.code, ResultsRevealed("alignment"))
    refreshed(store, session, panel)
    store.append(session.code, PracticeRated("p0", "letter_grades", 4, 2, 3))
    refreshed(store, session, panel)
    picture = panel.answers.picture(5)
    assert "Letter grades" in panel.top.value
    assert panel.map.figure == figure_state(tension_map(picture.shown))
    assert panel.strip.figure == figure_state(spectrum_strip(picture.distribution))
    assert panel.words.figure == figure_state(vision_words_figure(picture.words))
    store.append(session.code, ResultsRevealed("alignment", False))
    refreshed(store, session, panel)
    empty = panel.empty
    assert panel.map.figure == figure_state(tension_map(empty.shown))
    assert panel.strip.figure == figure_state(spectrum_strip(empty.distribution))
