"""``facilitate export``: the reflection summary (HTML, PDF, CSV) or the evidence pack.

``--to evidence`` writes the micro-credential evidence pack (HTML and PDF) instead
of the summary; the summary's formats stay as they were.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from facilitate.cli.common import store_of
from facilitate.core.sessions import find_session


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export",
        parents=[common],
        help="write a session's reflection summary (HTML, PDF, CSV) or evidence pack",
    )
    export.add_argument("code", help="the session's code")
    export.add_argument(
        "--to",
        default="all",
        choices=["html", "pdf", "csv", "all", "evidence"],
        help="summary format(s), or evidence for the evidence pack (HTML and PDF)",
    )
    export.add_argument("--out", default=".", help="folder for the files (default: .)")
    export.add_argument(
        "--event-log",
        action="store_true",
        help="also write events.csv, one row per event (pseudonyms per kind, "
        "minutes); without it the CSV folder holds aggregates only",
    )
    export.set_defaults(run=cmd_export)


def progress(line: str) -> None:
    print(line, flush=True)


def cmd_export(args: argparse.Namespace) -> int:
    from facilitate.export import chosen_formats, export_session
    from facilitate.export.evidence import export_evidence

    config, store = store_of(args)
    session = find_session(store, args.code)
    out_dir = Path(args.out).expanduser().resolve()
    evidence = args.to == "evidence"
    doing = "Writing the evidence pack of" if evidence else "Exporting"
    print(f"{doing} '{session.title}' ({session.code}) to {out_dir}", flush=True)
    if evidence:
        result = export_evidence(
            store, session, out_dir, progress, data_dir=config.data_dir
        )
    else:
        result = export_session(
            store,
            session,
            config.data_dir,
            out_dir,
            chosen_formats(args.to),
            progress=progress,
            event_log=args.event_log,
        )
    for path in result.files:
        print(f"  {path}")
    for problem in result.problems:
        print(f"facilitate: {problem}", file=sys.stderr)
    return 0
