"""Coarsen before hiding: merge answer categories until every group holds k people.

A room of 6 whose answers split 3 and 3 should see that split. Hiding every cell
under k (and then, by complementary suppression, a real group of 3 because five
empty feelings add up to less than k) tells that room nothing. Statistical
disclosure control merges categories first and hides only what merging cannot
save; so does the gate:

- **Ordinal answers** (never…always, 1–5 agreement, 1–7 spectrum, comfort…danger)
  are cut into runs of *adjacent* points, every run holding at least k people.
  Of all such cuts the gate takes the one with the most groups; among those, the
  most even in people, then in width, then the leftmost. A room whose answers
  split at least k / k is so always shown at least two groups.
- **Nominal answers** (check-in feelings, identities) keep every category of at
  least k people and merge the rest, smallest first and empty ones included, into
  one "another …" group; while that group holds fewer than k people, the
  smallest kept category joins it. An empty category is merged like any small
  one: it never forces a real group of k to be hidden.
- **Answers outside the scale** ("prefer not to say", "no rating") are groups of
  their own: shown from k people, left out when nobody gave them, and otherwise
  hidden, with complementary suppression over the groups (``release_partition``)
  hiding the smallest other group too, so no hidden group is the total minus the
  rest.

An empty category merged into a group stays unnamed as empty: a group reads
"Never or sometimes: 3", never "Never: 0". A room where everyone gave one answer
sees one group spanning the whole scale, so the screen never says what each
person chose.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from facilitate.core.config import SMALLEST_ALLOWED_GROUP_SIZE
from facilitate.core.language import gettext as _
from facilitate.core.language import in_each

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Group(Generic[K]):
    """Categories shown together: ``count`` people, None when hidden."""

    members: tuple[K, ...]
    count: int | None
    #: The merged "another …" group of nominal answers.
    other: bool = False

    @property
    def hidden(self) -> bool:
        return self.count is None

    @property
    def merged(self) -> bool:
        return len(self.members) > 1


def _floored(k: int) -> int:
    return max(int(k), SMALLEST_ALLOWED_GROUP_SIZE)


def ordinal_runs(counts: Sequence[int], k: int) -> list[tuple[int, int]]:
    """The cut of ``counts`` (in scale order) into runs of at least k people.

    Returns ``(start, stop)`` index pairs covering every point; one run when even
    the whole scale holds fewer than k. Most runs first, then the most even in
    people (sum of squares), then in width, then the leftmost cut.
    """
    k, size = _floored(k), len(counts)
    best: tuple[tuple[int, int, tuple[int, ...]], list[tuple[int, int]]] | None = None
    for cuts_made in range(size - 1, -1, -1):
        for cuts in itertools.combinations(range(1, size), cuts_made):
            edges = (0, *cuts, size)
            runs = list(itertools.pairwise(edges))
            people = [sum(counts[a:b]) for a, b in runs]
            if min(people) < k:
                continue
            rank = (
                sum(n * n for n in people),
                sum((b - a) ** 2 for a, b in runs),
                cuts,
            )
            if best is None or rank < best[0]:
                best = (rank, runs)
        if best is not None:
            return best[1]
    return [(0, size)]


def coarsen_ordinal(
    counts: Mapping[K, int], k: int, outside: Sequence[K] = ()
) -> list[Group[K]]:
    """Groups of adjacent scale points (the mapping's order), each of k or more.

    ``outside`` names categories that are not on the scale ("prefer not to
    say"): each is a group of its own. The result passes ``release_groups``'s
    complementary suppression, so hidden groups hold 0 or at least k people.
    """
    scale = [key for key in counts if key not in outside]
    runs = ordinal_runs([counts[key] for key in scale], k) if scale else []
    groups = [
        Group(tuple(scale[a:b]), sum(counts[key] for key in scale[a:b]))
        for a, b in runs
    ]
    groups += [Group((key,), counts[key]) for key in outside if counts.get(key)]
    return suppress(groups, k)


def coarsen_nominal(counts: Mapping[K, int], k: int) -> list[Group[K]]:
    """Categories of k or more people, and the rest merged into one other group.

    Groups keep the mapping's order, the other group last. While the other group
    holds fewer than k people the smallest kept category joins it (ties: the
    later one). Fewer than k people in all: one hidden group.
    """
    k = _floored(k)
    order = list(counts)
    kept = [key for key in order if counts[key] >= k]
    other = [key for key in order if counts[key] < k]
    while other and kept and sum(counts[key] for key in other) < k:
        smallest = min(kept, key=lambda key: (counts[key], -order.index(key)))
        kept.remove(smallest)
        other.append(smallest)
    groups = [Group((key,), counts[key]) for key in kept]
    if other:
        members = tuple(sorted(other, key=order.index))
        groups.append(Group(members, sum(counts[key] for key in members), other=True))
    return suppress(groups, k)


def suppress(groups: list[Group[K]], k: int) -> list[Group[K]]:
    """Groups under k hidden; while the hidden hold fewer than k people (so the
    total would give them away), the smallest shown group is hidden as well."""
    k = _floored(k)
    shown = [g.count is not None and g.count >= k for g in groups]
    hidden_people = sum(
        g.count or 0 for g, ok in zip(groups, shown, strict=True) if not ok
    )
    while hidden_people and hidden_people < k and any(shown):
        smallest = min(
            (i for i, ok in enumerate(shown) if ok),
            key=lambda i: (groups[i].count or 0, -i),
        )
        shown[smallest] = False
        hidden_people += groups[smallest].count or 0
    return [
        g if ok else Group(g.members, None, g.other)
        for g, ok in zip(groups, shown, strict=True)
    ]


def most_chosen_first(group: Group[K], counts: Mapping[K, int]) -> list[K]:
    """A group's members, most chosen first (ties in order): an other group's
    name leads with one the room really chose ("Tired or another feeling")."""
    order = list(group.members)
    return sorted(order, key=lambda m: (-counts[m], order.index(m)))


def group_label(labels: Sequence[str], other: str = "") -> str:
    """A group's name from its members' labels, in the room's words.

    One member: its label. A run of a scale: "Often or always", "Never to
    sometimes". An other group (``other`` given, e.g. "another feeling"):
    "Tired or another feeling", led by its first label. The connecting words
    (and ``other``, marked with ``N_``) are said in the page's language.
    """
    return in_each(lambda: _label(labels, other))


def _label(labels: Sequence[str], other: str) -> str:
    if not labels:
        return _(other).capitalize()
    first, rest = labels[0], [_lower(label) for label in labels[1:]]
    if other:
        if not rest:
            return first
        return _("{first} or {other}").format(first=first, other=_(other))
    if not rest:
        return first
    if len(rest) == 1:
        return _("{first} or {second}").format(first=first, second=rest[0])
    return _("{first} to {last}").format(first=first, last=rest[-1])


def _lower(label: str) -> str:
    """Sentence case inside a phrase: "Always" -> "always", "5 Strongly" kept."""
    if len(label) > 1 and label[0].isupper() and not label[1].isupper():
        return label[0].lower() + label[1:]
    return label
