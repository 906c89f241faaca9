"""What the team's meeting-by-meeting tables count, and the cell they share.

A named student's **status** at a meeting: their response is the latest check,
since its support started, of each open concern that has a support in place:
one concern not responding makes the student "not responding", else one
improving makes them "improving"; supported with no check yet, "response not
yet known"; no support in place, "not yet supported". **Flags** are counted per
meeting, quiet meetings (fewer than k flags each) cut into periods of k.

**Cells the two tables share.** "Not yet supported" (students) and "Concern
with no support" (flags) count the same students whenever each unsupported
student has one concern and no support planned, so one shown exactly while the
other sits in a merged group would let a reader subtract it from that group. At
each meeting with a flags row of its own, of k flags or more (a row under k
shows nothing to subtract from), the two are released together
(``released_apart``): either both stand alone, or neither does, the one that
could have joining its row's merged group. A period of quiet meetings needs no
such care: each meeting in it raised fewer than k flags, so "Not yet supported"
can be shown there only when it differs from the flags it would be read against.
The equity lens asks the same question (``not_supported_shown``) before its
tiers would let "Not yet supported" be worked out.
"""

from __future__ import annotations

from collections import Counter

from facilitate.core.coarsen import ordinal_runs
from facilitate.core.group_size import floored
from facilitate.core.release import is_shown
from facilitate.teams.cells import coarsened
from facilitate.teams.flags import FLAG_TITLES, NO_SUPPORT, flags_over_time
from facilitate.teams.state import TeamState

IMPROVING = "Improving"
NOT_RESPONDING = "Not responding"
NOT_KNOWN = "Response not yet known"
NOT_SUPPORTED = "Not yet supported"
STATUSES = (IMPROVING, NOT_RESPONDING, NOT_KNOWN, NOT_SUPPORTED)
NO_SUPPORT_FLAGS = FLAG_TITLES[NO_SUPPORT]
NOT_RESPONDING_ANSWERS = frozenset({"no_change", "declining"})


def student_statuses(state: TeamState, cycle: str) -> dict[str, str]:
    """Each student named at ``cycle`` and their one status then."""
    responses: dict[str, list[str | None]] = {}
    for pair in state.open_pairs(cycle):
        responses.setdefault(pair[0], [])
    for support in state.in_place(cycle):
        if support.student in responses and state.concern_open(support.pair, cycle):
            checks = state.checks_of(support.pair, support.start, cycle)
            responses[support.student].append(checks[-1].response if checks else None)
    return {student: _status(found) for student, found in responses.items()}


def _status(responses: list[str | None]) -> str:
    if not responses:
        return NOT_SUPPORTED
    if NOT_RESPONDING_ANSWERS & set(responses):
        return NOT_RESPONDING
    return IMPROVING if "improving" in responses else NOT_KNOWN


def status_counts(state: TeamState, cycle: str) -> dict[str, int]:
    """Students per status at ``cycle``, every status present (zeros too)."""
    found = Counter(student_statuses(state, cycle).values())
    return {status: found.get(status, 0) for status in STATUSES}


def flag_periods(totals: list[int], k: int) -> list[tuple[int, int]]:
    """Meetings as ``(start, stop)`` runs: one per meeting with k flags or more;
    runs of quieter meetings cut into periods of at least k where they can be."""
    k = floored(k)
    periods: list[tuple[int, int]] = []
    start = 0
    while start < len(totals):
        if is_shown(totals[start], k):
            periods.append((start, start + 1))
            start += 1
            continue
        stop = start
        while stop < len(totals) and not is_shown(totals[stop], k):
            stop += 1
        quiet = totals[start:stop]
        if is_shown(sum(quiet), k):
            periods += [(start + a, start + b) for a, b in ordinal_runs(quiet, k)]
        else:
            periods += [(i, i + 1) for i in range(start, stop)]
        start = stop
    return periods


def flag_counts(state: TeamState, k: int) -> list[tuple[list[str], dict[str, int]]]:
    """Each flags row's meetings and its flags of each kind (zeros too), quiet
    meetings merged into periods (``flag_periods``)."""
    over_time = flags_over_time(state)
    cycles = list(over_time)
    per_cycle = [
        {title: over_time[c].get(key, 0) for key, title in FLAG_TITLES.items()}
        for c in cycles
    ]
    return [
        (
            cycles[start:stop],
            {
                title: sum(c[title] for c in per_cycle[start:stop])
                for title in FLAG_TITLES.values()
            },
        )
        for start, stop in flag_periods([sum(c.values()) for c in per_cycle], k)
    ]


def released_apart(state: TeamState, k: int) -> set[str]:
    """Meetings at which one table could show its shared cell on its own and
    the other could not: there, neither does (see the module's note)."""
    apart: set[str] = set()
    own_row = {
        cycles[0]: coarsened(counts, k).cells[NO_SUPPORT_FLAGS] is not None
        for cycles, counts in flag_counts(state, k)
        if len(cycles) == 1 and is_shown(sum(counts.values()), k)
    }
    for cycle, flags_alone in own_row.items():
        students_alone = coarsened(status_counts(state, cycle), k).cells[NOT_SUPPORTED]
        if flags_alone != (students_alone is not None):
            apart.add(cycle)
    return apart


def not_supported_shown(state: TeamState, cycle: str, k: int) -> bool:
    """Whether the students table shows "Not yet supported" on its own at
    ``cycle`` (the equity lens asks, before its tiers let it be worked out)."""
    held = linked(cycle in released_apart(state, k), NOT_SUPPORTED)
    return (
        coarsened(status_counts(state, cycle), k, held).cells[NOT_SUPPORTED] is not None
    )


def linked(apart: bool, cell: str) -> frozenset[str]:
    """The cell a row must not show on its own, when released apart."""
    return frozenset({cell}) if apart else frozenset()
