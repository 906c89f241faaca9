"""Alignment's batched release, on the display and in the summary, with a real store.

A practice's figures move only when k more people have rated or skipped it
since its last release; the display and the summary fold the same log.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from facilitate.activities.alignment.content import load_alignment
from facilitate.activities.alignment.display import AlignmentPanel
from facilitate.activities.alignment.events import PracticeRated
from facilitate.activities.alignment.metrics import count_answers
from facilitate.activities.alignment.prompts import OPEN_QUESTION
from facilitate.activities.alignment.report import alignment_part
from facilitate.activities.alignment.room import RoomAnswers
from facilitate.core.events import (
    ParticipantJoined,
    PhaseChanged,
    ResultsRevealed,
    SettingChanged,
)
from facilitate.core.frames import kind_frame
from facilitate.core.release import batched_release
from facilitate.core.roster import roster_of
from facilitate.core.sessions import create_session
from facilitate.ui.contexts import DisplayContext

PRACTICES = list(load_alignment().practices)
GRADES = "letter_grades"


def rate(store, session, who, practice=GRADES, spectrum=2, now=3, vision=4):
    store.append(session.code, ParticipantJoined(who, who.upper()))
    store.append(session.code, PracticeRated(who, practice, spectrum, now, vision))


def panel_for(store, session):
    store.append(session.code, PhaseChanged("alignment"))
    return AlignmentPanel(DisplayContext(store, session))


def look(store, session, panel):
    records = store.read(session.code)
    panel.refresh(roster_of(records), records)
    shown = alignment_part(records, session).tables["alignment_practices"]
    means = shown.set_index("label")[["answered", "now_mean", "vision_mean"]]
    return panel.map.figure.to_plotly_json()["data"], means.to_dict("index")


def test_one_more_rating_after_the_reveal_moves_nothing(store):
    """The issue's case at k = 3: a fourth rating moved "now" from 3 to 3.5,
    exactly what that person entered. Now it waits for two more people."""
    session = create_session(store, "Small room", min_group_size=3)
    panel = panel_for(store, session)
    for who in ("a", "b", "c"):
        rate(store, session, who)
    store.append(session.code, ResultsRevealed("alignment"))
    before = look(store, session, panel)
    assert before[1]["Letter grades"] == {
        "answered": 3,
        "now_mean": 3.0,
        "vision_mean": 4.0,
    }
    rate(store, session, "d", now=5, vision=5)
    assert look(store, session, panel) == before
    rate(store, session, "a", now=1, vision=1)  # a change waits too
    assert look(store, session, panel) == before
    rate(store, session, "e", now=5, vision=5)
    assert look(store, session, panel) == before
    rate(store, session, "f", now=5, vision=5)
    after = look(store, session, panel)
    assert after[1]["Letter grades"]["answered"] == 6
    assert after[1]["Letter grades"]["now_mean"] == pytest.approx(22 / 6, abs=1e-3)


def test_each_practice_is_released_as_the_gate_releases_it(store):
    """Against core's batched_release, run per practice over the same log, at
    every step: people join, rate, change their minds and skip, k is set on the
    remote, and the results are revealed half way."""
    session = create_session(store, "Gate", min_group_size=4)
    keys = [p.key for p in PRACTICES[:3]]
    rng = random.Random(23)
    answers = RoomAnswers(PRACTICES[:3])
    for step in range(160):
        who = f"p{rng.randint(0, 14)}"
        if step == 60:
            store.append(session.code, ResultsRevealed("alignment"))
        elif step == 110:
            store.append(session.code, SettingChanged("min_group_size", 3))
        elif rng.random() < 0.15:
            store.append(
                session.code, PracticeRated(who, rng.choice(keys), skipped=True)
            )
        else:
            values = (rng.randint(1, 7), rng.randint(1, 5), rng.randint(1, 5))
            store.append(session.code, PracticeRated(who, rng.choice(keys), *values))
        records = store.read(session.code)
        answers.fold(records)
        for row, key in enumerate(keys):
            expected = gate_counts(records, key)
            for name in ("spectrum", "now", "vision", "gaps", "answered", "skipped"):
                np.testing.assert_array_equal(
                    getattr(answers.counts(), name)[row],
                    getattr(expected, name)[row],
                    err_msg=f"step {step}, {key}, {name}",
                )
    assert answers.counts().answered.sum() > 0, "something was released"


def gate_counts(records, key):
    """One practice's counts as core's batched release shows them."""

    def rater(record):
        event = record.event
        rated = isinstance(event, PracticeRated) and event.practice == key
        return event.participant if rated else None

    latest = batched_release(records, rater, reveal="alignment").latest
    seen = [] if latest is None else latest.visible(records, rater)
    return count_answers(kind_frame(seen, PracticeRated.kind), PRACTICES[:3])


def test_too_few_answers_is_said_alone(store, session):
    """Six people, all with practice far ahead of vision: the practice is shown
    at k = 3, reads "too few answers to tell", and nothing else is said of it."""
    store.append(session.code, SettingChanged("min_group_size", 3))
    panel = panel_for(store, session)
    for index in range(6):
        rate(store, session, f"p{index}", now=5, vision=2)
    store.append(session.code, ResultsRevealed("alignment"))
    look(store, session, panel)
    entry = panel.top.value.split("</li>")[0]
    assert "too few answers to tell" in entry
    assert '<span class="fc-tension-gap"></span>' in entry
    assert "runs ahead" not in panel.top.value
    assert panel.frame.prompt.value == (
        f'<p class="fc-discussion-prompt">{OPEN_QUESTION}</p>'
    )


def test_a_clear_gap_leads_the_headline_and_an_unclear_one_does_not(store, session):
    panel = panel_for(store, session)
    for index in range(8):  # eight of eight: practice runs ahead of vision
        rate(store, session, f"p{index}", now=5, vision=2)
        rate(store, session, f"p{index}", "pep_rallies", 4, 3, 2 + index % 3)
    store.append(session.code, ResultsRevealed("alignment"))
    look(store, session, panel)
    assert "Letter grades drives our school more than we want it to" in (
        panel.frame.prompt.value
    )
    assert "practice runs ahead of our vision by 3 points" in panel.top.value
    # pep rallies: vision 2, 3 or 4 against now 3 moves both ways
    pep = panel.top.value.split("Pep rallies")[1].split("</li>")[0]
    assert "no clear gap" in pep
