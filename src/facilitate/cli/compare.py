"""``facilitate compare CODE CODE … --out DIR``: rooms side by side, HTML and CSV."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from facilitate.cli.common import store_of
from facilitate.core.links import compare_link


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    compare = commands.add_parser(
        "compare",
        parents=[common],
        help="compare sessions side by side (HTML and CSV)",
        description=(
            "Compare sessions run with the same activities: each activity that "
            "has a comparison part adds its section (zone shifts, tensions, "
            "participation equity, feedback …), each room under its own release "
            "rules, largest gaps first."
        ),
    )
    compare.add_argument("codes", nargs="+", metavar="CODE", help="session codes")
    compare.add_argument("--out", default=".", help="folder for the files (default: .)")
    compare.add_argument(
        "--link",
        action="store_true",
        help="also print the keyed link to the comparison workbook",
    )
    compare.add_argument(
        "--base-url",
        default=os.environ.get("FACILITATE_BASE_URL", "http://127.0.0.1:8866"),
        help="the server's address used in the printed link",
    )
    compare.set_defaults(run=cmd_compare)


def cmd_compare(args: argparse.Namespace) -> int:
    from facilitate.compare.comparison import compare_rooms
    from facilitate.compare.files import write_comparison
    from facilitate.compare.rooms import load_rooms

    _, store = store_of(args)
    try:
        rooms = load_rooms(store, args.codes)
    finally:
        store.close()
    comparison = compare_rooms(rooms)
    out_dir = Path(args.out).expanduser().resolve()
    print(f"Comparing {', '.join(room.label for room in rooms)}")
    for note in comparison.notes:
        print(f"  {note}")
    for path in write_comparison(comparison, out_dir):
        print(f"  {path}")
    if args.link:
        print(
            f"Workbook:     {compare_link(args.base_url, [r.session for r in rooms])}"
        )
        print("              (keep it private: it carries every session's key)")
    return 0
