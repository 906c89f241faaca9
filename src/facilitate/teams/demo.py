"""A synthetic Grade 4 team four meetings in, so a new user sees every view at once.

Thirty-four students of concern across four classes, each with a plausible
story over four fortnightly meetings ending today: many respond to their
supports, some stay flat until the team intensifies, some decline twice in a
row, some supports go unchecked, some are checked every third meeting and are
due (not overdue) today, two students were raised only today. Each supported
student has a note of what the team thinks is behind the difficulty, and the
support targets it. Every flag shows at the last meeting, and the equity lens
has enough students for the release gate to show some groups. Labels are
invented initials and IDs; owners and notes are invented too.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from facilitate.core.store.base import EventStore
from facilitate.teams.codes import TeamInfo, create_team, list_teams
from facilitate.teams.events import (
    CauseNoted,
    ClassCounted,
    ConcernRaised,
    ConcernResolved,
    CycleOpened,
    ResponseChecked,
    StudentAdded,
    SupportAdded,
    SupportEnded,
)

DEMO_TEAM_TITLE = "Demo: Grade 4 team"
MEETING_DAYS = 14
#: Days from the meeting that decided a support to its start.
DELAYS = (0, 0, 3, 7, 14)
COMPOSITION = (
    ("Black", 22),
    ("Hispanic or Latino", 34),
    ("White", 38),
    ("Asian", 11),
    ("Two or more races", 7),
)
#: Group of each student of concern, in order (skewed, as real data often is).
GROUPS = (
    ["Black", "Hispanic or Latino", "White"] * 7
    + ["Black", "Hispanic or Latino"] * 4
    + ["Black", "Hispanic or Latino", "Asian", "Two or more races", "Asian"]
)
#: The area of each student's first concern, in turn.
AREAS = (
    "reading",
    "mathematics",
    "reading",
    "behaviour",
    "mathematics",
    "reading",
    "attendance",
    "reading",
    "mathematics",
    "behaviour",
    "language_development",
    "reading",
    "writing",
    "social_emotional",
)
OWNERS = ("Ms Ortiz", "Mr Bell", "Ms Chen", "Mr Adeyemi", "Ms Novak", "Mrs Park")
#: area -> (kind of support, tier, what), lightest first.
SUPPORTS = {
    "reading": [
        ("classroom", 1, "Guided reading with weekly conferences"),
        ("small_group", 2, "Phonics group, 3 times a week"),
        ("one_to_one", 3, "Daily one-to-one reading, 20 minutes"),
    ],
    "mathematics": [
        ("classroom", 1, "Manipulatives and worked examples in class"),
        ("small_group", 2, "Number-sense group, twice a week"),
        ("one_to_one", 3, "Daily math tutoring"),
    ],
    "writing": [("classroom", 1, "Sentence frames and a writing checklist")],
    "attendance": [("family", 2, "Weekly call home and a morning greeter")],
    "behaviour": [
        ("check_in", 2, "Check-in / check-out with a mentor"),
        ("counselling", 3, "Weekly counselling sessions"),
    ],
    "social_emotional": [("mentoring", 2, "Lunch-time mentoring group")],
    "language_development": [("small_group", 2, "Oral language group")],
}
#: area -> (what the team looked at, from a to b; added to a start of 20-45).
EVIDENCE = {
    "reading": ("Running record: {a} → {b} words correct per minute", 40),
    "mathematics": ("Exit tickets: {a}% → {b}% correct", 0),
    "writing": ("Writing sample: {a} → {b} of 100 rubric points", 0),
    "attendance": ("Days attended: {a}% → {b}% over two weeks", 45),
    "behaviour": ("Check-in/check-out points: {a}% → {b}%", 20),
    "social_emotional": ("Self-rating and teacher notes: {a} → {b} of 100", 10),
    "language_development": ("Oral language checklist: {a} → {b} of 100", 10),
}
#: area -> what a team might think is behind a difficulty there (Q2).
CAUSES = {
    "reading": (
        "Decoding, not meaning: missed phonics in grade 2",
        "Few books at home in English",
    ),
    "mathematics": (
        "Gaps in place value from last year",
        "Anxious in timed work",
    ),
    "writing": ("Handwriting is slow; ideas get lost",),
    "attendance": ("Looks after younger siblings in the morning",),
    "behaviour": ("Transitions after lunch are hard", "New to the school this term"),
    "social_emotional": ("Few friends in this class",),
    "language_development": ("Second year learning English",),
}
#: Stories of one concern: responses at the meetings after its support started,
#: then what the team did ("" nothing, "step" stepped down and closed the concern,
#: "intensify" a tier 3 support from the third meeting, "unchecked" no checks,
#: "every_third" checked every third meeting, so due but not overdue today).
STORIES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("too_early", "improving", "no_change"), ""),
    (("no_change", "improving", "improving"), ""),
    (("no_change", "no_change", "no_change"), ""),
    (("improving", "improving"), "step"),
    (("declining", "no_change", "improving"), ""),
    (("no_change", "no_change", "too_early"), "intensify"),
    (("too_early", "improving", "improving"), ""),
    ((), "unchecked"),
    (("improving", "declining", "declining"), ""),
    ((), "every_third"),
)
EVERY = {"every_third": 3}


def meetings(today: dt.date) -> list[str]:
    return [
        (today - dt.timedelta(days=MEETING_DAYS * back)).isoformat()
        for back in (3, 2, 1, 0)
    ]


def seed_demo_team(store: EventStore, seed: int = 11) -> TeamInfo:
    """Create the demo team and its four meetings of work."""
    rng = random.Random(seed)
    team = create_team(store, DEMO_TEAM_TITLE)
    dates = meetings(dt.date.today())
    for date in dates:
        store.append(team.code, CycleOpened(date))
    for group, count in COMPOSITION:
        store.append(team.code, ClassCounted(group, count))
    for index, group in enumerate(GROUPS):
        _student(store, team.code, index, group, dates, rng)
    return team


def _student(
    store: EventStore,
    code: str,
    index: int,
    group: str,
    dates: Sequence[str],
    rng: random.Random,
) -> None:
    """One student's story: added, areas raised, supported, checked."""
    student = f"demo-st-{index:02d}"
    letters = "ABCDEFGHJKLMNPRSTW"
    first_letter, last_letter = letters[index % 18], letters[(index * 5 + 3) % 17]
    label = f"{first_letter}.{last_letter}." if index % 3 else f"{204100 + index * 37}"
    first = 3 if index >= len(GROUPS) - 2 else (1 if index % 7 == 5 else 0)
    store.append(code, StudentAdded(student, label, group, dates[first]))
    areas = [AREAS[index % len(AREAS)]]
    if index % 4 == 0:
        areas.append("mathematics" if areas[0] == "reading" else "reading")
    for n, area in enumerate(areas):
        store.append(code, ConcernRaised(student, area, dates[first]))
        if first < 3:
            story = STORIES[(index + n * 4) % len(STORIES)]
            _supported(store, code, student, area, dates[first:], story, rng)


def _supported(
    store: EventStore,
    code: str,
    student: str,
    area: str,
    dates: Sequence[str],
    story: tuple[tuple[str, ...], str],
    rng: random.Random,
) -> None:
    """A support from the concern's meeting, then checks following ``story``."""
    responses, then = story
    options = SUPPORTS[area]
    level = rng.randrange(len(options) - 1) if len(options) > 1 else 0
    kind, tier, what = options[level]
    support = f"{student}-{area}"
    start = dt.date.fromisoformat(dates[0]) + dt.timedelta(days=rng.choice(DELAYS))
    if then == "every_third":
        start = dt.date.fromisoformat(dates[0])
    cause = f"{support}-cause"
    note = rng.choice(CAUSES[area])
    store.append(code, CauseNoted(cause, student, note, dates[0]))
    store.append(
        code,
        SupportAdded(
            support,
            student,
            area,
            what,
            kind,
            tier,
            rng.choice(OWNERS),
            start.isoformat(),
            EVERY.get(then, 1),
            dates[0],
            [cause],
        ),
    )
    template, offset = EVIDENCE[area]
    score = rng.randint(20, 45) + offset
    for date, response in zip(dates[1:], responses, strict=False):
        change = {"improving": 8, "no_change": 0, "declining": -5}.get(response, 2)
        evidence = template.format(a=score, b=score + change)
        store.append(code, ResponseChecked(student, area, date, response, evidence))
        score += change
    if then == "step" and len(dates) > 2:
        store.append(code, SupportEnded(support, "stepped_down", dates[2]))
        store.append(code, ConcernResolved(student, area, dates[2]))
    elif then == "intensify" and len(dates) > 2 and level + 1 < len(options):
        store.append(code, SupportEnded(support, "intensified", dates[2]))
        kind, tier, what = options[level + 1]
        owner = rng.choice(OWNERS)
        stronger = SupportAdded(
            f"{support}-2",
            student,
            area,
            what,
            kind,
            tier,
            owner,
            dates[2],
            1,
            dates[2],
            [cause],
        )
        store.append(code, stronger)


def demo_team(store: EventStore) -> TeamInfo:
    """The existing demo team, or a freshly seeded one."""
    for team in list_teams(store):
        if team.title == DEMO_TEAM_TITLE:
            return team
    return seed_demo_team(store)
