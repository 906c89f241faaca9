"""The ``facilitate`` command: serve the room and manage sessions.

Every failure a user can cause ends in one sentence on stderr and exit code 2,
never a traceback.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from facilitate.core.config import DATA_DIR_VARIABLE, Config, checked_group_size
from facilitate.core.errors import FacilitateError
from facilitate.core.links import base_url, facilitator_link, participant_link
from facilitate.core.sessions import (
    SessionInfo,
    create_session,
    find_session,
    list_sessions,
)
from facilitate.core.store import EventStore, open_store


def _config(args: argparse.Namespace) -> Config:
    if getattr(args, "data_dir", None):
        os.environ[DATA_DIR_VARIABLE] = str(Path(args.data_dir).expanduser().resolve())
    return Config.from_environ()


def _store(args: argparse.Namespace) -> tuple[Config, EventStore]:
    config = _config(args)
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
    print("              (keep the console link private: it carries the key)")


def cmd_session_new(args: argparse.Namespace) -> int:
    config, store = _store(args)
    k = checked_group_size(args.min_group_size or config.min_group_size)
    session = create_session(store, args.title, min_group_size=k)
    print_links(session, args.base_url)
    return 0


def cmd_session_list(args: argparse.Namespace) -> int:
    _, store = _store(args)
    sessions = list_sessions(store)
    if not sessions:
        print('No sessions yet. Create one with: facilitate session new "Title"')
        return 0
    for session in sessions:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(session.created_at))
        print(f"{session.code}  {when}  {session.title}")
        print(f"        console: {facilitator_link(args.base_url, session)}")
    return 0


def cmd_session_delete(args: argparse.Namespace) -> int:
    _, store = _store(args)
    session = find_session(store, args.code)
    if not args.yes:
        answer = input(
            f"Delete every answer of '{session.title}' ({session.code})? "
            "This cannot be undone. Type the code to confirm: "
        )
        if answer.strip().upper() != session.code:
            print("Nothing was deleted.")
            return 1
    removed = store.delete_session(session.code)
    print(
        f"Deleted session {session.code} ('{session.title}'): {removed} events removed."
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from facilitate.server import ServeOptions, start_voila

    config, store = _store(args)
    base = base_url(args.host, args.port)
    if args.demo:
        from facilitate.demo import demo_session

        print_links(demo_session(store), base, qr=True)
    else:
        print('Create a session with: facilitate session new "Title"')
    store.close()
    options = ServeOptions(host=args.host, port=args.port, pool=args.pool)
    print(f"Serving workbooks at {base} (data in {config.data_dir}). Ctrl-C stops.")
    if args.host in ("127.0.0.1", "localhost"):
        print("Only this computer can reach it; --host 0.0.0.0 opens it to the room.")
    sys.stdout.flush()
    process = start_voila(options, config.data_dir)
    signal.signal(signal.SIGTERM, lambda *_: _stop(process))
    try:
        return process.wait()
    except KeyboardInterrupt:
        _stop(process)
        raise


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop Voila (and with it every kernel), whether asked by Ctrl-C or SIGTERM."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    raise SystemExit(0)


def cmd_export(args: argparse.Namespace) -> int:
    from facilitate.export import chosen_formats, export_session

    config, store = _store(args)
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


def _common() -> argparse.ArgumentParser:
    """Options every command takes (a parent parser, so each lists them)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help=f"where sessions are kept (or ${DATA_DIR_VARIABLE})",
    )
    return common


def _add_serve(commands: Any, common: argparse.ArgumentParser) -> None:
    from facilitate.server import DEFAULT_POOL

    serve = commands.add_parser(
        "serve", parents=[common], help="serve the workbooks to the room"
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="0.0.0.0 opens the server to the room's network",
    )
    serve.add_argument("--port", type=int, default=8866)
    serve.add_argument(
        "--pool",
        type=int,
        default=DEFAULT_POOL,
        help="preheated participant kernels (about the room's size)",
    )
    serve.add_argument(
        "--demo", action="store_true", help="seed and show a demo session"
    )
    serve.set_defaults(run=cmd_serve)


def _add_export(commands: Any, common: argparse.ArgumentParser) -> None:
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


def _add_session(commands: Any, common: argparse.ArgumentParser) -> None:
    linked = argparse.ArgumentParser(add_help=False, parents=[common])
    linked.add_argument(
        "--base-url",
        default=os.environ.get("FACILITATE_BASE_URL", "http://127.0.0.1:8866"),
        help="the server's address used in printed links",
    )
    session = commands.add_parser("session", help="create, list or delete sessions")
    session_commands = session.add_subparsers(dest="session_command", required=True)
    new = session_commands.add_parser("new", parents=[linked], help="create a session")
    new.add_argument("title")
    new.add_argument(
        "--min-group-size",
        type=int,
        default=None,
        help="smallest group drawn on shared screens (3 or more)",
    )
    new.set_defaults(run=cmd_session_new)
    listing = session_commands.add_parser(
        "list", parents=[linked], help="list sessions and their links"
    )
    listing.set_defaults(run=cmd_session_list)
    delete = session_commands.add_parser(
        "delete", parents=[linked], help="delete a session's data"
    )
    delete.add_argument("code")
    delete.add_argument("--yes", action="store_true", help="do not ask to confirm")
    delete.set_defaults(run=cmd_session_delete)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="facilitate", description=__doc__)
    parser.add_argument(
        "--data-dir", help=f"where sessions are kept (or ${DATA_DIR_VARIABLE})"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    common = _common()
    _add_serve(commands, common)
    _add_export(commands, common)
    _add_session(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except FacilitateError as error:
        print(f"facilitate: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
