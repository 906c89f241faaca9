"""The differencing attack, replayed against every sensitive shared screen.

Two rooms are run side by side, identical except for what one person ("the last
person") answers. After every step the shared screen's full state (its text and
every chart's data) is captured. If the two rooms ever show different screens,
someone watching the screen learned something about that one person; so the
sequences of screens must be identical, step by step.

Scenario "first batch" (as the attack is usually tried): k - 1 people with known
answers submit, then the last person; the last person edits an answer; someone
who has not submitted clicks a zone. Scenario "after a batch": a batch of 2k is
already on the screen when the last person submits alone, edits, and a
non-submitter clicks a zone: without batched release the screen would move by
exactly that one person's answers. Both run at k = 5 and at k = 3, where the
gate merges answers into coarser groups ("Often or always") before hiding any.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import pytest

from facilitate.activities.checkin.content import load_checkin
from facilitate.activities.checkin.display import CheckinPanel
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.feedback.display import FeedbackPanel
from facilitate.activities.feedback.events import (
    FeedbackContent,
    FeedbackGiven,
    FeedbackSent,
)
from facilitate.activities.self_assessment.content import load_self_assessment
from facilitate.activities.self_assessment.display import SelfAssessmentPanel
from facilitate.activities.self_assessment.events import (
    IdentityReflected,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
    ZoneChecked,
)
from facilitate.core.errors import AlreadyRecorded
from facilitate.core.events import ParticipantJoined, ResultsRevealed, SettingChanged
from facilitate.core.roster import roster_of
from facilitate.core.sessions import create_session
from facilitate.core.store import open_store
from facilitate.ui.contexts import DisplayContext

K = 5
CONTENT = load_self_assessment()
EDUCATORS = CONTENT.variant("educators")
CHECKIN = [choice.key for choice in load_checkin().choices]


def screen(widget: Any) -> list[Any]:
    """Everything a widget tree shows: HTML text and chart data, in order."""
    if hasattr(widget, "to_plotly_json"):
        traces = [
            {key: value for key, value in trace.items() if key != "uid"}
            for trace in widget.to_plotly_json()["data"]
        ]
        return [json.dumps(traces, sort_keys=True, default=str)]
    shown: list[Any] = []
    if isinstance(widget, widgets.HTML | widgets.Button):
        shown.append(getattr(widget, "value", "") or widget.description)
    for child in getattr(widget, "children", ()):
        shown += screen(child)
    return shown


# --- what people do ---------------------------------------------------------------


def inventory(store, code, who, answer, identity, zone):
    store.append(code, ParticipantJoined(who, who.upper(), "teacher"))
    store.append(code, ZoneChecked(who, "start", zone))
    for item in EDUCATORS.items:
        store.append(code, SelfAssessmentAnswered(who, item.key, answer))
    store.append(code, IdentityReflected(who, "most", [identity]))
    store.append(code, SelfAssessmentSubmitted(who))


def edit_inventory(store, code, who, answer):
    store.append(code, SelfAssessmentAnswered(who, EDUCATORS.items[0].key, answer))


def end_zone(store, code, who, zone):
    store.append(code, ZoneChecked(who, "end", zone))


def feedback(store, code, who, rating):
    """A form as earlier logs kept it, next to its author (resubmittable)."""
    store.append(code, FeedbackGiven(who, {"voice": rating, "heard": rating}))


def unlinked_feedback(store, code, who, rating):
    """A form as pages send it now: once, held apart, released k at a time."""
    content = FeedbackContent({"voice": rating, "heard": rating})
    with contextlib.suppress(AlreadyRecorded):  # a second form is refused
        store.append_unlinked(code, FeedbackSent(who), content, 3)


def checkin(store, code, who, choice):
    store.append(code, ParticipantJoined(who, who.upper(), "teacher"))
    store.append(code, CheckinAnswered(who, CHECKIN[choice]))


#: Per figure: the panel, a known person's step (and, for the earlier batch, a
#: second kind of answer so the batch shows cells), and the last person's answer,
#: edit and a non-submitter's click, each as (room A, room B). In room A the last
#: person joins a cell already shown; in room B they answer something else.
Step = Callable[[Any, str, str], None]
FIGURES: dict[str, dict[str, Any]] = {
    "self-assessment": {
        "panel": SelfAssessmentPanel,
        "known": lambda s, c, w: inventory(s, c, w, "often", "race", "risk"),
        "early": lambda s, c, w: inventory(s, c, w, "sometimes", "gender", "comfort"),
        "last": (
            lambda s, c, w: inventory(s, c, w, "often", "race", "risk"),
            lambda s, c, w: inventory(s, c, w, "never", "language", "danger"),
        ),
        "edit": (
            lambda s, c, w: edit_inventory(s, c, w, "sometimes"),
            lambda s, c, w: edit_inventory(s, c, w, "never"),
        ),
        "outsider": (
            lambda s, c, w: s.append(c, ZoneChecked(w, "start", "danger")),
            lambda s, c, w: s.append(c, ZoneChecked(w, "start", "comfort")),
        ),
    },
    "end zones": {
        "panel": SelfAssessmentPanel,
        "view": ("self_assessment.view", "zones"),
        "known": lambda s, c, w: end_zone(s, c, w, "risk"),
        "early": lambda s, c, w: end_zone(s, c, w, "comfort"),
        "last": (
            lambda s, c, w: end_zone(s, c, w, "risk"),
            lambda s, c, w: end_zone(s, c, w, "danger"),
        ),
        "edit": (
            lambda s, c, w: end_zone(s, c, w, "comfort"),
            lambda s, c, w: end_zone(s, c, w, "danger"),
        ),
        "outsider": None,
    },
    "feedback": {
        "panel": FeedbackPanel,
        "known": lambda s, c, w: feedback(s, c, w, 4),
        "early": lambda s, c, w: feedback(s, c, w, 5),
        "last": (
            lambda s, c, w: feedback(s, c, w, 4),
            lambda s, c, w: feedback(s, c, w, 1),
        ),
        "edit": (
            lambda s, c, w: feedback(s, c, w, 2),
            lambda s, c, w: feedback(s, c, w, 3),
        ),
        "outsider": None,
    },
    "feedback, unlinked": {
        "panel": FeedbackPanel,
        "known": lambda s, c, w: unlinked_feedback(s, c, w, 4),
        "early": lambda s, c, w: unlinked_feedback(s, c, w, 5),
        "last": (
            lambda s, c, w: unlinked_feedback(s, c, w, 4),
            lambda s, c, w: unlinked_feedback(s, c, w, 1),
        ),
        "edit": (
            lambda s, c, w: unlinked_feedback(s, c, w, 2),
            lambda s, c, w: unlinked_feedback(s, c, w, 3),
        ),
        "outsider": None,
    },
    "check-in": {
        "panel": CheckinPanel,
        "known": lambda s, c, w: checkin(s, c, w, 0),
        "early": lambda s, c, w: checkin(s, c, w, 1),
        "last": (
            lambda s, c, w: checkin(s, c, w, 0),
            lambda s, c, w: checkin(s, c, w, 2),
        ),
        "edit": (
            lambda s, c, w: s.append(c, CheckinAnswered(w, CHECKIN[3])),
            lambda s, c, w: s.append(c, CheckinAnswered(w, CHECKIN[4])),
        ),
        "outsider": None,
    },
}


def run_room(folder, figure, room: int, before: int, k: int = K) -> list[list[Any]]:
    """The screens of one room: ``before`` people already released, then the
    k - 1 known people (only in the first-batch scenario), the last person,
    their edit and an outsider's click."""
    spec = FIGURES[figure]
    store = open_store(folder)
    session = create_session(store, "Differencing", min_group_size=k)
    code = session.code
    for activity in ("self_assessment", "feedback", "checkin"):
        store.append(code, ResultsRevealed(activity, True))
    if "view" in spec:  # the screen shows one result at a time
        store.append(code, SettingChanged(*spec["view"]))
    panel = spec["panel"](DisplayContext(store, session))
    screens = []

    def look():
        records = store.read(code)
        panel.refresh(roster_of(records), records)
        seen = [
            part.replace(code, "CODE").replace(session.key, "KEY")
            for part in screen(panel.root)
        ]
        screens.append(seen)

    for index in range(before):
        step = spec["known"] if index % 2 else spec["early"]
        step(store, code, f"early{index}")
    look()
    if not before:
        for index in range(k - 1):
            spec["known"](store, code, f"known{index}")
            look()
    spec["last"][room](store, code, "last")
    look()
    spec["edit"][room](store, code, "last")
    look()
    if spec["outsider"] is not None:
        spec["outsider"][room](store, code, "outsider")
        look()
    store.close()
    return screens


@pytest.mark.parametrize("figure", list(FIGURES))
@pytest.mark.parametrize("scenario", ["first batch", "after a batch"])
@pytest.mark.parametrize("k", [K, 3])
def test_no_screen_tells_the_last_person_apart(tmp_path, figure, scenario, k):
    before = 2 * k if scenario == "after a batch" else 0
    room_a = run_room(tmp_path / "a", figure, 0, before, k)
    room_b = run_room(tmp_path / "b", figure, 1, before, k)
    assert len(room_a) == len(room_b)
    for step, (seen_a, seen_b) in enumerate(zip(room_a, room_b, strict=True)):
        assert seen_a == seen_b, f"{figure}, {scenario}: step {step} differs"
    if before:
        charts = [part for part in room_a[0] if part.startswith("[{")]
        assert charts, "the earlier batch is on the screen, so a change would show"


@pytest.mark.parametrize("figure", ["self-assessment", "check-in", "feedback"])
def test_the_attack_is_tried_against_merged_groups_too(tmp_path, figure):
    """At k = 3 the earlier batch is drawn in merged groups, so the test above
    covers them: "Curious or another feeling", "Strongly disagree to agree"."""
    first = run_room(tmp_path / "a", figure, 0, 6, 3)[0]
    charts = " ".join(part for part in first if part.startswith("[{"))
    assert " or " in charts or " to " in charts, charts[:300]
