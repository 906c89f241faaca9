"""``facilitate audit FILE --out DIR``: an equity audit of a district's data.

Reads a student-level or an aggregated CSV, computes rates, shares and risk
ratios per outcome and group, suppresses small groups and cells, and writes
``audit.csv`` and ``audit.html``. Only released aggregates are written; the
student file is read and never copied. Columns are mapped by name: identifiers
are ignored, yes/no columns are outcomes; ``--groups`` and ``--outcomes`` say
otherwise where the guess is wrong.

The command belongs to the needs assessment, so it lives here; the root-cause
activity, which uses the audit, declares it in its spec (``commands``), and the
``facilitate`` command adds it from the agenda.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from facilitate.core.errors import FacilitateError


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add ``facilitate audit`` to the ``facilitate`` command."""
    audit = commands.add_parser(
        "audit",
        help="equity audit of a district CSV: audit.csv and audit.html",
        description=(
            "Compute an equity audit (rates, shares, risk ratios with 95%% "
            "intervals) with small groups and cells suppressed."
        ),
    )
    audit.add_argument("file", help="a student-level or aggregated CSV")
    audit.add_argument("--out", required=True, help="folder for audit.csv/html")
    audit.add_argument(
        "--min-n",
        default="10",
        help="smallest group or count shown (default 10, never below 3)",
    )
    audit.add_argument(
        "--groups", default="", help="group columns, comma-separated (else guessed)"
    )
    audit.add_argument(
        "--outcomes", default="", help="outcome columns, comma-separated"
    )
    audit.set_defaults(run=cmd_audit)


def _names(raw: str) -> list[str]:
    return [name.strip() for name in raw.split(",") if name.strip()]


def cmd_audit(args: argparse.Namespace) -> int:
    from facilitate.audit.data import (
        GROUP,
        OUTCOME,
        aggregated_counts,
        chosen_roles,
        guess_mapping,
        mapping_of,
        student_counts,
    )
    from facilitate.audit.files import write_audit_files
    from facilitate.audit.stats import checked_min_n, run_audit
    from facilitate.audit.table import read_table

    min_n = checked_min_n(args.min_n)
    path = Path(args.file).expanduser()
    try:
        content = path.read_bytes()
    except OSError as error:
        raise FacilitateError(
            f"Cannot read {path} ({error.strerror}). Check the file's name."
        ) from None
    table = read_table(content, path.name)
    if table.aggregated():
        counts = aggregated_counts(table)
    else:
        guessed = mapping_of(guess_mapping(table))
        roles = chosen_roles(guessed, _names(args.groups), _names(args.outcomes))
        counts = student_counts(table, roles)
        for role, label in ((GROUP, "Groups"), (OUTCOME, "Outcomes")):
            chosen = [name for name, r in roles.items() if r == role]
            print(f"{label}: {', '.join(chosen)}")
    audit = run_audit(counts, min_n)
    out_dir = Path(args.out).expanduser().resolve()
    files = write_audit_files(audit, out_dir)
    withheld = int(audit.table["suppressed"].sum())
    print(
        f"Audited {path.name}: {len(audit.table)} group-and-outcome rows, "
        f"{len(audit.flagged)} clear differences, {withheld} rows with figures "
        f"withheld (minimum n-size {min_n})."
    )
    for written in files:
        print(f"  {written}")
    return 0
