"""The ``facilitate`` command: serve the room and manage sessions.

Each command group is one module with a ``register(commands, common)`` function;
``COMMANDS`` lists them, so a new command is a new module and one line here.
Every failure a user can cause ends in one sentence on stderr and exit code 2,
never a traceback. Everything a command writes, and everything the processes it
starts write (Voila, kernels, exports), is private to its owner (umask 077).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from facilitate.cli import (
    audit,
    compare,
    export,
    languages,
    proxy_config,
    serve,
    sessions,
    store,
    teams,
)
from facilitate.cli.common import add_store_option, common_options
from facilitate.core.config import DATA_DIR_VARIABLE
from facilitate.core.errors import FacilitateError
from facilitate.core.files import owner_only_umask

COMMANDS = (
    serve,
    proxy_config,
    export,
    sessions,
    teams,
    compare,
    store,
    audit,
    languages,
)
DESCRIPTION = (
    "Run live, equity-focused professional-learning sessions: serve the room, "
    "manage sessions and teams, export reflection and team summaries, and audit "
    "district data."
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="facilitate", description=DESCRIPTION)
    parser.add_argument(
        "--data-dir", help=f"where sessions are kept (or ${DATA_DIR_VARIABLE})"
    )
    add_store_option(parser)
    commands = parser.add_subparsers(dest="command", required=True)
    common = common_options()
    for command in COMMANDS:
        command.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    owner_only_umask()
    args = build_parser().parse_args(argv)
    with contextlib.ExitStack() as cleanup:
        args.cleanup = cleanup
        try:
            return int(args.run(args))
        except FacilitateError as error:
            print(f"facilitate: {error.for_terminal()}", file=sys.stderr)
            return 2
