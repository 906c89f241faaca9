"""What every command shares: the data directory, the store, printed links."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from facilitate.core.config import DATA_DIR_VARIABLE, Config
from facilitate.core.links import facilitator_link, participant_link
from facilitate.core.sessions import SessionInfo
from facilitate.core.store import EventStore, open_store


def common_options() -> argparse.ArgumentParser:
    """Options every command takes (a parent parser, so each lists them)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help=f"where sessions are kept (or ${DATA_DIR_VARIABLE})",
    )
    return common


def config_of(args: argparse.Namespace) -> Config:
    if getattr(args, "data_dir", None):
        os.environ[DATA_DIR_VARIABLE] = str(Path(args.data_dir).expanduser().resolve())
    return Config.from_environ()


def store_of(args: argparse.Namespace) -> tuple[Config, EventStore]:
    config = config_of(args)
    return config, open_store(config.data_dir)


def print_links(session: SessionInfo, base: str, qr: bool = False) -> None:
    join = participant_link(base, session)
    print(f"Session:      {session.title}")
    print(f"Join code:    {session.code}")
    print(f"Participants: {join}")
    if qr:
        from facilitate.ui.qr import qr_terminal

        print(qr_terminal(join))
    print(f"Console:      {facilitator_link(base, session)}")
    print(f"Evidence:     {facilitator_link(base, session, 'evidence')}")
    print("              (keep these two links private: they carry the key)")
