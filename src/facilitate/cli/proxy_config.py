"""``facilitate proxy-config``: HAProxy's configuration for workers on several machines.

Each machine runs ``facilitate serve --host 0.0.0.0 --public-url URL
--trusted-proxy HAPROXY`` against the same PostgreSQL store; HAProxy, on its own
machine, is the address people use. The configuration is the one ``serve
--workers`` writes for itself (``facilitate.server.haproxy``): the same
stickiness, health checks and TLS.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

PEM_NAME = "facilitate.pem"
HAPROXY_USER = "haproxy"


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    command = commands.add_parser(
        "proxy-config",
        help="write HAProxy's configuration for workers on several machines",
    )
    command.add_argument(
        "--workers",
        required=True,
        metavar="HOST:PORT,…",
        help="each machine's facilitate serve, e.g. 10.0.0.11:8866,10.0.0.12:8866",
    )
    command.add_argument("--out", type=Path, required=True, help="file to write")
    command.add_argument(
        "--host",
        default="0.0.0.0",  # noqa: S104 - HAProxy is the room's public address
        help="where HAProxy listens (every interface)",
    )
    command.add_argument("--port", type=int, default=8866)
    command.add_argument(
        "--user",
        default=default_user(),
        help="the system user HAProxy runs as once it listens (default: haproxy, "
        "which Debian's package creates; '' keeps the one that starts it)",
    )
    command.add_argument("--certfile", type=Path, help="TLS certificate (PEM)")
    command.add_argument("--keyfile", type=Path, help="its private key (PEM)")
    command.set_defaults(run=cmd_proxy_config)


def cmd_proxy_config(args: argparse.Namespace) -> int:
    from facilitate.core.errors import InvalidInput
    from facilitate.server import Tls
    from facilitate.server.addresses import lan_address, public_url
    from facilitate.server.haproxy import (
        ProxyLayout,
        haproxy_config,
        parse_workers,
        write_pem,
    )

    if bool(args.certfile) != bool(args.keyfile):
        raise InvalidInput("Give both --certfile and --keyfile for https.")
    workers = parse_workers(args.workers)
    out = Path(args.out).expanduser().resolve()
    pem = None
    if args.certfile:
        Tls(args.certfile, args.keyfile).context()  # a mismatch is one sentence
        pem = write_pem(args.certfile, args.keyfile, out.parent / PEM_NAME)
    layout = ProxyLayout(args.host, args.port, workers, pem, args.user)
    write_config(out, haproxy_config(layout))
    base = public_url(args.host, args.port, secure=pem is not None)
    print(f"Wrote {out}" + (f" and {pem} (the key: keep it private)" if pem else ""))
    checked(out)
    print(f"People join at {base}. On each worker machine, with the same store:")
    print("    export FACILITATE_STORE=postgresql://…")
    for worker in workers:
        print(
            f"    facilitate serve --host {worker.host} --port {worker.port} "
            f"--public-url {base} --trusted-proxy {lan_address()}"
        )
    print(
        f"(--trusted-proxy is this machine's address, {lan_address()}: give the "
        "one the workers see HAProxy connect from, if that is another.)"
    )
    print(f"Then start HAProxy with: haproxy -f {out}")
    return 0


def default_user() -> str:
    """``haproxy`` where Debian's package created that user, else none."""
    import pwd

    try:
        pwd.getpwnam(HAPROXY_USER)
    except KeyError:
        return ""
    return HAPROXY_USER


def write_config(out: Path, text: str) -> None:
    from facilitate.core.errors import InvalidInput

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InvalidInput(
            f"Cannot write {out} ({error.strerror}). Choose another file with --out."
        ) from None


def checked(out: Path) -> None:
    """Let HAProxy read the file when it is installed here; say so either way."""
    from facilitate.core.errors import FacilitateError
    from facilitate.server.haproxy import check_config, haproxy_binary

    try:
        binary = haproxy_binary()
    except FacilitateError:
        print(f"HAProxy is not installed here: check it with haproxy -c -f {out}.")
        return
    check_config(binary, out)
    print("HAProxy reads it without complaint.")
