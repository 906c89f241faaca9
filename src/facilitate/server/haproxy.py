"""HAProxy in front of several workers: its configuration, its certificate, its binary.

A worker is one complete front door (``proxy``) with its own two Voila processes.
Each browser's kernels live in one worker, so everything a browser sends (its
page, the page's assets, the kernel websockets) must reach that worker: HAProxy
inserts a cookie naming the worker on the first answer and follows it after.
Websockets go through the same backend as pages, so the upgrade request carries
the same cookie; once upgraded, the long ``timeout tunnel`` applies, not the
short HTTP timeouts.

The workers count each person by the address HAProxy forwards, so HAProxy first
deletes any ``X-Real-Ip``, ``X-Forwarded-For`` or ``X-Forwarded-Proto`` a client
sent and writes its own: a client cannot choose the address it is counted by.

A worker that stops answering its health check (``/healthz`` on its front door)
is taken out of rotation within a few seconds; a browser whose cookie names it
is sent to another worker (``option redispatch``), which gives it a new cookie.
Its page reloads into a new kernel there, and the participant's token in the
browser makes it the same person again.

The same text serves ``facilitate serve --workers N`` (workers on loopback) and
``facilitate proxy-config`` (workers on several machines), so both layouts behave
alike. HAProxy reads the certificate and its key from one PEM file, which is
written with mode 0600 because it holds the private key.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitate.core.errors import FacilitateError, InvalidInput
from facilitate.server.refusals import RESTARTING, refusal_page

#: Debian puts HAProxy in /usr/sbin, which is not on a normal user's PATH.
HAPROXY_PLACES = ("/usr/sbin/haproxy",)
INSTALL_HAPROXY = (
    "HAProxy is not installed, and serving with several workers needs it in front "
    "of them. Install it with: apt-get install haproxy (or serve with one worker: "
    "leave out --workers)."
)
COOKIE = "FACILITATE_WORKER"
HEALTH_PATH = "/healthz"
#: Seconds between health checks; a worker is out after ``FALL`` failures in a row
#: and back after ``RISE`` passes.
CHECK_INTERVAL = 2
FALL = 2
RISE = 2
#: A kernel websocket may stay open for a whole day of sessions.
TUNNEL_TIMEOUT = "12h"
#: As long as the front door waits for a Voila to render a page.
SERVER_TIMEOUT = "300s"
MAX_CONNECTIONS = 8000


@dataclass(frozen=True)
class WorkerAddress:
    """Where HAProxy reaches one worker's front door."""

    name: str
    host: str
    port: int

    @property
    def address(self) -> str:
        return f"{_bracketed(self.host)}:{self.port}"


@dataclass(frozen=True)
class ProxyLayout:
    """The public address, the workers behind it, and the PEM for TLS (if any)."""

    host: str
    port: int
    workers: tuple[WorkerAddress, ...]
    pem: Path | None = None
    #: The system user HAProxy drops to once it listens ("" keeps the one that
    #: started it, as ``serve --workers`` does).
    user: str = ""


def haproxy_config(layout: ProxyLayout) -> str:
    """The complete HAProxy configuration for ``layout``."""
    if not layout.workers:
        raise InvalidInput("Name at least one worker for HAProxy to send people to.")
    bind = f"    bind {_bracketed(layout.host)}:{layout.port}"
    if layout.pem is not None:
        bind += f" ssl crt {layout.pem}"
    lines = [
        "# Written by facilitate: one public address, several workers behind it.",
        "# Each browser stays on one worker (cookie); dead workers leave rotation.",
        "global",
        f"    maxconn {MAX_CONNECTIONS}",
        *_drop_to(layout.user),
        "",
        "defaults",
        "    mode http",
        "    timeout connect 5s",
        f"    timeout client {SERVER_TIMEOUT}",
        f"    timeout server {SERVER_TIMEOUT}",
        "    timeout http-request 30s",
        "    timeout http-keep-alive 60s",
        "    timeout queue 60s",
        f"    timeout tunnel {TUNNEL_TIMEOUT}",
        "    timeout client-fin 30s",
        "    retries 2",
        "    retry-on conn-failure empty-response",
        "    option redispatch 1",
        "    option forwardfor",
        "",
        "frontend room",
        bind,
        *_forwarded_headers(layout),
        "    default_backend workers",
        "",
        "backend workers",
        "    balance leastconn",
        f"    cookie {COOKIE} insert indirect nocache httponly"
        + (" secure" if layout.pem is not None else ""),
        f"    option httpchk GET {HEALTH_PATH}",
        "    http-check expect status 200",
        f"    default-server inter {CHECK_INTERVAL}s fall {FALL} rise {RISE} "
        "on-marked-down shutdown-sessions",
        *(
            f"    http-error status {status} content-type 'text/html; charset=utf-8' "
            f"string '{refusal_page(RESTARTING)}'"
            for status in (502, 503, 504)
        ),
        *(
            f"    server {worker.name} {worker.address} check cookie {worker.name}"
            for worker in layout.workers
        ),
        "",
    ]
    return "\n".join(lines)


def _drop_to(user: str) -> list[str]:
    if not user:
        return []
    import grp
    import pwd

    try:
        group = grp.getgrgid(pwd.getpwnam(user).pw_gid).gr_name
    except KeyError:
        raise InvalidInput(
            f"There is no system user '{user}' here for HAProxy to run as. Install "
            "Debian's haproxy package (it creates one), or name another with --user."
        ) from None
    return [f"    user {user}", f"    group {group}"]


def _forwarded_headers(layout: ProxyLayout) -> list[str]:
    """Who asked, in HAProxy's words only: whatever the client wrote in these
    headers is deleted, then HAProxy writes the address it sees (``option
    forwardfor`` adds ``X-Forwarded-For``) and, with TLS, the scheme."""
    lines = [
        f"    http-request del-header {header}"
        for header in ("X-Real-Ip", "X-Forwarded-For", "X-Forwarded-Proto")
    ]
    lines.append("    http-request set-header X-Real-Ip %[src]")
    if layout.pem is not None:
        lines.append("    http-request set-header X-Forwarded-Proto https")
    return lines


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def parse_workers(text: str) -> tuple[WorkerAddress, ...]:
    """``host:port,host:port`` (``[v6]:port`` too) as workers ``w1``, ``w2``…"""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        raise InvalidInput(
            "Give the workers as host:port,host:port, for example "
            "10.0.0.11:8866,10.0.0.12:8866."
        )
    workers = [
        _worker(f"w{number}", part) for number, part in enumerate(parts, start=1)
    ]
    seen = [worker.address for worker in workers]
    for address in seen:
        if seen.count(address) > 1:
            raise InvalidInput(
                f"The worker {address} is named twice. Give each worker once."
            )
    return tuple(workers)


def _worker(name: str, text: str) -> WorkerAddress:
    host, _, port = text.rpartition(":")
    host = host.strip("[]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise InvalidInput(
            f"'{text}' is not a worker address. Write it as host:port, for example "
            "10.0.0.11:8866 (the address and --port of that machine's facilitate "
            "serve)."
        )
    return WorkerAddress(name, host, int(port))


def write_pem(certfile: Path, keyfile: Path, target: Path) -> Path:
    """Certificate then key in one file, readable by its owner only."""
    try:
        parts = [Path(certfile).read_bytes(), Path(keyfile).read_bytes()]
    except OSError as error:
        raise InvalidInput(
            f"Cannot read {error.filename} ({error.strerror}). Check the paths given "
            "with --certfile and --keyfile."
        ) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)
    with os.fdopen(descriptor, "wb") as pem:
        for part in parts:
            pem.write(part if part.endswith(b"\n") else part + b"\n")
    return target


def haproxy_binary(places: Sequence[str] | None = None) -> str:
    """The HAProxy program, or a sentence saying how to install it."""
    found = shutil.which("haproxy")
    if found:
        return found
    for place in HAPROXY_PLACES if places is None else places:
        if os.access(place, os.X_OK):
            return place
    raise FacilitateError(INSTALL_HAPROXY)


def check_config(binary: str, config: Path) -> None:
    """Let HAProxy read ``config`` first, so a mistake is one sentence, not a crash."""
    result = subprocess.run(
        [binary, "-c", "-f", str(config)], capture_output=True, text=True
    )
    if result.returncode != 0:
        said = [
            line.partition(") : ")[2].strip() or line.strip()
            for line in (result.stderr + result.stdout).splitlines()
            if "[ALERT]" in line
        ]
        detail = said[0] if said else f"exit code {result.returncode}"
        raise FacilitateError(
            f"HAProxy refused its configuration {config} ({detail}). Check the "
            "certificate and key, and the addresses given."
        )
