"""Merge before withholding: small groups of one column become one group.

A district with 975 girls, 980 boys, 9 nonbinary students and 6 whose gender is
not recorded must still read the girls' suspension rate. Withholding the 9 and
the 6, and then (because they could be worked out from the total) the girls as
well, tells the district nothing. So, as the release gate coarsens answers
before hiding them, the audit first merges every group of one column with fewer
than ``min_n`` students into one "other or not recorded" group; while that
group is still under ``min_n`` the smallest remaining group joins it, so it is
shown merged rather than withheld. Suppression (``stats.suppress``) then runs on
the merged groups, and needs to withhold a group only where a whole column holds
fewer than ``min_n`` students.

A single small group is not renamed (merging it with nothing changes nothing),
so the names a district typed stay wherever they can.
"""

from __future__ import annotations

import pandas as pd

from facilitate.core.coarsen import coarsen_nominal

OTHER_OR_NOT_RECORDED = "(other or not recorded)"
_PARTITION = ["outcome", "group_column"]


def merge_small_groups(counts: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """``counts`` with each column's groups under ``min_n`` students merged.

    ``counts`` has ``outcome, group_column, group, students, with_outcome``; the
    result adds ``members`` (the groups a row holds, as a tuple) and ``merged``
    (True for a row of two or more groups). While the merged group holds fewer
    than ``min_n`` students the smallest other group joins it (``coarsen``'s
    nominal rule), so it is withheld only when the whole column is that small.
    Merged rows come last in their column, with summed counts. The input is not
    changed.
    """
    rows: list[dict[str, object]] = []
    for (outcome, column), part in counts.groupby(_PARTITION, sort=False):
        by_group = {str(row["group"]): row for row in part.to_dict("records")}
        students = {g: int(row["students"]) for g, row in by_group.items()}
        for group in coarsen_nominal(students, min_n):
            merged = len(group.members) > 1
            rows.append(
                {
                    "outcome": outcome,
                    "group_column": column,
                    "group": OTHER_OR_NOT_RECORDED if merged else group.members[0],
                    "students": sum(students[g] for g in group.members),
                    "with_outcome": sum(
                        int(by_group[g]["with_outcome"]) for g in group.members
                    ),
                    "members": group.members,
                    "merged": merged,
                }
            )
    columns = [*counts.columns, "members", "merged"]
    out = pd.DataFrame(rows, columns=columns)
    return out.astype({"students": "int64", "with_outcome": "int64", "merged": bool})
