"""``facilitate export``: the reflection summary as HTML, PDF and CSV."""

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
        help="write a session's reflection summary (HTML, PDF, CSV)",
    )
    export.add_argument("code", help="the session's code")
    export.add_argument(
        "--to", default="all", choices=["html", "pdf", "csv", "all"], help="format"
    )
    export.add_argument("--out", default=".", help="folder for the files (default: .)")
    export.set_defaults(run=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from facilitate.export import chosen_formats, export_session

    config, store = store_of(args)
    session = find_session(store, args.code)
    out_dir = Path(args.out).expanduser().resolve()
    print(f"Exporting '{session.title}' ({session.code}) to {out_dir}", flush=True)
    result = export_session(
        store,
        session,
        config.data_dir,
        out_dir,
        chosen_formats(args.to),
        progress=lambda line: print(line, flush=True),
    )
    for path in result.files:
        print(f"  {path}")
    for problem in result.problems:
        print(f"facilitate: {problem}", file=sys.stderr)
    return 0
