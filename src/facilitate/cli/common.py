"""What every command shares: the data directory, the store, printed links.

``--data-dir`` and ``--store`` are written to the environment, so Voila's kernels
and the export's kernel (children of this process) use the same store.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path

from facilitate.core.config import DATA_DIR_VARIABLE, STORE_VARIABLE, Config
from facilitate.core.links import display_link, facilitator_link, participant_link
from facilitate.core.sessions import SessionInfo, display_token
from facilitate.core.store import EventStore, open_store


def common_options() -> argparse.ArgumentParser:
    """Options every command takes (a parent parser, so each lists them)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help=f"where sessions are kept (or ${DATA_DIR_VARIABLE})",
    )
    add_store_option(common, default=argparse.SUPPRESS)
    return common


def add_store_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--store",
        default=default,
        metavar="ADDRESS",
        help=(
            "the session log: postgresql://user@host/database, or SQLite in the "
            f"data directory when not given (or ${STORE_VARIABLE})"
        ),
    )


def config_of(args: argparse.Namespace) -> Config:
    if getattr(args, "data_dir", None):
        os.environ[DATA_DIR_VARIABLE] = str(Path(args.data_dir).expanduser().resolve())
    if getattr(args, "store", None):
        os.environ[STORE_VARIABLE] = str(args.store).strip()
    return Config.from_environ()


def store_of(args: argparse.Namespace) -> tuple[Config, EventStore]:
    """The command's settings and its log, closed when the command ends (``main``
    gives every command a ``cleanup`` stack: a PostgreSQL pool left open held
    its connections until the process exited)."""
    config = config_of(args)
    store = open_store(config)
    cleanup: contextlib.ExitStack | None = getattr(args, "cleanup", None)
    if cleanup is not None:
        cleanup.callback(store.close)
    return config, store


def print_links(
    store: EventStore, session: SessionInfo, base: str, qr: bool = False
) -> None:
    """The links a facilitator hands out and keeps, for the address ``base``."""
    join = participant_link(base, session)
    print(f"Session:      {session.title}")
    if session.school or session.district:
        place = ", ".join(p for p in (session.school, session.district) if p)
        print(f"Place:        {place}")
    print(f"Join code:    {session.code}")
    print(f"Participants: {join}")
    if qr:
        from facilitate.ui.qr import qr_terminal

        print(qr_terminal(join))
    print(f"Display:      {display_link(base, session, display_token(store, session))}")
    print("              (for the projector: it shows results, never controls)")
    print(f"Remote:       {facilitator_link(base, session, 'remote')}")
    print(f"Evidence:     {facilitator_link(base, session, 'evidence')}")
    print("              (keep these two links private: they carry the key)")


def serve_prints_links(base: str) -> str:
    """Say where phones' links come from when ``base`` is this computer only."""
    from urllib.parse import urlsplit

    if urlsplit(base).hostname not in ("127.0.0.1", "localhost", "::1"):
        return ""
    return (
        f"\nThese links work on this computer ({base}). When you serve the room "
        "to its network (facilitate serve --host 0.0.0.0, or make run "
        "HOST=0.0.0.0), the server prints them again with the address phones use."
    )
