"""The ``facilitate`` command: serve the room and manage sessions.

Each command group is one module with a ``register(commands, common)`` function;
``COMMANDS`` lists the product's own, so a new one is a new module and one line
here. An activity's own commands (the needs assessment's ``audit``) are declared
in its spec and added from the agenda, so adding one edits no file here.
Every failure a user can cause ends in one sentence on stderr and exit code 2,
never a traceback. Everything a command writes, and everything the processes it
starts write (Voila, kernels, exports), is private to its owner (umask 077).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Sequence
from typing import Any

from facilitate.cli import (
    compare,
    demo,
    export,
    languages,
    proxy_config,
    serve,
    sessions,
    store,
    teams,
)
from facilitate.cli.common import add_store_option, common_options
from facilitate.core.agenda import current_agenda
from facilitate.core.config import DATA_DIR_VARIABLE
from facilitate.core.errors import FacilitateError
from facilitate.core.files import owner_only_umask

COMMANDS = (
    serve,
    demo,
    proxy_config,
    export,
    sessions,
    teams,
    compare,
    store,
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
    for register in agenda_commands():
        register(commands, common)
    return parser


def agenda_commands() -> list[Callable[[Any, argparse.ArgumentParser], None]]:
    """The ``register`` function of each activity's own command groups, in
    agenda order (``ActivitySpec.commands``)."""
    agenda = current_agenda()
    return [command.load() for a in agenda.activities for command in a.commands]


def main(argv: Sequence[str] | None = None) -> int:
    owner_only_umask()
    try:
        parser = build_parser()
    except FacilitateError as error:  # an agenda naming what cannot be loaded
        print(f"facilitate: {error.for_terminal()}", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    with contextlib.ExitStack() as cleanup:
        args.cleanup = cleanup
        try:
            return int(args.run(args))
        except FacilitateError as error:
            print(f"facilitate: {error.for_terminal()}", file=sys.stderr)
            return 2
