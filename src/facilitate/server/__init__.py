"""Serving a room: two Voila processes behind one front door (see ``proxy``).

``serve_room`` starts the room's and the lead's Voila on loopback ports, opens the
public address (with TLS when given a certificate), relays until SIGTERM or
Ctrl-C, then stops both Voilas, whose kernels stop with them. With several
workers, each worker is one ``serve_room`` behind HAProxy (see ``workers``).
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import ssl
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tornado.httpserver import HTTPServer

from facilitate.core.config import DATA_DIR_VARIABLE, Config
from facilitate.core.errors import FacilitateError
from facilitate.core.store import EventStore, open_store
from facilitate.server.clients import TrustedProxies
from facilitate.server.proxy import (
    Backend,
    Front,
    front_application,
    wait_until_answering,
)
from facilitate.server.statics import front_end_files, warm
from facilitate.server.voila import (
    DEFAULT_POOL,
    UNUSED_EXTENSIONS,
    ServeOptions,
    lead_role,
    room_role,
    start_voila,
    voila_settings,
)

STOP_SECONDS = 20
STOPPED = (
    "A Voila process stopped unexpectedly; see the messages above, then start "
    "facilitate serve again."
)

__all__ = ["DEFAULT_POOL", "ServeOptions", "Tls", "serve_room", "voila_settings"]


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
    options: ServeOptions, data_dir: Path, public_url: str, tls: Tls | None = None
) -> int:
    """Serve until stopped; returns the exit code."""
    ssl_context = tls.context() if tls else None
    room = Backend("room", free_port())
    lead = Backend("lead", free_port(), prefix="/lead")
    worker = options.worker
    processes = [
        start_voila(room_role(options), room.port, data_dir, public_url, worker),
        start_voila(lead_role(), lead.port, data_dir, public_url, worker),
    ]
    front = Front(
        room,
        lead,
        open_store=lambda: session_log(data_dir),
        worker=worker,
        trusted=TrustedProxies.parse(options.trusted_proxies),
    )
    try:
        asyncio.run(_listen(front, options, ssl_context, processes))
    finally:
        stop(processes)
    return 0


def session_log(data_dir: Path) -> EventStore:
    """The log the kernels use: ``FACILITATE_STORE`` if set, else SQLite here."""
    config = Config.from_environ({**os.environ, DATA_DIR_VARIABLE: str(data_dir)})
    return open_store(config)


async def _listen(
    front: Front,
    options: ServeOptions,
    ssl_context: ssl.SSLContext | None,
    processes: list[subprocess.Popen[bytes]],
) -> None:
    application = front_application(front)
    for backend in (front.room, front.lead):
        started = asyncio.create_task(wait_until_answering(backend))
        while not started.done():
            await asyncio.sleep(0.2)
            if any(process.poll() is not None for process in processes):
                started.cancel()
                raise FacilitateError(STOPPED)
        if not started.result():
            raise FacilitateError(
                f"The {backend.name} Voila did not start within 3 minutes; see the "
                "messages above."
            )
    # Forwarding headers are read by the front door, from trusted proxies only
    # (``clients``); tornado's ``xheaders`` would believe them from anyone.
    server = HTTPServer(application, ssl_options=ssl_context)
    try:
        server.listen(options.port, address=options.host)
    except OSError as error:
        raise FacilitateError(
            f"Cannot listen on {options.host}:{options.port} ({error.strerror}). "
            "Choose another port with --port, or stop what is using it."
        ) from None
    warming = asyncio.create_task(warm_front_ends(front))
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(number, stopped.set)
    while not stopped.is_set():
        if any(process.poll() is not None for process in processes):
            raise FacilitateError(STOPPED)
        try:
            await asyncio.wait_for(stopped.wait(), timeout=1.0)
        except TimeoutError:
            continue
    warming.cancel()
    server.stop()


async def warm_front_ends(front: Front) -> None:
    """Keep Voila's scripts compressed before the first page asks for them: the
    facilitator's pages first, then the participants'."""
    files = front_end_files(UNUSED_EXTENSIONS)
    for backend in (front.lead, front.room):
        uris = [backend.prefix + path for path in files]
        await warm(front.statics, backend.name, backend.url, uris)


def stop(
    processes: list[subprocess.Popen[bytes]], seconds: float = STOP_SECONDS
) -> None:
    """Stop every Voila (and with it every kernel), politely, then firmly."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            process.kill()
