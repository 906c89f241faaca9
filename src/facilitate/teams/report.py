"""What leaves the team: counts and patterns only, through the release gate.

The export answers the questions a principal or coach asks of a team (how many
students it names and supports, how they respond, how the flags moved, where
concerns are, how intensive the supports, which kinds of support students
respond to, how long students wait for one) without saying anything about one
student or one colleague. No label, group of one student, owner, support
description, cause or evidence note is ever read here: only areas, tiers, kinds
of support, responses and dates. Every row that splits a total is coarsened
before anything is hidden (``cells``: small cells merge into one named group,
complementary suppression kept whole), and a statistic over a group is shown
only when the group holds at least k.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from facilitate.core.group_size import floored
from facilitate.core.release import is_shown
from facilitate.core.report import ReportPart
from facilitate.teams.cells import MERGED, coarsened, row_groups, together
from facilitate.teams.content import FourQuestions
from facilitate.teams.equity import EquityLens, equity_lens, group_label
from facilitate.teams.events import RESPONSES, TIERS
from facilitate.teams.meetings import flags_by_meeting, students_by_meeting
from facilitate.teams.render import day
from facilitate.teams.state import Support, TeamState

PLANNED = "Planned only"
NO_SUPPORT_YET = "No support yet"
WITHHELD_NOTE = (
    "– : not shown on its own, because fewer than {k} students are in it (or it "
    "would let a smaller group be worked out). Small groups are merged rather "
    "than hidden: 'Merged groups' gives their count together."
)


@dataclass(frozen=True)
class TeamCover:
    title: str
    meetings: int
    first: str
    last: str
    of_concern: int | None
    k: int


def released(counts: Mapping[str, int], k: int) -> dict[str, object]:
    """One partition coarsened through the gate: its cells, its total when it
    holds k or more ("Students"), and its merged groups in words."""
    row = coarsened(dict(counts), k)
    return {**row.cells, "Students": row.total, MERGED: row.merged_text(counts)}


def team_cover(state: TeamState) -> TeamCover:
    k = floored(state.min_group_size)
    latest = state.latest_cycle()
    of_concern = len({s for s, _ in state.open_pairs(latest)}) if latest else 0
    return TeamCover(
        title=state.title,
        meetings=len(state.cycles),
        first=day(state.cycles[0]) if state.cycles else "",
        last=day(latest) if latest else "",
        of_concern=of_concern if is_shown(of_concern, k) else None,
        k=k,
    )


def level_of(state: TeamState, pair: tuple[str, str], cycle: str) -> str:
    """Tier of the most intensive support in place, else planned, else none."""
    supports = state.supports_of(pair, cycle)
    running = [s.tier for s in supports if s.start <= cycle]
    if running:
        return f"Tier {max(running)}"
    return PLANNED if supports else NO_SUPPORT_YET


def areas_and_tiers(state: TeamState, content: FourQuestions, k: int) -> pd.DataFrame:
    """Per area, students of concern by their support's tier at the last meeting;
    areas with fewer than k merged into one row."""
    levels = [f"Tier {t}" for t in TIERS] + [PLANNED, NO_SUPPORT_YET]
    by_area: dict[str, Counter[str]] = {}
    latest = state.latest_cycle()
    if latest is not None:
        for pair in state.open_pairs(latest):
            by_area.setdefault(pair[1], Counter())[level_of(state, pair, latest)] += 1
    ordered = sorted(by_area, key=lambda a: (content.area_order(a), a))
    totals = {area: sum(by_area[area].values()) for area in ordered}
    rows = []
    for areas in row_groups(totals, k):
        counts = {
            level: sum(by_area[a].get(level, 0) for a in areas) for level in levels
        }
        label = together([content.area_label(a) for a in areas])
        rows.append({"Area": label, **released(counts, k)})
    columns = ["Area", "Students", *levels, MERGED]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def latest_response(state: TeamState, support: Support) -> str | None:
    """The last response checked while ``support`` ran (from start to its end)."""
    end = state.ends.get(support.support, (state.latest_cycle() or "", ""))[0]
    checks = state.checks_of(support.pair, support.start, end)
    return checks[-1].response if checks else None


def response_by_type(state: TeamState, content: FourQuestions, k: int) -> pd.DataFrame:
    """Per kind of support, supports by the last response seen while they ran;
    kinds with fewer than k supports checked merged into one row."""
    by_type: dict[str, Counter[str]] = {}
    for support in state.supports.values():
        response = latest_response(state, support)
        if response is not None:
            by_type.setdefault(support.support_type, Counter())[response] += 1
    labels = [label for _, label in RESPONSES]
    ordered = sorted(by_type, key=content.type_label)
    rows = []
    for kinds in row_groups({t: sum(by_type[t].values()) for t in ordered}, k):
        counts = {
            label: sum(by_type[t].get(key, 0) for t in kinds)
            for key, label in RESPONSES
        }
        row = coarsened(counts, k)
        improving, total = row.cells["Improving"], row.total
        rate = (
            round(100 * improving / total) if improving is not None and total else None
        )
        rows.append(
            {
                "Kind of support": together([content.type_label(t) for t in kinds]),
                "Supports checked": total,
                **row.cells,
                "Improving (%)": rate,
                MERGED: row.merged_text(counts),
            }
        )
    columns = ["Kind of support", "Supports checked", *labels, "Improving (%)", MERGED]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def days_to_support(state: TeamState) -> dict[tuple[str, str], int | None]:
    """Per concern (first raised), days to its first support's start; None: waiting."""
    waits: dict[tuple[str, str], int | None] = {}
    for pair, marks in state.concerns.items():
        raised = min((m.cycle for m in marks if m.raised), default=None)
        if raised is None:
            continue
        starts = [s.start for s in state.supports.values() if s.pair == pair]
        if not starts:
            waits[pair] = None
            continue
        gap = dt.date.fromisoformat(min(starts)) - dt.date.fromisoformat(raised)
        waits[pair] = max(gap.days, 0)
    return waits


def time_to_support(state: TeamState, content: FourQuestions, k: int) -> pd.DataFrame:
    """Per area: concerns supported or waiting, and the median days to support;
    areas with fewer than k concerns merged into one row."""
    by_area: dict[str, list[int | None]] = {}
    for (_, area), wait in days_to_support(state).items():
        by_area.setdefault(area, []).append(wait)
    ordered = sorted(by_area, key=lambda a: (content.area_order(a), a))
    rows = []
    for areas in row_groups({a: len(by_area[a]) for a in ordered}, k):
        waits = [w for a in areas for w in by_area[a]]
        days = [w for w in waits if w is not None]
        counts = {"Supported": len(days), "Still waiting": len(waits) - len(days)}
        rows.append(
            {
                "Area": together([content.area_label(a) for a in areas]),
                **released(counts, k),
                "Median days to support": (
                    round(float(statistics.median(days)), 1)
                    if is_shown(len(days), k)
                    else None
                ),
            }
        )
    columns = [
        "Area",
        "Students",
        "Supported",
        "Still waiting",
        "Median days to support",
        MERGED,
    ]
    return pd.DataFrame(rows, columns=columns, dtype=object).rename(
        columns={"Students": "Concerns"}
    )


def flags_table(state: TeamState, k: int) -> pd.DataFrame:
    """Per meeting, flags of each kind: see ``meetings.flags_by_meeting``."""
    return flags_by_meeting(state, k)


def equity_table(state: TeamState, k: int) -> pd.DataFrame:
    """The equity lens at the last meeting: counts and shares per group, and a
    last row naming, per column, the groups read together and their count."""
    latest = state.latest_cycle()
    if latest is None:
        return pd.DataFrame()
    lens = equity_lens(state, latest, k)
    if not lens.has_groups:
        return pd.DataFrame()
    rows = []
    for group in lens.groups:
        row: dict[str, object] = {"Group": group_label(group)}
        for column in lens.columns:
            share = column.share(group)
            row[column.title] = column.shown.get(group)
            row[f"{column.title} (%)"] = None if share is None else round(share)
        rows.append(row)
    if any(column.merged for column in lens.columns):
        rows.append(merged_row(lens))
    return pd.DataFrame(rows, dtype=object)


def merged_row(lens: EquityLens) -> dict[str, object]:
    """Per column, its merged groups in words ("Group B + Group C: 14") and
    share; blank where a column merged nothing (a dash would read as hidden)."""
    row: dict[str, object] = {"Group": MERGED}
    for column in lens.columns:
        row[column.title] = row[f"{column.title} (%)"] = ""
        for groups, count in column.merged:
            names = " + ".join(group_label(g) for g in groups)
            share = column.merged_share(count)
            row[column.title] = f"{names}: {count}"
            row[f"{column.title} (%)"] = "" if share is None else round(share)
    return row


def team_parts(state: TeamState, content: FourQuestions) -> list[ReportPart]:
    """The export's sections, each holding only what the release gate let through."""
    k = floored(state.min_group_size)
    note = WITHHELD_NOTE.format(k=k)
    equity = equity_table(state, k)
    return [
        ReportPart(
            "students",
            "Students, meeting by meeting",
            tables={"per_meeting": students_by_meeting(state, k)},
            notes=[
                "Each student named at a meeting counts once: improving, not "
                "responding (no change or declining at the last check), supported "
                "with no response known yet, or not yet supported.",
                note,
            ],
        ),
        ReportPart(
            "areas_tiers",
            "Students of concern by area and tier, at the last meeting",
            tables={"by_area_and_tier": areas_and_tiers(state, content, k)},
            notes=[
                "Each student counts once per area, at their most intensive "
                "support in place. Areas with fewer than "
                f"{k} students are read together, in one row, where a student "
                "of concern in two of them counts twice.",
                note,
            ],
        ),
        ReportPart(
            "responses",
            "Response by kind of support",
            tables={"by_kind_of_support": response_by_type(state, content, k)},
            notes=[
                "Each support counts once, by the last response seen while it ran.",
                note,
            ],
        ),
        ReportPart(
            "time_to_support",
            "Time from concern to first support",
            tables={"by_area": time_to_support(state, content, k)},
            notes=[
                "Days from the meeting that raised a concern to the start of its "
                "first support.",
                note,
            ],
        ),
        ReportPart(
            "flags",
            "Flags over time",
            tables={"per_meeting": flags_table(state, k)},
            notes=[
                "How many flags of each kind each meeting raised. Quiet meetings "
                f"(fewer than {k} flags each) are merged into one period.",
                note,
            ],
        ),
        ReportPart(
            "equity",
            "Equity lens, at the last meeting",
            tables={"by_group": equity} if not equity.empty else {},
            notes=(
                [
                    "Shares are of each column's total. Groups with fewer than "
                    f"{k} students in a column are read together there: the last "
                    "row names them, with their count and share.",
                    note,
                ]
                if not equity.empty
                else ["No groups were recorded."]
            ),
        ),
    ]
