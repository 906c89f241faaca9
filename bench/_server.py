"""Start and stop a real ``facilitate serve`` for benchmarks (loopback only)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from facilitate.core.store import DATABASE_NAME


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _processes() -> dict[int, tuple[int, bytes]]:
    """Every process as pid -> (parent pid, command line)."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = next(
            int(row.split()[1]) for row in status.splitlines() if row.startswith("PPid")
        )
        table[int(entry.name)] = (ppid, cmdline)
    return table


def kernel_pids(ancestor: int) -> list[int]:
    """Process ids of ipykernel processes descended from ``ancestor``."""
    table = _processes()

    def descends(pid: int) -> bool:
        while pid > 1:
            pid = table.get(pid, (0, b""))[0]
            if pid == ancestor:
                return True
        return False

    return [
        pid for pid, (_, cmd) in table.items() if b"ipykernel" in cmd and descends(pid)
    ]


def voila_pid(ancestor: int, base_url: str) -> int:
    """The Voila process serving ``base_url`` ("/" the room, "/lead/" the lead)."""
    table = _processes()
    wanted = f"--Voila.base_url={base_url}".encode()
    for pid, (_, cmd) in table.items():
        if wanted in cmd.split(b"\0") and pid in _descendants(table, ancestor):
            return pid
    return 0


def _descendants(table: dict[int, tuple[int, bytes]], ancestor: int) -> set[int]:
    found = {ancestor}
    grew = True
    while grew:
        more = {pid for pid, (ppid, _) in table.items() if ppid in found} - found
        found |= more
        grew = bool(more)
    return found - {ancestor}


def cpu_seconds(pid: int) -> float:
    """CPU seconds ``pid`` has used so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu(ancestor: int) -> float:
    """CPU seconds used so far by ``ancestor`` and everything under it (the front
    door, both Voilas and every kernel)."""
    table = _processes()
    return sum(cpu_seconds(pid) for pid in {ancestor} | _descendants(table, ancestor))


#: The file every page opens as its notebook runs: a kernel holding it open has
#: run its notebook and is warm. (CPU used is no sign: a kernel forked from the
#: room's template has paid its imports before it exists.)
STORE_FILE = DATABASE_NAME


def has_run_notebook(pid: int) -> bool:
    """True once kernel ``pid`` has the session log open (its page was built)."""
    try:
        links = [os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()]
    except OSError:
        return False
    return any(Path(link).name == STORE_FILE for link in links)


#: What an idle kernel with a page attached costs (heartbeats, a look at the log
#: now and then): hundreds of them never add up to under a fifth of a core.
IDLE_CORE_PER_KERNEL = 0.002


def settle(
    process: subprocess.Popen[bytes], kernels: int, limit: float = 1200
) -> float:
    """Seconds until ``kernels`` kernels run, each has run its notebook (holds
    the session log open), and the server with all its processes uses under a fifth of a
    core, or ``IDLE_CORE_PER_KERNEL`` per kernel when that is more (the machine
    is shared, so its load average cannot be the signal).

    Voila itself counts: while it is still preheating, kernels wait for it idle.
    """
    start = time.monotonic()

    def started() -> int:
        return sum(has_run_notebook(pid) for pid in kernel_pids(process.pid))

    while started() < kernels:
        if time.monotonic() - start > limit or process.poll() is not None:
            break
        time.sleep(1)
    quiet = max(0.6, 3 * IDLE_CORE_PER_KERNEL * kernels)
    before = tree_cpu(process.pid)
    while time.monotonic() - start < limit:
        time.sleep(3)
        after = tree_cpu(process.pid)
        if after - before < quiet:
            break
        before = after
    return time.monotonic() - start


def pss_mb(pid: int) -> float:
    """Proportional set size: shared pages split among the processes sharing them."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextmanager
def running_server(
    pool: int, extra: tuple[str, ...] = (), ready_seconds: float = 120
) -> Iterator[tuple[str, Path, subprocess.Popen[bytes]]]:
    """``facilitate serve`` (with ``extra`` arguments) until the block ends."""
    data_dir = Path(tempfile.mkdtemp(prefix="facilitate-bench-"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "QUERY_STRING"}
    log = (data_dir / "serve.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "facilitate",
            "--data-dir",
            str(data_dir),
            "serve",
            "--port",
            str(port),
            "--pool",
            str(pool),
            *extra,
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_seconds
        while time.monotonic() < deadline and process.poll() is None:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).close()
                break
            except OSError:
                time.sleep(0.3)
        yield base, data_dir, process
    finally:
        process.terminate()
        process.wait(timeout=90)


def listen_overflows() -> int:
    """Connections this machine has dropped because a listening socket's queue
    was full (each waits a second before its retry), from ``/proc/net/netstat``;
    0 where it cannot be read."""
    try:
        lines = Path("/proc/net/netstat").read_text().splitlines()
    except OSError:
        return 0
    for names, values in zip(lines[::2], lines[1::2], strict=False):
        if names.startswith("TcpExt:"):
            row = dict(zip(names.split(), values.split(), strict=False))
            return int(row.get("ListenOverflows", 0))
    return 0
