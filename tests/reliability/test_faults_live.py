"""Faults during a live session: a killed kernel, a restarted server."""

from __future__ import annotations

import os
import re
import signal
import subprocess
from pathlib import Path

import pytest

from facilitate.core.events import PhaseChanged
from tests.browser.people import join, wait_for_text
from tests.live_server import (
    Server,
    free_port,
    start_serve,
    stop_server,
    wait_until_serving,
)

pytestmark = pytest.mark.browser


def kernel_process(kernel_id: str) -> int:
    """The pid of the kernel process whose connection file names ``kernel_id``."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if b"ipykernel" in cmdline and kernel_id.encode() in cmdline:
                return int(entry.name)
    raise AssertionError(f"no process for kernel {kernel_id}")


def page_kernel_id(page) -> str:
    found = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', page.content())
    assert found, "the page names its kernel"
    return found.group(1)


def test_killed_kernel_then_reload_is_the_same_person(server, new_page):
    session = server.new_session("Kernel killed")
    page = new_page()
    join(page, server.participant_url(session.code), "Kim", choice=2)
    os.kill(kernel_process(page_kernel_id(page)), signal.SIGKILL)
    page.reload()
    page.wait_for_selector(".fc-phase h2")
    assert "You are in as Kim." in page.inner_text(".fc-status")
    checked = page.locator(".fc-my-checkin input[type=radio]").nth(2)
    assert checked.is_checked()
    assert len(server.store.read(session.code, kinds=["participant_joined"])) == 1


def start_server(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    with (data_dir / "restart.log").open("ab") as out:
        return start_serve(data_dir, port, pool=1, out=out)


def test_server_restart_keeps_answers_and_phase(tmp_path, new_page):
    port = free_port()
    process = start_server(tmp_path, port)
    from facilitate.core.store import open_store

    store = open_store(tmp_path)
    running = Server(
        f"http://127.0.0.1:{port}",
        tmp_path,
        store,
        process,  # type: ignore[arg-type]
        tmp_path / "restart.log",
    )
    try:
        wait_until_serving(running)
        session = running.new_session("Restarted")
        people = [new_page(), new_page()]
        for page, name in zip(people, ["Lu", "Mo"], strict=True):
            join(page, running.participant_url(session.code), name)
        store.append(session.code, PhaseChanged("alignment"))
        stop_server(process)
        running.process = process = start_server(tmp_path, port)
        wait_until_serving(running)
        remote = new_page()
        remote.goto(running.remote_url(session))
        wait_for_text(remote, ".fc-count", "2", timeout_ms=60_000)
        # The count and the stepper are two widgets: each reaches the page
        # in its own message, so wait for the stepper rather than read it.
        wait_for_text(remote, ".fc-step-count", "Phase 3 of 6")
        assert "Shared vision alignment" in remote.inner_text(".fc-step-current")
        people[0].reload()
        wait_for_text(people[0], ".fc-phase h2", "Shared vision alignment", 60_000)
    finally:
        stop_server(process)
        store.close()
