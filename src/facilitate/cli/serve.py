"""``facilitate serve``: the room's pages at one address, until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import contextlib
import io
from pathlib import Path
from typing import Any

from facilitate.cli.common import print_links, store_of
from facilitate.core.sessions import list_sessions
from facilitate.core.store.base import EventStore

#: How many of the newest sessions ``serve`` prints links for.
SHOWN_SESSIONS = 5


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
    serve.add_argument("--certfile", type=Path, help="TLS certificate (PEM) for https")
    serve.add_argument("--keyfile", type=Path, help="its private key (PEM)")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="serve from N workers on this computer behind HAProxy (about one per "
        "core; --pool is shared among them)",
    )
    serve.add_argument(
        "--public-url",
        metavar="URL",
        help="the address people use when a proxy is in front of this server "
        "(see facilitate proxy-config): links and QR codes point there",
    )
    serve.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="the proxy in front of this server (an address or network; repeat or "
        "separate with commas): only its X-Forwarded-For is believed",
    )
    serve.set_defaults(run=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the room; Ctrl-C before the server watches for it stops quietly too."""
    try:
        return serve_until_stopped(args)
    except KeyboardInterrupt:
        return 130


def serve_until_stopped(args: argparse.Namespace) -> int:
    from facilitate.server import ServeOptions, Tls, serve_room
    from facilitate.server.addresses import public_url

    check_options(args)
    tls = Tls(args.certfile, args.keyfile) if args.certfile else None
    config, store = store_of(args)
    base = given_url(args.public_url) or public_url(
        args.host, args.port, secure=tls is not None
    )
    announcement = links_text(args, store, base, config.data_dir)
    store.close()
    options = ServeOptions(
        host=args.host,
        port=args.port,
        pool=args.pool,
        trusted_proxies=tuple(args.trusted_proxy),
    )

    def announce() -> None:
        print(announcement, end="", flush=True)

    if args.workers != 1:
        from facilitate.server.workers import serve_workers

        return serve_workers(
            options, args.workers, config.data_dir, base, tls, on_ready=announce
        )
    return serve_room(options, config.data_dir, base, tls, on_ready=announce)


def links_text(
    args: argparse.Namespace, store: EventStore, base: str, data_dir: Path
) -> str:
    """What ``serve`` prints once the room's address answers: the links, then
    how to stop and who can reach it. Written now, while the store is open."""
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        if args.demo:
            from facilitate.cli.teams import print_team_link
            from facilitate.demo import demo_session
            from facilitate.teams.demo import demo_team

            demo_session(store)
            print_team_link(demo_team(store), base)
        print_sessions(store, base)
        print(f"Serving the room at {base} (data in {data_dir}). Ctrl-C stops.")
        print_reach(args, secure=args.certfile is not None)
    return text.getvalue()


def check_options(args: argparse.Namespace) -> None:
    """Refuse what cannot work before anything starts (or prints links)."""
    from facilitate.core.errors import InvalidInput
    from facilitate.server.clients import TrustedProxies

    if bool(args.certfile) != bool(args.keyfile):
        raise InvalidInput("Give both --certfile and --keyfile to serve over https.")
    TrustedProxies.parse(args.trusted_proxy)  # a mistyped address is one sentence
    given_url(args.public_url)
    if args.workers != 1 and (args.public_url or args.trusted_proxy):
        given = "--public-url" if args.public_url else "--trusted-proxy"
        raise InvalidInput(
            f"--workers starts its own proxy, so {given} does not apply. Use "
            "one or the other (see docs/deployment.md: Running a large event)."
        )
    if args.public_url and not args.trusted_proxy:
        raise InvalidInput(
            "--public-url means a proxy is in front of this server: name its address "
            "with --trusted-proxy (for example --trusted-proxy 10.0.0.5), so each "
            "person is counted by their own address, not the proxy's."
        )
    if args.workers == 1:
        return
    from facilitate.server.haproxy import haproxy_binary
    from facilitate.server.workers import check_worker_count

    check_worker_count(args.workers)
    haproxy_binary()


def print_reach(args: argparse.Namespace, secure: bool) -> None:
    """Who can reach the address just printed, in one or two lines."""
    from facilitate.core.launcher import serve_setting
    from facilitate.server.addresses import is_loopback

    if args.workers != 1:
        print(f"{args.workers} workers on this computer, HAProxy in front of them.")
    if args.public_url:
        print(f"Behind a proxy: this server listens on {args.host}:{args.port}.")
    elif is_loopback(args.host):
        print(
            "Only this computer can reach it: phones in the room cannot. Use "
            f"{serve_setting('host', '0.0.0.0')} to open it to the room's "  # noqa: S104
            "network."
        )
    elif not secure:
        print(
            "Plain http: answers and keys cross the network in clear (see "
            "docs/deployment.md: Serving a room over HTTPS)."
        )


def given_url(raw: str | None) -> str:
    """``--public-url`` checked: an http(s) address, without a trailing slash."""
    from urllib.parse import urlsplit

    from facilitate.core.errors import InvalidInput

    if not raw:
        return ""
    parts = urlsplit(raw.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInput(
            f"'{raw}' is not an address people can open. Give the proxy's address, "
            "for example https://pd.example.org."
        )
    return raw.strip().rstrip("/")


def print_sessions(store: EventStore, base: str) -> None:
    """Links of the newest sessions, for the address the room actually uses."""
    sessions = list_sessions(store)
    if not sessions:
        print('Create a session with: facilitate session new "Title"')
        return
    for session in sessions[-SHOWN_SESSIONS:]:
        print_links(store, session, base, qr=session is sessions[-1])
        print()
    if len(sessions) > SHOWN_SESSIONS:
        print("facilitate session list shows every session.")
