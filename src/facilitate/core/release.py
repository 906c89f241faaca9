"""The release gate: every number bound for a shared screen or an export passes here.

A projected chart is read by everyone in the room, and an export outlives the
session, so both may show a group and never a person. The rules, in one place:

1. **k, never below 3.** The smallest group shown is the facilitator's setting
   and never less than ``SMALLEST_ALLOWED_GROUP_SIZE``. Unless one is chosen, k
   fits the room: 3 for a room of up to 14, 5 from 15 people, decided by how
   many had joined when results were first revealed and fixed from then on, so
   nobody can move k to difference two screens (``core.group_size``).
2. **k per cell, not per total.** A count is shown only when at least k people are
   in it. Zero is a count like any other: "nobody chose X" tells the room
   something about every person in it.
3. **Complementary suppression.** The cells of one partition (people split by
   their answer) add up to a total the room can work out, so one hidden cell is
   as good as shown. Hidden cells must together hold at least k people: while
   they hold fewer, the smallest shown cell is hidden too.
4. **Statistics over groups** (a mean, an agreement label) are shown only for
   groups of at least k people.
5. **Batched release** for sensitive activities (self-assessment answers, zones
   and identities, feedback ratings, check-in). What the room sees is frozen at
   Reveal (or, without a reveal, once k people have submitted) and moves on only
   when at least k more people have submitted since the last release. Only people
   who have submitted count; an answer changed after submitting waits for the
   next batch. So two consecutive shared states always differ by k people or
   more, and nobody can be read off the difference.
6. **Progress in steps of k.** Sensitive screens never say "12 of 30 have
   finished": they say "at least 10 have finished" (``core.release_words``).
7. **Observations made openly in the room** (who was present by role, who
   talked how much, who followed whom) are not answers: everyone saw them
   happen. A figure an activity's spec declares an ``OBSERVATION`` is exact in
   the leader's exports and the evidence pack (people pseudonymous), and on the
   projected display its roles under k are merged into one group unless the
   facilitator chose, on the remote, to show every role. Every other figure is
   an answer and keeps rules 1-6: ``release_observation`` refuses it.

The rules are pure functions of the event log, so every display, every reload and
every export computes the same released state.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from facilitate.core.agenda import ANSWER, OBSERVATION, current_agenda
from facilitate.core.coarsen import (
    Group,
    coarsen_nominal,
    coarsen_ordinal,
    group_label,
    most_chosen_first,
)
from facilitate.core.errors import FacilitateError
from facilitate.core.events import (
    Recorded,
    ResultsRevealed,
)
from facilitate.core.group_size import GroupSize, floored
from facilitate.core.release_words import progress_in_steps

if TYPE_CHECKING:
    import pandas as pd

    from facilitate.core.roster import Roster

K = TypeVar("K", bound=Hashable)


def is_shown(count: int, k: int) -> bool:
    """True when ``count`` people are enough to show a figure about them."""
    return count >= floored(k)


# --- cells and partitions -----------------------------------------------------------


def release_partition(counts: Mapping[K, int], k: int) -> dict[K, int | None]:
    """Counts of one partition with every unsafe cell replaced by None.

    Cells under k are hidden; then, while the hidden cells together hold fewer
    than k people (so they could be worked out from the total), the smallest shown
    cell is hidden as well. Ties hide the later cell first, so results are stable.
    """
    k = floored(k)
    shown = {key: n for key, n in counts.items() if n >= k}
    hidden = {key: n for key, n in counts.items() if n < k}
    while hidden and shown and sum(hidden.values()) < k:
        order = list(counts)
        smallest = min(shown, key=lambda key: (shown[key], -order.index(key)))
        hidden[smallest] = shown.pop(smallest)
    return {key: (n if key in shown else None) for key, n in counts.items()}


def hidden_total(counts: Mapping[K, int], released: Mapping[K, int | None]) -> int:
    """People in the hidden cells: 0, or at least k by construction."""
    return sum(n for key, n in counts.items() if released.get(key) is None)


def release_frame(
    frame: pd.DataFrame,
    count_column: str,
    k: int,
    by: Sequence[str] = (),
    dependent: Sequence[str] = (),
) -> pd.DataFrame:
    """``frame`` with unsafe counts (and ``dependent`` columns) set to None.

    Rows sharing the values of ``by`` form one partition (all rows, without
    ``by``). Adds ``hidden`` (True where withheld) and ``withheld`` (the people in
    the partition's hidden cells: 0, or at least k). The input is not changed.
    """
    out = frame.copy()
    hidden: dict[Hashable, bool] = {}
    withheld: dict[Hashable, int] = {}
    cells = dict(zip(out.index, out[count_column], strict=True))
    groups = out.groupby(list(by), sort=False).groups if by else {(): out.index}
    for index in groups.values():
        counts = {row: int(cells[row]) for row in index}
        released = release_partition(counts, k)
        total = hidden_total(counts, released)
        for row, value in released.items():
            hidden[row], withheld[row] = value is None, total
    # one assignment per column: a display redraws this for 40 practices a poll
    out["hidden"] = [hidden.get(row, False) for row in out.index]
    out["withheld"] = [withheld.get(row, 0) for row in out.index]
    columns = [count_column, *dependent]
    out[columns] = out[columns].astype(object)
    out.loc[out["hidden"].astype(bool), columns] = None
    return out.astype({"hidden": bool, "withheld": "int64"})


def release_groups(frame: pd.DataFrame, people_column: str, k: int) -> pd.DataFrame:
    """Rows about groups of at least k people (statistics); the input is unchanged."""
    return frame.loc[frame[people_column] >= floored(k)].reset_index(drop=True)


# --- batched release ------------------------------------------------------------


@dataclass(frozen=True)
class Release:
    """One released state: events up to ``cutoff``, from the people in ``people``."""

    batch: int
    cutoff: int
    people: frozenset[str]

    def visible(
        self, records: Iterable[Recorded], person: Callable[[Recorded], str | None]
    ) -> list[Recorded]:
        """The records this release shows: in time, and by a released person."""
        kept = []
        for record in records:
            if record.id > self.cutoff:
                break
            who = person(record)
            if who is None or who in self.people:
                kept.append(record)
        return kept


@dataclass(frozen=True)
class ReleaseState:
    """Where a sensitive activity stands: the latest release and the progress."""

    latest: Release | None
    submitted: int
    k: int
    opened: bool
    releases: tuple[Release, ...] = field(default_factory=tuple)

    def progress(self, done: str = "have finished") -> str:
        return progress_in_steps(self.submitted, self.k, done)


def batched_release(
    records: Sequence[Recorded],
    submitter: Callable[[Recorded], str | None],
    reveal: str | None = None,
    close: bool = False,
) -> ReleaseState:
    """Walk the log and find every release of one sensitive figure.

    ``submitter`` names the person whose submission a record is (else None);
    ``reveal`` is the activity whose first Reveal opens the release (None: open
    from the start). A release happens at the first event where the figure is
    open and at least k more people have submitted than at the last release.
    ``close``: a figure never revealed is released at the end of the log, as
    the leader's export after the session (nobody saw an earlier state of it,
    so there is nothing to difference against).
    """
    size = GroupSize()
    opened = reveal is None
    people: set[str] = set()
    releases: list[Release] = []
    last = 0
    for record in records:
        event = record.event
        size.apply(event)
        k = size.k
        if isinstance(event, ResultsRevealed) and event.activity == reveal:
            opened = opened or event.revealed
        who = submitter(record)
        if who is not None:
            people.add(who)
        if opened and len(people) >= last + k:
            last = len(people)
            releases.append(Release(len(releases) + 1, record.id, frozenset(people)))
    k = size.k
    if close and not opened and records and len(people) >= k:
        releases.append(Release(1, records[-1].id, frozenset(people)))
    latest = releases[-1] if releases else None
    return ReleaseState(latest, len(people), k, opened, tuple(releases))


# --- coarsen before hiding --------------------------------------------------------


def coarsen_frame(
    frame: pd.DataFrame,
    count_column: str,
    k: int,
    *,
    key: str,
    label: str,
    by: Sequence[str] = (),
    other: str = "",
    outside: Sequence[Hashable] = (),
) -> pd.DataFrame:
    """One row per shown or hidden group of ``frame``'s categories (see ``coarsen``).

    Rows sharing ``by`` are one partition, their order the scale's. With
    ``other`` (its words: "another feeling") the categories are nominal and the
    small ones merge into one group so named; without, they are ordinal and
    adjacent ones merge, ``outside`` keys (e.g. "prefer not to say") standing
    apart. Returns the ``by`` columns, ``key`` (the group's first member),
    ``members`` (a tuple of keys), ``label`` (the group's name), ``count_column``
    (None when hidden), ``merged``, ``hidden`` and ``withheld`` (people in the
    partition's hidden groups: 0, or at least k).
    """
    import pandas as pd

    rows = []
    groups = frame.groupby(list(by), sort=False) if by else [((), frame)]
    for values, part in groups:
        names = dict(zip(part[key], part[label], strict=True))
        counts = {
            cell: int(n) for cell, n in zip(part[key], part[count_column], strict=True)
        }
        found = (
            coarsen_nominal(counts, k)
            if other
            else coarsen_ordinal(counts, k, [c for c in outside if c in counts])
        )
        withheld = sum(counts[m] for g in found if g.hidden for m in g.members)
        keys = values if isinstance(values, tuple) else (values,)
        fixed = dict(zip(by, keys, strict=True))
        for group in found:
            members = most_chosen_first(group, counts) if group.other else group.members
            rows.append(
                {
                    **fixed,
                    key: group.members[0],
                    "members": group.members,
                    label: group_label(
                        [names[m] for m in members], other if group.other else ""
                    ),
                    count_column: group.count,
                    "merged": group.merged,
                    "hidden": group.hidden,
                    "withheld": withheld,
                }
            )
    columns = [*by, key, "members", label, count_column, "merged", "hidden"]
    out = pd.DataFrame(rows, columns=[*columns, "withheld"])
    out[count_column] = pd.Series(
        [row[count_column] for row in rows], index=out.index, dtype=object
    )
    return out.astype({"merged": bool, "hidden": bool, "withheld": "int64"})


# --- observations made openly in the room ---------------------------------------

#: The figures the core itself observes (``number_kind`` with owner ``ROOM``):
#: who was present, by role, as the roster and the cover count them.
ROOM = "room"
ATTENDANCE = "attendance"
ROOM_NUMBERS = ((ATTENDANCE, OBSERVATION),)
#: Where an observation is going: the projected display, or the leader's
#: exports and evidence pack.
DISPLAY = "display"
EXPORT = "export"
#: The facilitator's choice, on the remote, to show every role on the display.
EVERY_ROLE_SETTING = "show_every_role"


class NotAnObservation(FacilitateError):
    """A figure that is an answer was sent down the observation path."""


def number_kind(owner: str, figure: str) -> str:
    """``OBSERVATION`` or ``ANSWER``, as ``owner`` (an activity, or ``ROOM``)
    declares ``figure``; anything undeclared is an answer."""
    if owner == ROOM:
        return dict(ROOM_NUMBERS).get(figure, ANSWER)
    spec = current_agenda().activity(owner)
    return ANSWER if spec is None else spec.number_kind(figure)


def every_role_shown(roster: Roster) -> bool:
    """True when the facilitator chose to show every role on the display."""
    return bool(roster.settings.get(EVERY_ROLE_SETTING, False))


def release_observation(
    owner: str,
    figure: str,
    counts: Mapping[K, int],
    k: int,
    *,
    shown_on: str,
    every_role: bool = False,
) -> list[Group[K]]:
    """The groups an observation is shown in: one per role, exact, for an
    ``EXPORT`` (or the display once every role is chosen); on the ``DISPLAY``,
    roles under k merged into one group (``coarsen_nominal``).

    Raises ``NotAnObservation`` unless ``owner`` declares ``figure`` an
    observation, so no answer is ever released exact through here.
    """
    if number_kind(owner, figure) != OBSERVATION:
        raise NotAnObservation(
            f"'{owner}.{figure}' is an answer, not an observation: release it "
            "with release_partition or coarsen_frame."
        )
    if shown_on not in (DISPLAY, EXPORT):
        raise ValueError(f"shown_on is '{shown_on}'; use '{DISPLAY}' or '{EXPORT}'.")
    if shown_on == EXPORT or every_role:
        return [Group((key,), int(n)) for key, n in counts.items()]
    return coarsen_nominal(counts, k)
