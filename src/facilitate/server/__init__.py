"""Serving a room: two Voila processes behind one front door (see ``proxy``).

``serve_room`` starts the room's and the lead's Voila on loopback ports, opens the
public address (with TLS when given a certificate), relays until SIGTERM or
Ctrl-C, then stops both Voilas, whose kernels stop with them. With several
workers, each worker is one ``serve_room`` behind HAProxy (see ``workers``).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import socket
import ssl
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from subprocess import PIPE
from typing import TypeVar

from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from facilitate.core.config import DATA_DIR_VARIABLE, Config
from facilitate.core.errors import FacilitateError
from facilitate.core.launcher import serve_setting
from facilitate.core.store import EventStore, open_store
from facilitate.server.clients import TrustedProxies
from facilitate.server.proxy import (
    Backend,
    Front,
    front_application,
    wait_until_answering,
)
from facilitate.server.statics import front_end_files, warm
from facilitate.server.stopping import (
    STOP_SECONDS,
    VOILA_STOP_SECONDS,
    OutputRelay,
    quiet_loop_shutdown,
    stop,
    stop_requests,
)
from facilitate.server.voila import (
    DEFAULT_POOL,
    UNUSED_EXTENSIONS,
    ServeOptions,
    lead_role,
    room_role,
    start_voila,
    voila_settings,
)
from facilitate.server.voila_process import LISTEN_BACKLOG

STOPPED = (
    "A Voila process stopped unexpectedly; see the messages above, then start "
    "facilitate serve again."
)

T = TypeVar("T")

__all__ = [
    "DEFAULT_POOL",
    "STOP_SECONDS",
    "ServeOptions",
    "Tls",
    "serve_room",
    "stop",
    "voila_settings",
]


@dataclass(frozen=True)
class Tls:
    certfile: Path
    keyfile: Path

    def context(self) -> ssl.SSLContext:
        """A server context for the room's address; a bad file is one sentence."""
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        try:
            context.load_cert_chain(str(self.certfile), str(self.keyfile))
        except (OSError, ssl.SSLError) as error:
            raise FacilitateError(
                f"Cannot use the certificate {self.certfile} with the key "
                f"{self.keyfile} ({error}). Check both files are PEM and match."
            ) from None
        return context


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_room(
    options: ServeOptions,
    data_dir: Path,
    public_url: str,
    tls: Tls | None = None,
    on_ready: Callable[[], None] | None = None,
) -> int:
    """Serve until stopped; returns the exit code.

    The public port is taken first, so a busy port is one sentence before any
    Voila starts; ``on_ready`` runs once that port answers (it prints the links).
    """
    ssl_context = tls.context() if tls else None
    listening = bind_public(options.host, options.port)
    stopped = stop_requests()
    room = Backend("room", free_port())
    lead = Backend("lead", free_port(), prefix="/lead")
    worker = options.worker
    processes: list[subprocess.Popen[bytes]] = []
    relay = OutputRelay()
    scripts = in_background(lambda: front_end_files(UNUSED_EXTENSIONS))
    try:
        for role, backend in ((room_role(options), room), (lead_role(), lead)):
            if not stopped:
                voila = start_voila(
                    role, backend.port, data_dir, public_url, worker, PIPE
                )
                processes.append(voila)
                relay.follow(voila)
        if stopped:
            return 0
        front = Front(
            room,
            lead,
            open_store=lambda: session_log(data_dir),
            worker=worker,
            trusted=TrustedProxies.parse(options.trusted_proxies),
        )
        room_door = RoomDoor(listening, ssl_context, processes, stopped, scripts)
        asyncio.run(_listen(front, room_door, on_ready))
    finally:
        relay.quiet()
        stop(processes, seconds=VOILA_STOP_SECONDS)
        for listener in listening:
            listener.close()
    return 0


def bind_public(host: str, port: int) -> list[socket.socket]:
    """The room's address, taken now: a busy port fails in a second, not after
    Voila and its kernels have started (and printed their own tracebacks). With
    room for a hall's joins at once (``LISTEN_BACKLOG``)."""
    try:
        return bind_sockets(port, address=host or None, backlog=LISTEN_BACKLOG)
    except OSError as error:
        reason = error.strerror or str(error)
        raise FacilitateError(
            f"Cannot listen on {host}:{port} ({reason}). Choose another port with "
            f"{serve_setting('port', str(port + 1))}, or stop what is using it."
        ) from None


@dataclass
class RoomDoor:
    """What the front door's loop watches: its sockets and the two Voilas."""

    listening: list[socket.socket]
    ssl_context: ssl.SSLContext | None
    processes: list[subprocess.Popen[bytes]]
    stopped: list[int]
    #: The addresses of Voila's scripts, listed while the Voilas start.
    scripts: concurrent.futures.Future[list[str]]

    def check_voilas(self) -> None:
        if any(process.poll() is not None for process in self.processes):
            raise FacilitateError(STOPPED)


def session_log(data_dir: Path) -> EventStore:
    """The log the kernels use: ``FACILITATE_STORE`` if set, else SQLite here."""
    config = Config.from_environ({**os.environ, DATA_DIR_VARIABLE: str(data_dir)})
    return open_store(config)


async def _listen(
    front: Front, door: RoomDoor, on_ready: Callable[[], None] | None
) -> None:
    """Wait for both Voilas, open the door, say so, then serve until stopped."""
    try:
        await _open_and_serve(front, door, on_ready)
    finally:
        if door.stopped:
            quiet_loop_shutdown()


async def _open_and_serve(
    front: Front, door: RoomDoor, on_ready: Callable[[], None] | None
) -> None:
    application = front_application(front)
    for backend in (front.room, front.lead):
        started = asyncio.create_task(wait_until_answering(backend))
        while not started.done():
            await asyncio.sleep(0.2)
            if door.stopped:
                started.cancel()
                return
            door.check_voilas()
        if not started.result():
            raise FacilitateError(
                f"The {backend.name} Voila did not start within 3 minutes; see the "
                "messages above."
            )
    # Forwarding headers are read by the front door, from trusted proxies only
    # (``clients``); tornado's ``xheaders`` would believe them from anyone.
    server = HTTPServer(application, ssl_options=door.ssl_context)
    server.add_sockets(door.listening)
    warming = asyncio.create_task(warm_front_ends(front, door.scripts))
    if on_ready is not None:
        on_ready()
    while not door.stopped:
        door.check_voilas()
        await asyncio.sleep(0.2)
    warming.cancel()
    server.stop()


async def warm_front_ends(
    front: Front, scripts: concurrent.futures.Future[list[str]]
) -> None:
    """Keep Voila's scripts compressed before the first page asks for them: the
    facilitator's pages first, then the participants'."""
    files = await asyncio.wrap_future(scripts)
    for backend in (front.lead, front.room):
        uris = [backend.prefix + path for path in files]
        await warm(front.statics, backend.name, backend.url, uris)


def in_background(work: Callable[[], T]) -> concurrent.futures.Future[T]:
    """Run ``work`` in a thread the room does not wait for when it stops.

    Listing Voila's scripts walks every front-end extension's folder: seconds
    on a busy laptop. Done in the event loop once the links were printed, it
    held the first pages and Ctrl-C for up to 18 s.
    """
    future: concurrent.futures.Future[T] = concurrent.futures.Future()

    def run() -> None:
        try:
            future.set_result(work())
        except Exception as error:
            future.set_exception(error)

    threading.Thread(target=run, daemon=True).start()
    return future
