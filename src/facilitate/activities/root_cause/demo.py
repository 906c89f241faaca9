"""The root-cause phase of the demo session, from the synthetic sample district.

The leader has audited ``data/sample_district.csv`` and shared its starkest
finding: students receiving special-education services are suspended far more
often. The room has named causes in all four categories, followed two of them
down with "why?", and voted, so that some counts are shown and some stay under
the group size.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from facilitate.activities.root_cause.events import (
    CauseAdded,
    CauseVoted,
    FindingShared,
)
from facilitate.activities.root_cause.sample import SAMPLE_NAME, sample_csv, sample_path
from facilitate.audit.data import load_counts
from facilitate.audit.findings import Finding, findings_of
from facilitate.audit.stats import run_audit
from facilitate.core.sessions import SessionInfo
from facilitate.core.store.base import EventStore

SHARED = ("suspended", "special_education", "Yes")
WORDS = ("Students receiving special-education services", "to be suspended")
#: (category, text, index of the cause it asks why about, or None).
CAUSES: tuple[tuple[str, str, int | None], ...] = (
    ("policies", "Zero-tolerance rules in the code of conduct", None),
    ("practices", "Behaviour plans are not followed in every classroom", None),
    ("beliefs", "Some adults see these students' behaviour as defiance", None),
    ("messages", "Students hear that they are the 'problem' class", None),
    ("practices", "Substitutes are not told about students' plans", 1),
    ("policies", "No time is set aside to share plans with cover staff", 4),
    ("practices", "Suspension is the quickest tool when staff feel unsupported", None),
    ("beliefs", "A belief that removal teaches a lesson", 2),
    ("policies", "Few alternatives to suspension are written down", None),
    ("messages", "Praise goes to quiet compliance", None),
)
#: Indexes of the causes people most often vote for, most popular first.
FAVOURITES = (1, 0, 6, 2, 4, 8, 5)


def demo_finding() -> Finding | None:
    """The sample's special-education suspension finding, as released."""
    path = sample_path()
    content = path.read_bytes() if path.exists() else sample_csv().encode("utf-8")
    audit = run_audit(load_counts(content, SAMPLE_NAME))
    return next(
        (
            f
            for f in findings_of(audit)
            if (f.outcome, f.group_column, f.group) == SHARED
        ),
        None,
    )


def seed_root_causes(
    store: EventStore, session: SessionInfo, people: Sequence[str], rng: random.Random
) -> None:
    """Share the finding, add the causes (two why chains), then everyone votes."""
    finding = demo_finding()
    if finding is None:
        return
    statement = finding.statement(*WORDS)
    store.append(session.code, FindingShared(finding.key, statement, finding.detail()))
    ids: list[int] = []
    for index, (category, text, parent) in enumerate(CAUSES):
        author = people[index % len(people)]
        above = ids[parent] if parent is not None else 0
        added = store.append(session.code, CauseAdded(author, category, text, above))
        ids.append(added.id)
    for person in people:
        weights = [len(FAVOURITES) - n for n in range(len(FAVOURITES))]
        chosen: set[int] = set()
        while len(chosen) < 3:
            chosen.add(rng.choices(FAVOURITES, weights)[0])
        for index in sorted(chosen):
            store.append(session.code, CauseVoted(person, ids[index]))
