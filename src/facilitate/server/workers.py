"""``facilitate serve --workers N``: N workers on this machine, HAProxy in front.

One Voila process serves every kernel's websocket from one Python thread, so one
worker uses about one core however many the machine has. N workers (each a
complete front door with its own two Voilas, ``worker``) listen on loopback
ports; HAProxy, with the configuration from ``haproxy``, is the one public
address, keeps each browser on one worker and drops a worker that stops
answering.

The workers share the session log: PostgreSQL when ``FACILITATE_STORE`` names
one, else the SQLite file in the data directory. Several processes on one machine
share that file safely in WAL mode; every kernel of a single worker is already
its own process writing to it, so N workers add writers, not a new kind of risk.

This process only starts and watches. A worker that stops is reported and its
leftovers stopped; the others carry on (its people reload onto them). The room
ends when HAProxy stops, when no worker is left, or on Ctrl-C / SIGTERM.
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from facilitate.core.errors import FacilitateError, InvalidInput
from facilitate.core.launcher import serve_setting
from facilitate.server import (
    STOP_SECONDS,
    ServeOptions,
    Tls,
    bind_public,
    free_port,
    stop,
)
from facilitate.server.children import stop_with_parent
from facilitate.server.haproxy import (
    HEALTH_PATH,
    ProxyLayout,
    WorkerAddress,
    check_config,
    haproxy_binary,
    haproxy_config,
    write_pem,
)
from facilitate.server.stopping import stop_requests
from facilitate.server.worker import worker_command

#: A worker stops its two Voilas, each within ``STOP_SECONDS``.
WORKER_STOP_SECONDS = 2 * STOP_SECONDS + 5
HAPROXY_START_SECONDS = 15
#: Each worker waits up to 3 minutes for each of its two Voilas.
WORKER_START_SECONDS = 6 * 60
MOST_WORKERS = 32


@dataclass
class Worker:
    address: WorkerAddress
    process: subprocess.Popen[bytes]
    gone: bool = False


def pool_per_worker(pool: int, workers: int) -> int:
    """``--pool`` is for the whole room: each worker keeps its share warm."""
    return math.ceil(max(pool, 0) / workers)


def check_worker_count(workers: int) -> None:
    if not 1 <= workers <= MOST_WORKERS:
        raise InvalidInput(
            f"--workers {workers} is not a number of workers we can start. Give "
            f"1 to {MOST_WORKERS}; about one per processor core is right."
        )


def serve_workers(
    options: ServeOptions,
    workers: int,
    data_dir: Path,
    public_url: str,
    tls: Tls | None = None,
    on_ready: Callable[[], None] | None = None,
) -> int:
    """Serve the room through HAProxy until stopped; returns the exit code.

    ``on_ready`` runs once HAProxy answers at the room's address.
    """
    check_worker_count(workers)
    addresses = tuple(
        WorkerAddress(f"w{number}", "127.0.0.1", free_port())
        for number in range(1, workers + 1)
    )
    binary, config = prepare_haproxy(options, addresses, data_dir, tls)
    check_free(options.host, options.port)
    stopped = stop_requests()
    pool = pool_per_worker(options.pool, workers)
    commands = [
        worker_command(a.name, a.port, pool, data_dir, public_url) for a in addresses
    ]
    running = [
        Worker(a, start_worker(command))
        for a, command in zip(addresses, commands, strict=True)
    ]
    try:
        wait_until_ready(running, stopped)
        if stopped:
            return 0
        proxy = start_haproxy(binary, config, options)
        if on_ready is not None:
            on_ready()
        try:
            watch(proxy, running, stopped)
        finally:
            stop([proxy])
    finally:
        stop([w.process for w in running], seconds=WORKER_STOP_SECONDS)
        for worker in running:
            stop_leftovers(worker)
    return 0


def prepare_haproxy(
    options: ServeOptions,
    addresses: tuple[WorkerAddress, ...],
    data_dir: Path,
    tls: Tls | None,
) -> tuple[str, Path]:
    """HAProxy's program and its checked configuration in ``run/haproxy/``."""
    binary = haproxy_binary()
    run_dir = data_dir / "run" / "haproxy"
    run_dir.mkdir(parents=True, exist_ok=True)
    pem = None
    if tls is not None:
        tls.context()  # a certificate that does not fit its key is one sentence
        pem = write_pem(tls.certfile, tls.keyfile, run_dir / "room.pem")
    config = run_dir / "haproxy.cfg"
    layout = ProxyLayout(options.host, options.port, addresses, pem)
    config.write_text(haproxy_config(layout), encoding="utf-8")
    check_config(binary, config)
    return binary, config


def start_worker(command: list[str]) -> subprocess.Popen[bytes]:
    """A worker in its own session: it and everything it starts stop together."""
    return subprocess.Popen(
        command, start_new_session=True, preexec_fn=stop_with_parent
    )


def start_haproxy(
    binary: str, config: Path, options: ServeOptions
) -> subprocess.Popen[bytes]:
    """HAProxy in the foreground; fails with a sentence if it cannot listen."""
    proxy = subprocess.Popen(
        [binary, "-db", "-f", str(config)],
        start_new_session=True,  # Ctrl-C reaches this process, which stops it
        preexec_fn=stop_with_parent,
    )
    deadline = time.monotonic() + HAPROXY_START_SECONDS
    while time.monotonic() < deadline:
        if proxy.poll() is not None:
            raise FacilitateError(
                f"HAProxy could not start on {options.host}:{options.port} (see its "
                "message above). Choose another port with "
                f"{serve_setting('port', str(options.port + 1))}, or stop what is "
                "using it."
            )
        if answers(options.host, options.port):
            return proxy
        time.sleep(0.1)
    stop([proxy])
    raise FacilitateError(
        f"HAProxy did not open {options.host}:{options.port} within "
        f"{HAPROXY_START_SECONDS} s; see its messages above."
    )


def check_free(host: str, port: int) -> None:
    """Refuse a busy public port now, before any worker spends a minute starting."""
    for listener in bind_public(host, port):
        listener.close()


def wait_until_ready(workers: list[Worker], stopped: list[int]) -> None:
    """Until every worker answers its health check (or has stopped, reported)."""
    deadline = time.monotonic() + WORKER_START_SECONDS
    waiting = list(workers)
    while waiting and time.monotonic() < deadline and not stopped:
        for worker in list(waiting):
            if worker.process.poll() is not None:
                report_stopped(worker, workers)
                waiting.remove(worker)
            elif healthy(worker.address):
                waiting.remove(worker)
        if all(worker.gone for worker in workers):
            raise FacilitateError(
                "No worker could start; see the messages above, then start "
                "facilitate serve again."
            )
        time.sleep(0.3)


def healthy(address: WorkerAddress) -> bool:
    url = f"http://{address.address}{HEALTH_PATH}"
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with direct.open(url, timeout=2) as response:
            return int(response.status) == 200
    except OSError:
        return False


def answers(host: str, port: int) -> bool:
    """Whether something accepts connections at ``host:port`` (wildcards: here)."""
    target = "127.0.0.1" if host in ("0.0.0.0", "") else host  # noqa: S104
    target = "::1" if target == "::" else target
    try:
        with socket.create_connection((target, port), timeout=1):
            return True
    except OSError:
        return False


def watch(
    proxy: subprocess.Popen[bytes], workers: list[Worker], stopped: list[int]
) -> None:
    """Until Ctrl-C or SIGTERM: report workers that stop; end when none is left."""
    while not stopped:
        time.sleep(0.5)
        if stopped:
            return
        if proxy.poll() is not None:
            raise FacilitateError(
                f"HAProxy stopped (exit code {proxy.returncode}); see its messages "
                "above, then start facilitate serve again."
            )
        for worker in workers:
            if not worker.gone and worker.process.poll() is not None:
                report_stopped(worker, workers)
        if all(worker.gone for worker in workers):
            raise FacilitateError(
                "Every worker has stopped; see the messages above, then start "
                "facilitate serve again."
            )


def report_stopped(worker: Worker, workers: list[Worker]) -> None:
    worker.gone = True
    stop_leftovers(worker)
    left = ", ".join(w.address.name for w in workers if not w.gone)
    name = worker.address.name
    if left:
        print(
            f"facilitate: worker {name} stopped (exit code "
            f"{worker.process.returncode}). Still serving: {left}. People who were "
            f"on {name} reload their page to carry on there; nothing they sent is "
            "lost.",
            file=sys.stderr,
            flush=True,
        )


def stop_leftovers(worker: Worker) -> None:
    """Stop whatever a stopped worker left running (its Voilas, if it crashed)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(worker.process.pid, signal.SIGTERM)
