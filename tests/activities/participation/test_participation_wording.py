"""What the participation panel says at the edges: before anyone talks, on a
line, and where a rounding error could print "-0.00"."""

from __future__ import annotations

import math

import pandas as pd

from facilitate.activities.participation.charts import (
    equity_figure,
    gini_in_words,
    lorenz_figure,
    talk_share_figure,
)
from facilitate.activities.participation.controls import ParticipationControls
from facilitate.activities.participation.display import ParticipationPanel
from facilitate.activities.participation.metrics import (
    TalkSummary,
    evenness,
    gini,
    lorenz_curve,
)
from facilitate.activities.participation.table import (
    equity_note,
    summary_sentence,
    talk_table_html,
)
from facilitate.core.events import ParticipantJoined, ResultsRevealed, SettingChanged
from facilitate.core.roster import roster_of
from facilitate.ui.contexts import ControlsContext, DisplayContext

SCALE = "(0 means everyone talked equally; 1 means one person did all the talking)."


def talk(people: int, turns: int, evenness_value: float | None) -> TalkSummary:
    return TalkSummary(
        people=people,
        spoken=min(turns, people),
        not_spoken=people - min(turns, people),
        turns=turns,
        talk_seconds=60.0 * turns,
        gini=None,
        evenness=evenness_value,
        longest_turn_seconds=60.0,
        longest_turn_speaker="a" if turns else None,
    )


def test_gini_readings_with_the_line_at_exactly_point_two():
    assert gini_in_words(gini([1, 1, 1, 1, 0])) == (
        f"Gini 0.20: talk was somewhat uneven {SCALE}"
    )
    # a caller's own arithmetic landing a hair under the line reads the same
    assert gini_in_words(0.19999999999999996) == (
        f"Gini 0.20: talk was somewhat uneven {SCALE}"
    )
    assert gini_in_words(gini([5, 5, 5])) == (
        f"Gini 0.00: talk was shared quite evenly {SCALE}"
    )
    assert gini_in_words(-0.0) == f"Gini 0.00: talk was shared quite evenly {SCALE}"
    assert gini_in_words(0.35) == (
        f"Gini 0.35: a few voices took much more of the time {SCALE}"
    )
    assert gini_in_words(0.5) == (
        f"Gini 0.50: talk was concentrated in very few voices {SCALE}"
    )
    assert gini_in_words(None) == "No talk has been tracked yet."


def test_one_voice_reads_evenness_zero_never_minus_zero():
    sentence = summary_sentence(talk(2, 1, evenness([60, 0])))
    assert sentence == (
        "2 people; 1 have spoken, 1 not yet heard; 1 turns; longest turn 1 min 00 s; "
        "evenness 0.00 (1 = everyone equally)."
    )
    assert "-0.00" not in summary_sentence(talk(2, 1, -0.0))


def test_before_anyone_speaks_the_sentence_says_not_yet():
    assert summary_sentence(talk(4, 0, None)) == "4 people; nobody has spoken yet."
    assert summary_sentence(talk(1, 1, None)).endswith(
        "longest turn 1 min 00 s; evenness needs two people or more."
    )


def no_talk_yet() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "speaker": ["a", "b", "c"],
            "name": ["A", "B", "C"],
            "role": ["teacher"] * 3,
            "talk_seconds": [0.0] * 3,
            "turns": [0] * 3,
            "talk_share": [math.nan] * 3,
            "contributions": [0] * 3,
            "contribution_share": [math.nan] * 3,
        }
    )


def test_no_talk_yet_draws_no_lorenz_curve_and_no_zero_bars():
    lorenz = lorenz_figure(lorenz_curve([0, 0, 0]), None)
    assert lorenz.layout.title.text == "Lorenz curve: no talk tracked yet"
    assert len(lorenz.data) == 2
    assert (tuple(lorenz.data[1].x), tuple(lorenz.data[1].y)) == ((), ())
    labels = {"a": "Person 1", "b": "Person 2", "c": "Person 3"}
    bars = talk_share_figure(no_talk_yet(), labels).data[0]
    assert list(bars.x) == [None, None, None]  # bars run across, one per name
    assert list(bars.text) == ["", "", ""]


def test_the_equal_share_line_runs_beneath_the_bars_and_their_percentages():
    """Drawn over them, the dashed line struck through a bar's "7%"."""
    spoke = no_talk_yet().assign(talk_share=[0.5, 0.3, 0.2])
    labels = {"a": "Person 1", "b": "Person 2", "c": "Person 3"}
    (line,) = talk_share_figure(spoke, labels).layout.shapes
    assert line.layer == "below"
    assert line.x0 == line.x1 == 100 / 3


def test_no_talk_yet_reads_not_yet_in_the_table_and_the_equity_note():
    labels = {"a": "Person 1", "b": "Person 2", "c": "Person 3"}
    table = talk_table_html(no_talk_yet(), labels)
    assert table.count('<td class="fc-share">not yet</td>') == 3
    assert "nan" not in table
    assert equity_note(no_talk_yet(), 3) == (
        "<p>Nobody has talked or written yet, so there are no equity ratios.</p>"
    )
    spoke = no_talk_yet().assign(talk_seconds=[5.0, 0.0, 0.0])
    assert equity_note(spoke, 3) == (
        "<p>No written contributions yet: their ratios appear once someone "
        "answers in the workbook.</p>"
    )
    wrote = no_talk_yet().assign(contributions=[1, 0, 0])
    assert equity_note(wrote, 3) == (
        "<p>No talk tracked yet: talk-time ratios appear once someone speaks.</p>"
    )


def test_missing_equity_ratios_are_not_drawn_as_zero():
    equity = pd.DataFrame(
        {
            "role": ["teacher"],
            "label": ["Teacher"],
            "people": [4],
            "talk_ratio": [math.nan],
            "contribution_ratio": [1.25],
        }
    )
    talk_bars, written_bars = equity_figure(equity).data
    assert (list(talk_bars.y), list(talk_bars.text)) == ([None], [""])
    assert (list(written_bars.y), list(written_bars.text)) == ([1.25], ["1.25"])


def test_before_anyone_speaks_remote_and_display_say_not_yet(store, session):
    for participant in ("p-ana", "p-bo", "p-cy"):
        store.append(
            session.code, ParticipantJoined(participant, participant, "teacher")
        )
    store.append(session.code, SettingChanged("min_group_size", 3))
    remote = ParticipationControls(ControlsContext(store, session))
    records = store.read(session.code)
    remote.refresh(roster_of(records), records)
    assert remote.gini.value == "<p><strong>No talk has been tracked yet.</strong></p>"
    assert remote.summary.value == "<p>3 people; nobody has spoken yet.</p>"
    assert remote.talk_table.value.count("not yet") == 3
    assert remote.equity_note.value == (
        "<p>Nobody has talked or written yet, so there are no equity ratios.</p>"
    )
    store.append(session.code, ResultsRevealed("participation"))
    panel = ParticipationPanel(DisplayContext(store, session))
    for view in ("talk", "lorenz", "equity"):
        store.append(session.code, SettingChanged("participation.view", view))
        records = store.read(session.code)
        panel.refresh(roster_of(records), records)
        assert panel.frame.current == "not-enough", view
        assert "No talk has been tracked yet." in panel.frame.state.value
        assert panel.frame.body.children == ()
