"""One worker behind our HAProxy: a front door and its two Voilas on loopback.

``facilitate serve --workers N`` starts this module N times (``python -m
facilitate.server.worker``), each in its own session, so one worker can stop
(or be stopped) with everything it started while the others carry on. The
worker asks the kernel to stop it when the ``serve`` that started it goes away,
so no worker outlives its room even if ``serve`` itself is killed.

The data directory and the store travel in the environment, as they do for
Voila's kernels.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

#: Where the HAProxy of ``serve --workers`` connects from: the workers listen on
#: loopback, so it is the one proxy whose forwarding headers they believe.
HAPROXY_ADDRESS = "127.0.0.1"


def worker_command(
    name: str, port: int, pool: int, data_dir: Path, public_url: str
) -> list[str]:
    """The command line that starts worker ``name`` on loopback ``port``."""
    return [
        sys.executable,
        "-m",
        "facilitate.server.worker",
        "--name",
        name,
        "--port",
        str(port),
        "--pool",
        str(pool),
        "--data-dir",
        str(data_dir),
        "--public-url",
        public_url,
    ]


def main(argv: Sequence[str] | None = None) -> int:
    from facilitate.core.errors import FacilitateError
    from facilitate.server import ServeOptions, serve_room

    parser = argparse.ArgumentParser(prog="facilitate-worker")
    parser.add_argument("--name", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pool", type=int, required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--public-url", required=True)
    args = parser.parse_args(argv)
    options = ServeOptions(
        host="127.0.0.1",
        port=args.port,
        pool=args.pool,
        worker=args.name,
        trusted_proxies=(HAPROXY_ADDRESS,),
    )
    try:
        return serve_room(options, args.data_dir, args.public_url)
    except FacilitateError as error:
        print(f"facilitate: worker {args.name}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
