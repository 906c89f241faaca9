"""The flags a team acts on, as pure functions of the folded log at one cycle.

Each flag is a question the team should answer at this meeting, and each is
defined so it can be tested over a literal history:

- **no support**: a concern is open and no support for it is in place or
  planned (supports whose concern was resolved, or that ended, do not count);
- **unchecked**: a support in place has missed a check its own rhythm asked for.
  A support checked every N meetings is due N meetings after it started (and
  the team decided it), or after its last check, and is flagged one meeting
  later if still unchecked: every meeting, flagged after two; every third
  meeting, after four;
- **no change**: the last three checks since a support started all say "no
  change": intensify the support or change it;
- **declining**: the last two checks since a support started both say
  "declining": adjust now, and ask again what is behind it (Q2);
- **step down**: the last two checks since a support started both say
  "improving": the student may be ready for a lighter support.

Only checks at meetings on or after a support's start date count for it, so a new
support starts with a clean record.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from facilitate.teams.state import Pair, Support, TeamState

NO_SUPPORT = "no_support"
UNCHECKED = "unchecked"
NO_CHANGE = "no_change"
DECLINING = "declining"
STEP_DOWN = "step_down"
NO_CHANGE_CHECKS = 3
DECLINING_CHECKS = 2
IMPROVING_CHECKS = 2


@dataclass(frozen=True)
class FlagKind:
    key: str
    title: str
    action: str


FLAG_KINDS: tuple[FlagKind, ...] = (
    FlagKind(NO_SUPPORT, "Concern with no support", "Decide a support (Q3)."),
    FlagKind(
        UNCHECKED,
        "Support's check overdue",
        "Check the response (Q4), with the evidence it rests on.",
    ),
    FlagKind(
        NO_CHANGE,
        "No change after three checks",
        "Intensify the support or change it.",
    ),
    FlagKind(
        DECLINING,
        "Declining at two checks in a row",
        "Adjust the support now, and look again at what is behind it (Q2).",
    ),
    FlagKind(
        STEP_DOWN,
        "Improving: ready to step down?",
        "Consider a lighter support, or closing the concern.",
    ),
)
FLAG_TITLES = {kind.key: kind.title for kind in FLAG_KINDS}


@dataclass(frozen=True)
class Flag:
    kind: str
    student: str
    area: str
    support: str | None = None

    @property
    def pair(self) -> Pair:
        return (self.student, self.area)


def flags_at(state: TeamState, cycle: str) -> list[Flag]:
    """Every flag raised at ``cycle``: concerns first, then supports, log order."""
    found = [
        Flag(NO_SUPPORT, *pair)
        for pair in state.open_pairs(cycle)
        if not state.supports_of(pair, cycle)
    ]
    for support in state.in_place(cycle):
        if not state.concern_open(support.pair, cycle):
            continue
        found += [
            Flag(kind, support.student, support.area, support.support)
            for kind in support_flags(state, support, cycle)
        ]
    return found


def support_flags(state: TeamState, support: Support, cycle: str) -> list[str]:
    """The flags one support in place raises at ``cycle``."""
    raised = []
    if check_overdue(state, support, cycle):
        raised.append(UNCHECKED)
    responses = [
        check.response for check in state.checks_of(support.pair, support.start, cycle)
    ]
    if _last_are(responses, "no_change", NO_CHANGE_CHECKS):
        raised.append(NO_CHANGE)
    if _last_are(responses, "declining", DECLINING_CHECKS):
        raised.append(DECLINING)
    if _last_are(responses, "improving", IMPROVING_CHECKS):
        raised.append(STEP_DOWN)
    return raised


def _last_are(responses: list[str], response: str, count: int) -> bool:
    return len(responses) >= count and all(r == response for r in responses[-count:])


def meetings_since_check(state: TeamState, support: Support, cycle: str) -> int:
    """Meetings after the support was started and decided, or after its last
    check, up to and including ``cycle``."""
    checks = state.checks_of(support.pair, support.start, cycle)
    anchor = max(support.watched_from, checks[-1].cycle if checks else "")
    return len(state.cycles_between(anchor, cycle))


def check_due(state: TeamState, support: Support, cycle: str) -> bool:
    """Whether the support's own rhythm (every N meetings) asks for a check now."""
    return meetings_since_check(state, support, cycle) >= max(support.check_every, 1)


def check_overdue(state: TeamState, support: Support, cycle: str) -> bool:
    """Whether a check the rhythm asked for was missed, a meeting ago or more."""
    return meetings_since_check(state, support, cycle) > max(support.check_every, 1)


def flags_over_time(state: TeamState) -> dict[str, Counter[str]]:
    """For each meeting, how many flags of each kind were raised then."""
    return {
        cycle: Counter(flag.kind for flag in flags_at(state, cycle))
        for cycle in state.cycles
    }
