"""``facilitate session new | list | delete``."""

from __future__ import annotations

import argparse
import time
from typing import Any

from facilitate.cli.common import print_links, serve_prints_links, store_of
from facilitate.cli.keyed import delete_log, keyed_commands
from facilitate.core.config import AUTO_GROUP_SIZE, checked_group_size
from facilitate.core.session_files import delete_session_files
from facilitate.core.sessions import SESSIONS, create_session, list_sessions


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    new = keyed_commands(
        commands,
        common,
        "session",
        new=cmd_session_new,
        listing=cmd_session_list,
        delete=cmd_session_delete,
    )
    new.add_argument(
        "--min-group-size",
        type=int,
        default=None,
        help="smallest group drawn on shared screens (3 or more; by default "
        "3 for a room of up to 14 people and 5 from 15, fixed at the first reveal)",
    )
    new.add_argument("--school", default="", help="the school, to compare rooms")
    new.add_argument("--district", default="", help="the district, to compare rooms")


def cmd_session_new(args: argparse.Namespace) -> int:
    config, store = store_of(args)
    chosen = args.min_group_size or config.min_group_size
    k = checked_group_size(chosen) if chosen != AUTO_GROUP_SIZE else AUTO_GROUP_SIZE
    session = create_session(
        store, args.title, min_group_size=k, school=args.school, district=args.district
    )
    print_links(store, session, args.base_url)
    if note := serve_prints_links(args.base_url):
        print(note)
    return 0


def cmd_session_list(args: argparse.Namespace) -> int:
    _, store = store_of(args)
    sessions = list_sessions(store)
    if not sessions:
        print('No sessions yet. Create one with: facilitate session new "Title"')
        return 0
    for number, session in enumerate(sessions):
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(session.created_at))
        print(("\n" if number else "") + f"Created:      {when}")
        print_links(store, session, args.base_url)
    if note := serve_prints_links(args.base_url):
        print(note)
    return 0


def cmd_session_delete(args: argparse.Namespace) -> int:
    """Delete everything under a code, leaving its tombstone; again is not an error."""
    config, store = store_of(args)
    return delete_log(
        store,
        SESSIONS,
        args.code,
        args.yes,
        remove_files=lambda code: delete_session_files(config.data_dir, code),
    )
