"""Participant kernels forked from the room's template behave as kernels: a
killed one is restarted (forked again, at the room's priority), and everyone,
the person whose kernel died included, still answers and is counted."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import zmq

from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.server.kernel_template import NO_HISTORY
from facilitate.server.priority import session_niceness
from facilitate.server.room_kernels import (
    ROOM_KERNEL_NICENESS,
    ROOM_MAX_SOCKETS,
    RoomKernelManager,
)
from tests.browser.people import join, wait_for_count, wait_for_text
from tests.live_server import descendants, voila_pid

pytestmark = pytest.mark.browser
PEOPLE = ("Ana", "Ben", "Cy")
RESTART_SECONDS = 60


def parent_of(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(r for r in status.splitlines() if r.startswith("PPid")).split()[1])


def kernel_of(room: int, kernel_id: str) -> int:
    """The process of kernel ``kernel_id`` under the room's Voila (0 if none)."""
    for pid, command in descendants(room).items():
        if b"ipykernel" in command and kernel_id.encode() in command:
            return pid
    return 0


def page_kernel_id(page) -> str:
    found = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', page.content())
    assert found, "the page names its kernel"
    return found.group(1)


def is_template(pid: int) -> bool:
    return (
        b"facilitate.server.kernel_template"
        in Path(f"/proc/{pid}/cmdline").read_bytes()
    )


def restarted(room: int, kernel_id: str, killed: int) -> int:
    """The new process of kernel ``kernel_id``, once Jupyter has restarted it."""
    deadline = time.monotonic() + RESTART_SECONDS
    while time.monotonic() < deadline:
        pid = kernel_of(room, kernel_id)
        if pid and pid != killed:
            return pid
        time.sleep(0.2)
    raise AssertionError(f"kernel {kernel_id} was not restarted")


def test_a_killed_forked_kernel_restarts_and_everyone_still_answers(server, new_page):
    session = server.new_session("Forked kernels")
    room = voila_pid(server.process.pid, "/")
    display = new_page()
    display.goto(server.display_url(session))
    wait_for_text(display, ".fc-count-number", "0", timeout_ms=60_000)
    phones = {name: new_page() for name in PEOPLE}
    for name, page in phones.items():
        join(page, server.participant_url(session.code), name)
    wait_for_text(display, ".fc-count-number", "3", timeout_ms=30_000)

    kernel_id = page_kernel_id(phones["Ben"])
    killed = kernel_of(room, kernel_id)
    assert is_template(parent_of(killed)), "the room's kernels are forked"
    assert NO_HISTORY.encode() in Path(f"/proc/{killed}/cmdline").read_bytes()
    os.kill(killed, signal.SIGKILL)
    again = restarted(room, kernel_id, killed)
    assert is_template(parent_of(again)), "a restarted kernel is forked too"
    deadline = time.monotonic() + RESTART_SECONDS
    while session_niceness(again) not in (ROOM_KERNEL_NICENESS, None):
        assert time.monotonic() < deadline, "the restarted kernel runs behind"
        time.sleep(0.2)

    phones["Ben"].reload()  # the page of a dead kernel is reloaded, as a phone would
    phones["Ben"].wait_for_selector(".fc-phase h2")
    for answered, page in enumerate(phones.values(), start=1):
        page.locator(".fc-my-checkin input[type=radio]").nth(3).check()
        wait_for_count(server.store, session.code, CheckinAnswered.kind, 3 + answered)
    answers = server.store.read(session.code, kinds=[CheckinAnswered.kind])
    assert len({r.event.participant for r in answers[3:]}) == len(PEOPLE)
    wait_for_text(display, ".fc-count-number", "3")


def test_the_room_has_sockets_for_a_hall_of_250_and_its_pool():
    """ZeroMQ's default of 1023 sockets ran out at about 500 kernels."""
    manager = RoomKernelManager()
    assert manager.context.get(zmq.MAX_SOCKETS) == ROOM_MAX_SOCKETS >= 4 * 500


def last_line_printed(probe: str) -> str:
    """Run ``probe`` in a fresh Python, as the template runs (numpy's thread pool
    kept to the main thread), and return the last line it printed."""
    said = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "OPENBLAS_NUM_THREADS": "1"},
        timeout=120,
    )
    lines = said.stdout.splitlines()
    assert lines, said.stderr[-2000:]
    return lines[-1]


def test_the_template_holds_what_a_join_page_reads_and_no_chart_library():
    """Every module the template holds costs each kernel memory of its own, so
    pandas and plotly (no participant page draws a chart) stay out; the language
    catalogues every join page reads are read once, in the template."""
    probe = (
        "import sys\n"
        "from facilitate.server import kernel_template\n"
        "from facilitate.core import language\n"
        "kernel_template.preload()\n"
        "print(sorted({'pandas', 'plotly'} & set(sys.modules)),"
        " language.catalogue.cache_info().currsize == len(language.codes()))\n"
    )
    assert last_line_printed(probe) == "[] True"


def test_the_template_removes_its_socket_folder_when_told_to_stop(tmp_path):
    """The room's Voila ending sends the template SIGTERM (``stop_with_parent``):
    nothing of the room is left behind in the temporary folder."""
    folder = tmp_path / "facilitate-kernels-test"
    folder.mkdir()
    socket = folder / "template.sock"
    template = subprocess.Popen(
        [sys.executable, "-m", "facilitate.server.kernel_template", str(socket)],
        stdout=subprocess.PIPE,
        env={**os.environ, "OPENBLAS_NUM_THREADS": "1"},
    )
    assert template.stdout is not None
    assert template.stdout.readline().strip() == b"ready"
    assert socket.exists()
    template.terminate()
    assert template.wait(timeout=30) == 0
    assert not folder.exists()


def test_a_forked_kernel_takes_the_templates_module_list(tmp_path):
    """ipykernel lists every loaded module's file as it builds a kernel; in a
    forked kernel that read copies the pages of 1,500 modules (2.5 MB each), so
    the kernel is given the list the template made once."""
    probe = (
        "import sys\n"
        "from facilitate.server import kernel_template\n"
        "from ipykernel import ipkernel\n"
        "from ipykernel.kernelapp import IPKernelApp\n"
        "kernel_template.preload()\n"
        "app = IPKernelApp.instance()\n"
        "with kernel_template.module_files_from_template(app):\n"
        f"    app.initialize(['-f', {str(tmp_path / 'kernel.json')!r}])\n"
        "listed = kernel_template.MODULE_FILES\n"
        "print(app.kernel._kernel_modules is listed,"
        " getattr(app.kernel, 'debugger', app.kernel).__dict__.get("
        "'kernel_modules', listed) is listed,"
        " ipkernel.__file__ in listed, ipkernel.sys is sys, file=sys.__stdout__)\n"
        "sys.__stdout__.flush()\n"
        "import os; os._exit(0)\n"
    )
    assert last_line_printed(probe) == "True True True True"
