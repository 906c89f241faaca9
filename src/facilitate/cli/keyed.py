"""What ``facilitate session`` and ``facilitate team`` share: new, list, delete.

Both are groups of the same three commands, whose links carry ``--base-url``.
Deleting asks for the code to be typed back (or ``--yes``), says what it
removed, and asking again removes nothing more; a code that never held anything
is a typo and exits 2 like every refusal. With no keyboard to answer on, nothing
is deleted and the sentence says to add ``--yes``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any

from facilitate.core.keyed_log import Deleting, InfoT, KeyedLog, about_to_delete
from facilitate.core.store import EventStore

Run = Callable[[argparse.Namespace], int]


def keyed_commands(
    commands: Any,
    common: argparse.ArgumentParser,
    noun: str,
    new: Run,
    listing: Run,
    delete: Run,
) -> argparse.ArgumentParser:
    """Add ``facilitate <noun> new | list | delete``; the ``new`` parser, for
    the options of its own kind."""
    linked = argparse.ArgumentParser(add_help=False, parents=[common])
    linked.add_argument(
        "--base-url",
        default=os.environ.get("FACILITATE_BASE_URL", "http://127.0.0.1:8866"),
        help="the server's address used in printed links",
    )
    group = commands.add_parser(noun, help=f"create, list or delete {noun}s")
    subcommands = group.add_subparsers(dest=f"{noun}_command", required=True)
    made: argparse.ArgumentParser = subcommands.add_parser(
        "new", parents=[linked], help=f"create a {noun}"
    )
    made.add_argument("title")
    made.set_defaults(run=new)
    listed = subcommands.add_parser(
        "list", parents=[linked], help=f"list {noun}s and their links"
    )
    listed.set_defaults(run=listing)
    deleted = subcommands.add_parser(
        "delete", parents=[linked], help=f"delete a {noun}'s data"
    )
    deleted.add_argument("code")
    deleted.add_argument("--yes", action="store_true", help="do not ask to confirm")
    deleted.set_defaults(run=delete)
    return made


def delete_log(
    store: EventStore,
    log: KeyedLog[InfoT],
    raw_code: str,
    yes: bool,
    remove_files: Callable[[str], int] | None = None,
) -> int:
    """Delete a session's or a team's log after confirming; the exit code.
    ``remove_files`` removes the files kept beside it and says how many."""
    deleting = about_to_delete(store, log, raw_code)
    code, what = deleting.code, deleting.what
    if deleting.already_deleted:
        print(
            f"{log.noun.capitalize()} {code} was already deleted: nothing is left "
            "under that code."
        )
        return 0
    if not yes:
        declined = confirmed(log, deleting)
        if declined is not None:
            return declined
    removed = store.delete_session(code)
    files = remove_files(code) if remove_files else 0
    kept = f", and {files} kept file{'s' if files != 1 else ''}" if files else ""
    print(
        f"Deleted {what}: {removed} events removed{kept}. Pages still open now say "
        f"the {log.noun} has ended, and nothing more can be saved under this code."
    )
    return 0


def confirmed(log: KeyedLog[InfoT], deleting: Deleting) -> int | None:
    """None once the code was typed back; else the exit code, said why."""
    try:
        answer = input(
            f"Delete everything recorded under {deleting.what}? This cannot be "
            "undone. Type the code to confirm: "
        )
    except EOFError:
        print(
            "\nNothing was deleted: there is no keyboard to confirm with. To "
            f"delete {deleting.what} without being asked, add --yes.",
            file=sys.stderr,
        )
        return 2
    if not log.confirms(answer, deleting.code):
        print("Nothing was deleted.")
        return 1
    return None
