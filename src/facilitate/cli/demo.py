"""``facilitate demo``: what ``make run`` does, for a laptop without ``make``.

It serves the room with a demo session (and a demo team) already in it, so a
facilitator can try every page before their first session. It is ``serve
--demo`` with the few options a trial needs; hints then name ``facilitate
demo`` (``core.launcher``).
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from facilitate.cli import serve
from facilitate.core.launcher import LAUNCHER_VARIABLE


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    from facilitate.server import DEFAULT_POOL

    demo = commands.add_parser(
        "demo",
        parents=[common],
        help="serve the room with a demo session, as make run does",
    )
    demo.add_argument(
        "--host",
        default="127.0.0.1",
        help="0.0.0.0 opens the server to the room's network",
    )
    demo.add_argument("--port", type=int, default=8866)
    demo.add_argument(
        "--pool",
        type=int,
        default=DEFAULT_POOL,
        help="preheated participant kernels (about the room's size)",
    )
    demo.set_defaults(run=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    os.environ.setdefault(LAUNCHER_VARIABLE, "demo")
    served = argparse.Namespace(
        **vars(args),
        demo=True,
        certfile=None,
        keyfile=None,
        workers=1,
        public_url=None,
        trusted_proxy=[],
    )
    return serve.cmd_serve(served)
