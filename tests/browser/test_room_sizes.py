"""Rooms of 4, 6, 8 and 12 see themselves on the projected display.

Each room's people split in two halves on everything they answer (check-in,
self-assessment, zones, identities, alignment, feedback), and the room's k fits
its size (3 for all four). One display walks each room through every activity,
revealed, at 1920×1080 and 1280×720 (screenshots in the folder the test
prints), and checks what the back of the room would: wherever the halves hold
at least k each, the chart shows at least two groups; no chart is drawn without
data; no two lines of text overlap; body text and chart text keep their sizes.
"""

from __future__ import annotations

import random

import pytest

from facilitate.activities.alignment.content import load_alignment
from facilitate.activities.alignment.events import PracticeRated
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.feedback.content import load_feedback
from facilitate.activities.feedback.events import FeedbackContent
from facilitate.activities.participation.demo import seed_discussion
from facilitate.activities.root_cause.demo import seed_root_causes
from facilitate.activities.self_assessment.content import load_self_assessment
from facilitate.activities.self_assessment.events import (
    IdentityReflected,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
    ZoneChecked,
)
from facilitate.core.config import AUTO_GROUP_SIZE
from facilitate.core.events import (
    ParticipantJoined,
    PhaseChanged,
    ResultsRevealed,
    SettingChanged,
)
from tests.browser.screens import artifacts, current, open_display, photograph

pytestmark = pytest.mark.browser

ROOMS = (4, 6, 8, 12, 30)
K = 3
#: (phase, activity revealed, view or "", the chart drawn there, how its groups
#: are counted: "bars" (at least two bars) or "segments" (every bar in two parts);
#: "" where the chart shows no answer of the split)
SCREENS = (
    ("welcome", "checkin", "", "fc-checkin-chart", "bars"),
    ("self_assessment", "self_assessment", "domains", "fc-sa-domain-chart", "segments"),
    (
        "self_assessment",
        "self_assessment",
        "identities",
        "fc-sa-identity-chart",
        "bars",
    ),
    ("self_assessment", "self_assessment", "zones", "fc-sa-zone-chart", "bars"),
    ("alignment", "alignment", "tensions", "fc-tension-map", ""),
    ("alignment", "alignment", "spectrum", "fc-spectrum-strip", ""),
    ("root_causes", "root_cause", "", "fc-rc-map", ""),
    ("participation", "participation", "talk", "fc-talk-share-chart", ""),
    ("reflection", "feedback", "", "fc-feedback-chart", "segments"),
)

#: Per drawn chart: its class and, for each bar (y category), how many
#: segments carry people; charts with no value at all are reported as empty.
CHART_GROUPS = """
() => {
  const panel = document.querySelector(".fc-display-panel.fc-current");
  const found = [];
  for (const plot of panel.querySelectorAll(".js-plotly-plot")) {
    if (!plot.offsetParent) continue;
    const owner = plot.closest("[class*='fc-']");
    const bars = {};
    let values = 0;
    for (const trace of plot.data || []) {
      const across = trace.orientation === "h" ? trace.x : trace.y;
      const along = trace.orientation === "h" ? trace.y : trace.x;
      (across || []).forEach((value, i) => {
        if (value === null || value === undefined || Number(value) === 0) return;
        values += 1;
        const bar = along ? String(along[i]) : "";
        bars[bar] = (bars[bar] || 0) + 1;
      });
      if (trace.type && !["bar"].includes(trace.type) && (trace.x || []).length) {
        values += 1;
      }
    }
    found.push({owner: owner ? owner.className : "", values, bars});
  }
  return found;
}
"""


def split_room(store, session, people: int) -> None:
    """``people`` join; the first half answer one way and the rest another."""
    code = session.code
    names = [f"p{index:02d}" for index in range(people)]
    half = people // 2
    content = load_self_assessment()
    educators = content.variant("educators")
    practices = load_alignment().practices
    form = load_feedback()
    for index, who in enumerate(names):
        low = index < half
        store.append(code, ParticipantJoined(who, f"Person {index}", "teacher"))
        store.append(code, CheckinAnswered(who, "hopeful" if low else "tired"))
        store.append(code, ZoneChecked(who, "start", "comfort" if low else "danger"))
        for item in educators.items:
            answer = "often" if low else "never"
            store.append(code, SelfAssessmentAnswered(who, item.key, answer))
        for question in content.identity_questions:
            chosen = ["race"] if low else ["gender"]
            store.append(code, IdentityReflected(who, question.key, chosen))
        store.append(code, SelfAssessmentSubmitted(who))
        for practice in practices:
            rated = (2, 1, 2) if low else (6, 5, 4)
            store.append(code, PracticeRated(who, practice.key, *rated))
        ratings = {item.key: 5 if low else 2 for item in form.ratings}
        store.append(code, FeedbackContent(ratings, "", ""))
    rng = random.Random(people)
    seed_discussion(store, session, names, rng)
    seed_root_causes(store, session, names, rng)


def splits_at_least_k(people: int) -> bool:
    half = people // 2
    return half >= K and people - half >= K


@pytest.mark.parametrize("people", ROOMS)
def test_a_small_room_sees_how_it_split(server, new_page, people):
    session = server.new_session(f"Room of {people}", k=AUTO_GROUP_SIZE)
    code = session.code
    store = server.store
    split_room(store, session, people)
    page = new_page()
    open_display(page, server, session)
    print(f"\nRoom screenshots: {artifacts()}")
    problems: dict[str, list[str]] = {}
    shown_phase = ""
    for phase, activity, view, chart, counted in SCREENS:
        if phase != shown_phase:
            store.append(code, PhaseChanged(phase))
            store.append(code, ResultsRevealed(activity, True))
            shown_phase = phase
        if view:
            store.append(code, SettingChanged(f"{activity}.view", view))
        name = f"room{people}-{phase}-{view or 'main'}"
        drawn_as = f".{chart}" if chart.startswith("fc-rc") else f".{chart} .main-svg"
        page.wait_for_selector(
            f"{current(phase, 'revealed')} {drawn_as}, {current(phase, 'not-enough')}"
        )
        photograph(page, name, problems)
        drawn = page.evaluate(CHART_GROUPS)
        problems_here = [f"empty chart {c['owner']}" for c in drawn if not c["values"]]
        if counted and splits_at_least_k(people):
            problems_here += one_group_only(drawn, chart, counted)
        if problems_here:
            problems[name] = problems_here
    assert problems == {}


def one_group_only(drawn: list[dict], chart: str, counted: str) -> list[str]:
    """Where a chart shows one group although the room split k / k."""
    mine = [c for c in drawn if chart in c["owner"]]
    if not mine:
        return [f"{chart} is not drawn although the room split"]
    said = []
    for found in mine:
        bars = found["bars"]
        if counted == "bars" and len(bars) < 2:
            said.append(f"{chart} draws one bar: {bars}")
        if counted == "segments" and any(n < 2 for n in bars.values()):
            said.append(f"{chart} draws a bar in one group: {bars}")
    return said
