"""``facilitate store migrate``: copy a data directory's log into PostgreSQL.

Safe to run again: sessions already copied are left unchanged, an interrupted
copy is completed, and a target holding other events under the same session
code stops the copy before anything is written (``core/store/migrate.py``).
"""

from __future__ import annotations

import argparse
from typing import Any

from facilitate.cli.common import config_of
from facilitate.core.store import open_address, parse_store_address
from facilitate.core.store.migrate import (
    ReplayClock,
    check_addresses,
    copy_log,
    describe,
)


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    store = commands.add_parser("store", help="move the session log between stores")
    store_commands = store.add_subparsers(dest="store_command", required=True)
    migrate = store_commands.add_parser(
        "migrate",
        parents=[common],
        help="copy every session from one store to another",
        description=(
            "Copy every session from one store to another, keeping each event's "
            "time. Running it again copies only what is missing."
        ),
    )
    migrate.add_argument(
        "--from",
        dest="source",
        default="",
        metavar="ADDRESS",
        help="sqlite:///path/to/data-dir (default: the store in use, --store)",
    )
    migrate.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="ADDRESS",
        help="postgresql://user@host/database",
    )
    migrate.set_defaults(run=cmd_store_migrate)


def cmd_store_migrate(args: argparse.Namespace) -> int:
    config = config_of(args)
    source_address = (
        parse_store_address(args.source, config.data_dir)
        if args.source
        else config.store_address
    )
    target_address = parse_store_address(args.target, config.data_dir)
    check_addresses(source_address, target_address)
    clock = ReplayClock()
    source = open_address(source_address)
    target = open_address(target_address, clock=clock)
    try:
        print(f"Copying {source_address.shown} to {target_address.shown}", flush=True)
        result = copy_log(source, target, clock, lambda line: print(line, flush=True))
    finally:
        source.close()
        target.close()
    print(describe(result))
    return 0
