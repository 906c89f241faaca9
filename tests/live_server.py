"""Fixtures: a real ``facilitate serve`` and Debian's Chromium for browser tests.

Browser tests skip loudly when Chromium is absent on a developer's machine; under CI
(``CI=true``) its absence is a failure, since .ci/run installs it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from subprocess import Popen
from typing import IO

import pytest

from facilitate.core.pdf import CHROMIUM_QUIET_FLAGS
from facilitate.core.sessions import SessionInfo, create_session, display_token
from facilitate.core.store import SQLiteStore, open_store

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = list(CHROMIUM_QUIET_FLAGS)
WIDGET_TIMEOUT_MS = 60_000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    base: str
    data_dir: Path
    store: SQLiteStore
    process: subprocess.Popen[bytes]
    log: Path

    def new_session(self, title: str = "Browser test", k: int = 5) -> SessionInfo:
        return create_session(self.store, title, min_group_size=k)

    def participant_url(self, code: str) -> str:
        return f"{self.base}/voila/render/participant.ipynb?code={code}"

    def page_url(
        self, notebook: str, session: SessionInfo, key: str | None = None
    ) -> str:
        key = session.key if key is None else key
        page = f"{self.base}/lead/voila/render/{notebook}.ipynb"
        return f"{page}?code={session.code}&key={key}"

    def console_url(self, session: SessionInfo, key: str | None = None) -> str:
        return self.page_url("console", session, key)

    def remote_url(self, session: SessionInfo, key: str | None = None) -> str:
        return self.page_url("remote", session, key)

    def display_url(self, session: SessionInfo, view: str | None = None) -> str:
        """The projector's link: the view-only token, never the key."""
        view = display_token(self.store, session) if view is None else view
        page = f"{self.base}/lead/voila/render/display.ipynb"
        return f"{page}?code={session.code}&view={view}"


def wait_for_address(
    url: str,
    process: subprocess.Popen[bytes],
    log: Path,
    context: ssl.SSLContext | None = None,
    seconds: float = 180,
) -> None:
    """Wait until ``url`` answers at all (any HTTP status); fail with the log."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"facilitate serve died:\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5, context=context):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"facilitate serve did not answer:\n{log.read_text()[-4000:]}")


def wait_until_serving(server: Server, seconds: float = 180) -> None:
    wait_for_address(server.base + "/lead/", server.process, server.log, None, seconds)


def descendants(ancestor: int) -> dict[int, bytes]:
    """Every process descended from ``ancestor``, as pid -> command line."""
    parents: dict[int, int] = {}
    commands: dict[int, bytes] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            commands[int(entry.name)] = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = next(line for line in status.splitlines() if line.startswith("PPid"))
        parents[int(entry.name)] = int(parent.split()[1])

    def descends(pid: int) -> bool:
        while pid > 1:
            pid = parents.get(pid, 0)
            if pid == ancestor:
                return True
        return False

    return {pid: command for pid, command in commands.items() if descends(pid)}


def kernel_pids(ancestor: int) -> list[int]:
    """Process ids of the ipykernel processes descended from ``ancestor``."""
    return [
        pid for pid, command in descendants(ancestor).items() if b"ipykernel" in command
    ]


def voila_pid(ancestor: int, base_url: str) -> int:
    """The Voila serving ``base_url`` ("/" or "/lead/") under ``ancestor``."""
    marker = f"\0--Voila.base_url={base_url}\0".encode()
    for pid, command in descendants(ancestor).items():
        if marker in command:
            return pid
    raise AssertionError(f"no Voila for {base_url} under process {ancestor}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop ``facilitate serve``, then anything left in its process group."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def start_serve(
    data_dir: Path, port: int, pool: int, out: IO[bytes], extra: list[str] | None = None
) -> Popen:
    """``facilitate serve`` as a child in its own process group, logging to ``out``."""
    env = {k: v for k, v in os.environ.items() if k != "QUERY_STRING"}
    command = [sys.executable, "-m", "facilitate", "--data-dir", str(data_dir)]
    command += ["serve", "--port", str(port), "--pool", str(pool), *(extra or [])]
    return subprocess.Popen(
        command, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
    )


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data_dir = tmp_path_factory.mktemp("served-data")
    log = data_dir / "serve.log"
    port = free_port()
    with log.open("wb") as out:
        process = start_serve(data_dir, port, pool=4, out=out)
    running = Server(
        f"http://127.0.0.1:{port}",
        data_dir,
        open_store(data_dir),  # type: ignore[arg-type]
        process,
        log,
    )
    try:
        wait_until_serving(running)
        yield running
    finally:
        stop_server(running.process)
        running.store.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        message = (
            f"Chromium is not installed at {CHROMIUM}: browser tests cannot run. "
            "Install it with `apt-get install chromium` (.ci/run does)."
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(chromium: object) -> Iterator[object]:
    """Open pages, each in its own browser context (its own localStorage)."""
    contexts = []

    def open_page() -> object:
        context = chromium.new_context()  # type: ignore[attr-defined]
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(WIDGET_TIMEOUT_MS)
        page.on(
            "dialog", lambda dialog: pytest.fail(f"a dialog fired: {dialog.message}")
        )
        return page

    yield open_page
    for context in contexts:
        context.close()
