"""``facilitate serve``: Voila for the room, until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
from typing import Any

from facilitate.cli.common import print_links, store_of
from facilitate.core.links import base_url


def register(commands: Any, common: argparse.ArgumentParser) -> None:
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


def cmd_serve(args: argparse.Namespace) -> int:
    from facilitate.server import ServeOptions, start_voila

    config, store = store_of(args)
    base = base_url(args.host, args.port)
    if args.demo:
        from facilitate.activities.teams.demo import demo_team
        from facilitate.cli.teams import print_team_link
        from facilitate.demo import demo_session

        print_links(demo_session(store), base, qr=True)
        print_team_link(demo_team(store), base)
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
