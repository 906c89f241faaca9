"""The alignment screen and its controls with real widgets, a real store and k."""

from __future__ import annotations

from facilitate.activities.alignment.content import load_alignment
from facilitate.activities.alignment.controls import AlignmentControls
from facilitate.activities.alignment.display import AlignmentPanel, gap_in_words
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
from facilitate.ui.contexts import ControlsContext, DisplayContext

COUNT = len(load_alignment().practices)
#: Practices built on one model (not mixed): placed at the centre, all are named.
COUNTED = [
    p.key for p in load_alignment().practices if p.leans in ("extrinsic", "intrinsic")
]
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


def refreshed(store, session, *views):
    records = store.read(session.code)
    for view in views:
        view.refresh(roster_of(records), records)
    return views[0]


def open_panel(store, session):
    store.append(session.code, PhaseChanged("alignment"))
    return refreshed(store, session, AlignmentPanel(DisplayContext(store, session)))


def open_controls(store, session):
    return refreshed(store, session, AlignmentControls(ControlsContext(store, session)))


def test_hidden_until_revealed_then_the_split_practice_leads(store, session):
    panel = open_panel(store, session)
    controls = open_controls(store, session)
    assert panel.frame.current == "waiting"
    rate_everything(store, session, 8)  # from 8 answers a split can be told
    refreshed(store, session, panel, controls)
    assert panel.frame.current == "answering"
    assert "At least 5 are placing our practices." in panel.frame.state.value
    assert panel.top.value == ""
    controls.reveal.button.click()
    assert store.read(session.code)[-1].event == ResultsRevealed("alignment", True)
    refreshed(store, session, panel, controls)
    assert controls.reveal.button.description == "Hide results from the screen"
    first = panel.top.value.split("</li>")[0]
    assert '<span class="fc-tension-practice">Letter grades</span>' in first
    assert "split into two camps" in first
    assert panel.frame.body.children == (panel.tensions,)
    assert panel.map.shown
    assert "Letter grades" in panel.frame.prompt.value
    assert "Pep rallies" not in panel.top.value  # skipped by all: nothing to show
    # Peer collaboration is built on intrinsic community; the room put it at 4.
    design = panel.top.value.split("Placed away from their design")[1]
    assert (
        '<li class="fc-design-note">The room placed Peer collaboration further '
        "toward extrinsic than its design suggests"
    ) in design
    assert "Letter grades" not in design  # a split averages to 4

    controls.reveal.button.click()
    refreshed(store, session, panel, controls)
    assert panel.frame.current == "hidden-again"
    assert not panel.map.shown, "hidden results are not even in the page"


def test_the_display_names_at_most_three_practices_away_from_their_design(
    store, session
):
    panel = open_panel(store, session)
    for index in range(5):  # everything placed at the centre, nothing split
        for practice in COUNTED:
            store.append(session.code, PracticeRated(f"p{index}", practice, **CALM))
    store.append(session.code, ResultsRevealed("alignment"))
    refreshed(store, session, panel)
    assert panel.top.value.count('<li class="fc-design-note">') == 3
    assert f"<p>{len(COUNTED) - 3} more in the summary.</p>" in panel.top.value


def test_gap_is_said_in_words_only_when_clear():
    assert gap_in_words(3.0, True) == "practice lags our vision by 3 points"
    assert gap_in_words(-1.04, True) == "practice runs ahead of our vision by 1 point"
    assert gap_in_words(1.46, True) == "practice lags our vision by 1.5 points"
    assert gap_in_words(3.0, False) == "no clear gap"
    assert gap_in_words(float("nan"), False) == ""


def test_nothing_is_drawn_below_k(store, session):
    panel = open_panel(store, session)
    rate_everything(store, session, 4)
    store.append(session.code, ResultsRevealed("alignment"))
    refreshed(store, session, panel)
    assert panel.top.value == ""
    assert panel.frame.current == "not-enough"
    assert panel.frame.body.children == ()
    # progress in steps of k, never the exact count
    assert "Fewer than 5 are placing our practices so far." in panel.frame.state.value
    assert "4" not in panel.frame.state.value
    store.append(session.code, SettingChanged("min_group_size", 4))
    refreshed(store, session, panel)
    assert "Letter grades" in panel.top.value


def test_the_spectrum_names_both_ends_and_keeps_them_inside(store, session):
    panel = open_panel(store, session)
    rate_everything(store, session, 10)
    store.append(session.code, ResultsRevealed("alignment"))
    store.append(session.code, SettingChanged("alignment.view", "spectrum"))
    refreshed(store, session, panel)
    layout = panel.strip.figure.layout
    ends = {(a.text, a.xanchor, a.x) for a in layout.annotations}
    assert ("◀ extrinsic / behaviorist", "left", 0.0) in ends
    assert ("intrinsic / community ▶", "right", 1.0) in ends


def test_a_spectrum_with_nothing_to_plot_is_a_sentence(store, session):
    """Six people, k = 5: no practice's placements split into two groups of 5,
    so no chart is drawn, and nothing names a practice."""
    panel = open_panel(store, session)
    rate_everything(store, session, 6)
    store.append(session.code, ResultsRevealed("alignment"))
    store.append(session.code, SettingChanged("alignment.view", "spectrum"))
    refreshed(store, session, panel)
    assert not panel.strip.shown
    assert panel.frame.current == "not-enough"
    assert panel.frame.body.children == ()
    assert (
        "No practice is placed in two groups of 5 or more yet."
        in panel.frame.state.value
    )
    assert "furthest apart" not in panel.frame.prompt.value


def test_a_room_of_six_sees_its_two_camps_on_the_spectrum(store, session):
    """At k = 3, three place letter grades at 1 and three at 7: two groups of
    three, each drawn over the run of positions it was merged across."""
    store.append(session.code, SettingChanged("min_group_size", 3))
    panel = open_panel(store, session)
    rate_everything(store, session, 6)
    store.append(session.code, ResultsRevealed("alignment"))
    store.append(session.code, SettingChanged("alignment.view", "spectrum"))
    refreshed(store, session, panel)
    (dots,) = panel.strip.figure.data
    columns = (dots.x, dots.y, dots.text, dots.error_x.array)
    grades = [
        (x, n, run)
        for x, y, n, run in zip(*columns, strict=True)
        if y == "Letter grades"
    ]
    # the gate cuts the seven positions into 1..3 and 4..7, three people each,
    # each drawn with a bar over its run (half its width and 0.4 either side)
    assert grades == [(2.0, "3", 1.4), (5.5, "3", 1.9)]
    assert "Peer collaboration" in dots.y  # one run, drawn as one group of six
    assert panel.frame.current == "revealed"


def test_vision_words_wait_for_k_statements_and_keep_only_words(store, session):
    panel = open_panel(store, session)
    rate_everything(store, session, 5)
    store.append(session.code, ResultsRevealed("alignment"))
    store.append(session.code, SettingChanged("alignment.view", "words"))
    for index in range(4):
        store.append(
            session.code, VisionOffered(f"p{index}", "Joy and <b>belonging</b>")
        )
    refreshed(store, session, panel)
    assert not panel.words.shown
    assert (
        "Fewer than 5 have offered our vision in words so far."
    ) in panel.frame.state.value
    store.append(session.code, VisionOffered("p4", "joy, curiosity"))
    refreshed(store, session, panel)
    bars = panel.words.chart.data[0]
    # Only words used by at least k people: "belonging" (4) and "curiosity" (1)
    # would point at the people who wrote them.
    assert list(bars.y) == ["joy"]
    assert list(bars.x) == [5]
    assert panel.frame.body.children == (panel.words.root,)


def test_add_a_practice_before_anyone_answers_only(store, session):
    open_panel(store, session)
    controls = open_controls(store, session)
    controls.new_label.value = "Morning <meeting>"
    controls.add.click()
    added = store.read(session.code, kinds=[PracticeAdded.kind])
    assert [r.event for r in added] == [
        PracticeAdded("added_morning_meeting", "Morning <meeting>")
    ]
    assert "Added “Morning &lt;meeting&gt;”" in controls.form_message.value
    rate_everything(store, session, 1)
    controls.new_label.value = "Advisory"
    controls.add.click()
    assert "People have started answering, so the list is fixed" in (
        controls.form_message.value
    )
    refreshed(store, session, controls)
    assert controls.form.layout.display == "none"


def test_tension_map_names_never_collide():
    from facilitate.activities.alignment.charts import label_box, place_labels

    crowd = [(3.0 + 0.02 * i, 3.0, 30.0, f"Practice number {i}") for i in range(8)]
    placed = place_labels(crowd)
    assert placed[0][0] == "Practice number 0"
    named = [(crowd[i], spot) for i, spot in enumerate(placed) if spot[0]]
    assert 1 < len(named) < len(crowd), "some fit, the rest are left off"
    boxes = [
        label_box(x, y, size, name, position)
        for (x, y, size, name), (_, position) in named
    ]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, (a, b)


def test_incremental_counts_match_a_full_recount(store, session):
    import random

    import numpy as np
    import pandas as pd

    from facilitate.activities.alignment.content import load_alignment
    from facilitate.activities.alignment.metrics import count_answers
    from facilitate.activities.alignment.room import RoomAnswers

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
    assert not answers.counts().answered.any(), "nothing is released before Reveal"
    frame = pd.DataFrame(
        [
            {"id": r.id, **r.event.payload()}
            for r in records
            if r.kind == "practice_rated"
        ]
    )
    expected = count_answers(frame, practices)
    for name in ("spectrum", "now", "vision", "gaps", "answered", "skipped"):
        np.testing.assert_array_equal(
            getattr(answers.live_counts(), name), getattr(expected, name)
        )


def test_the_spectrum_strip_escapes_practice_names():
    """Practice names come from the room: drawn as text, never as markup."""
    import pandas as pd

    from facilitate.activities.alignment.charts import spectrum_strip

    rows = [
        (f"p{index}", f"Morning <meeting> {index}", start, start, 3, False)
        for index in range(2)
        for start in (1, 7)
    ]
    placements = pd.DataFrame(
        rows, columns=["practice", "label", "start", "stop", "count", "merged"]
    )
    labels = spectrum_strip(placements).data[0].y
    assert labels[0] == "Morning &lt;meeting&gt; 0"
