"""A store that cannot be used is one clear sentence at startup, never a traceback."""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitate.core.config import Config
from facilitate.core.errors import StoreUnavailable
from facilitate.core.launcher import LAUNCHER_VARIABLE
from facilitate.core.store import DATABASE_NAME, open_store
from facilitate.ui.participant_page import participant_page
from tests.live_server import descendants, free_port, start_serve, stop_server


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "facilitate", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_serve_with_a_data_dir_that_is_a_file(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("not a directory")
    started = time.monotonic()
    result = run_cli("--data-dir", str(blocker), "serve", "--port", "1")
    assert time.monotonic() - started < 5
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        f"facilitate: Cannot open the session store at {blocker}"
    )


def test_serve_with_a_damaged_store_file(tmp_path):
    (tmp_path / DATABASE_NAME).write_text("this is not a database " * 100)
    result = run_cli("--data-dir", str(tmp_path), "session", "list")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "Cannot open the session store" in result.stderr


def make_read_only(path: Path) -> Callable[[], None]:
    """Make ``path`` unwritable even for root (immutable); return the undo."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return lambda: path.chmod(0o644)
    if shutil.which("chattr") is None:
        pytest.skip("root ignores file modes and chattr is not installed")
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"this filesystem cannot mark files immutable: {done.stderr!r}")
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)


def test_read_only_store_file(tmp_path):
    open_store(tmp_path).close()
    undo = make_read_only(tmp_path / DATABASE_NAME)
    try:
        with pytest.raises(StoreUnavailable, match="Cannot open the session store"):
            open_store(tmp_path)
        result = run_cli("--data-dir", str(tmp_path), "session", "list")
    finally:
        undo()
    assert result.returncode == 2
    assert result.stderr.startswith("facilitate: Cannot open the session store")
    assert "Traceback" not in result.stderr


def test_missing_store_file_is_created_fresh(tmp_path):
    store = open_store(tmp_path / "new" / "place")
    assert store.read("ANYONE") == []


def test_workbook_shows_the_sentence_instead_of_failing(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("not a directory")
    page = participant_page(Config(data_dir=blocker))
    text = page.root.children[1].value
    assert "Cannot open the session store" in text


def taken_port() -> socket.socket:
    """A port something else already listens on."""
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    return holder


def test_a_taken_port_is_one_line_and_exit_2_within_5_seconds(tmp_path):
    with taken_port() as holder:
        port = holder.getsockname()[1]
        started = time.monotonic()
        result = run_cli("--data-dir", str(tmp_path), "serve", "--port", str(port))
        took = time.monotonic() - started
    assert result.returncode == 2
    assert took < 5
    assert result.stdout == "", "no links for a room that never opened"
    assert result.stderr.splitlines() == [
        f"facilitate: Cannot listen on 127.0.0.1:{port} (Address already in use). "
        f"Choose another port with facilitate serve --port {port + 1}, or stop what "
        "is using it."
    ]


def test_under_make_run_the_hint_names_make_run(tmp_path):
    with taken_port() as holder:
        port = holder.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "facilitate", "--data-dir", str(tmp_path),
             "serve", "--port", str(port)],
            capture_output=True, text=True, timeout=60,
            env={**os.environ, LAUNCHER_VARIABLE: "make"},
        )  # fmt: skip
    assert f"Choose another port with make run PORT={port + 1}," in result.stderr


def press_ctrl_c(process: subprocess.Popen[bytes], log: Path) -> str:
    """What a terminal does on Ctrl-C: SIGINT to the foreground process group."""
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=90)
    finally:
        stop_server(process)
    return log.read_text()


def test_links_are_printed_only_once_the_port_answers(tmp_path):
    answered: list[bool] = []

    def links_printed(process: subprocess.Popen[bytes]) -> bool:
        if "Ctrl-C stops" not in (tmp_path / "serve.log").read_text():
            return False
        answered.append(answers(port))
        return True

    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = start_serve(tmp_path / "data", port, pool=3, out=out)
    try:
        wait_for(lambda: links_printed(process), process, log)
    finally:
        printed = press_ctrl_c(process, log)
    assert answered == [True], "the links were printed before the room answered"
    # Ctrl-C while the pool is still filling stops quietly too.
    assert "Traceback" not in printed
    assert process.returncode in (0, 130)


def test_ctrl_c_while_voila_starts_prints_no_traceback(tmp_path):
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = start_serve(tmp_path / "data", free_port(), pool=3, out=out)
    try:
        wait_for(lambda: bool(voilas(process.pid)), process, log)
    finally:
        printed = press_ctrl_c(process, log)
    assert "Traceback" not in printed
    assert "KeyboardInterrupt" not in printed
    assert "Ctrl-C stops" not in printed, "stopped before it served"
    assert process.returncode in (0, 130)


def voilas(ancestor: int) -> list[int]:
    return [pid for pid, line in descendants(ancestor).items() if b"voila" in line]


def answers(port: int) -> bool:
    """Whether the front door answers a request at all (any status, no redirect
    followed: the page it points to may take longer to build)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/lead/")
        return connection.getresponse().status > 0
    except OSError:
        return False
    finally:
        connection.close()


def wait_for(
    condition: Callable[[], bool], process: subprocess.Popen[bytes], log: Path
) -> None:
    deadline = time.monotonic() + 180
    while not condition():
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"serve never got there:\n{log.read_text()[-3000:]}")
        time.sleep(0.05)
