"""``facilitate session delete`` and ``facilitate team delete``: one flow.

Deleting asks for the code to be typed back (or ``--yes``), says what it
removed, and asking again removes nothing more; a code that never held anything
is a typo and exits 2 like every refusal. With no keyboard to answer on, nothing
is deleted and the sentence says to add ``--yes``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from facilitate.core.keyed_log import Deleting, InfoT, KeyedLog, about_to_delete
from facilitate.core.store import EventStore


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
