"""The kernel template does once what every forked kernel would do alike:
read ipykernel's configuration, and fill the allocator's free slots so each
kernel's new objects land in pages of its own."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager

from facilitate.server.forked_kernels import KernelTemplate
from facilitate.server.room_kernels import room_kernel_command
from tests.reliability.test_forked_kernels import last_line_printed

REPLY_SECONDS = 60
#: What a kernel says of itself: the application it runs in, how much that
#: logs, whether it keeps a history, whether its shell was built in the
#: template, and whether that shell is the kernel's own (its kernel, folder,
#: environment and ``__main__``).
ASK = """
import os, sys
shell = get_ipython()
app = shell.kernel.parent
own = (
    shell.kernel is app.kernel and shell.parent is app.kernel
    and shell.starting_dir == os.getcwd() == str(shell.history_manager.dir_hist[0])
    and os.environ.get("PAGER") == "cat" and os.environ.get("ROOM") == "yes"
    and sys.modules["__main__"] is shell.user_module
)
print(type(app).__name__, app.log_level, shell.history_manager.enabled,
      getattr(shell, "built_in_template", False), own)
"""


class Template:
    """A running kernel template, and the event loop that talks to it."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.process = KernelTemplate()
        assert self.loop.run_until_complete(self.process.start()), "it starts"

    def fork(self, argv: list[str], folder: Path) -> int:
        environment = {**os.environ, "ROOM": "yes"}  # not the template's
        forking = self.process.fork(argv, environment, str(folder))
        return self.loop.run_until_complete(forking)

    def stop(self) -> None:
        assert self.process.process is not None
        self.process.process.terminate()
        self.loop.run_until_complete(self.process.process.wait())
        self.loop.close()


@pytest.fixture(scope="module")
def template() -> Iterator[Template]:
    running = Template()
    yield running
    running.stop()


def room_command(connection_file: Path) -> list[str]:
    """The command line the room forks a Python kernel with."""
    spec = KernelSpecManager().get_kernel_spec("python3")
    argv = [part.format(connection_file=connection_file) for part in spec.argv]
    return room_kernel_command(argv)


def answer_of(template: Template, argv: list[str], folder: Path) -> str:
    """Fork a kernel with ``argv`` and return what it says to ``ASK``."""
    connection_file = Path(argv[argv.index("-f") + 1])
    write_connection_file(str(connection_file))
    pid = template.fork(argv, folder)
    assert pid, "the template forked the kernel"
    client = BlockingKernelClient(connection_file=str(connection_file))
    client.load_connection_file()
    client.start_channels()
    said: list[str] = []
    try:
        client.wait_for_ready(timeout=REPLY_SECONDS)
        client.execute_interactive(
            ASK,
            timeout=REPLY_SECONDS,
            output_hook=lambda message: said.append(message["content"].get("text", "")),
        )
    finally:
        client.stop_channels()
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return "".join(said).strip()


def test_a_room_kernel_runs_in_the_application_the_template_configured(
    template, tmp_path
):
    """A kernel forked as the room forks it skips reading the configuration
    and building its shell (29 ms and 2 MB a kernel), and still keeps no
    history, as told; the shell is the kernel's, in its folder."""
    argv = room_command(tmp_path / "kernel-room.json")
    said = answer_of(template, argv, tmp_path)
    assert said == "TemplateKernelApp 30 False True True"


def test_a_kernel_with_other_options_reads_its_own_configuration(template, tmp_path):
    """Options the template was not configured with are not lost: that kernel
    configures an application of its own from its command line."""
    argv = [*room_command(tmp_path / "kernel-other.json"), "--log-level=ERROR"]
    said = answer_of(template, argv, tmp_path)
    assert said == "IPKernelApp 40 False False True"


def test_the_template_fills_the_allocators_free_slots():
    """After the imports, hundreds of pools are partly free; filled, a forked
    kernel's new objects no longer copy a template page each."""
    probe = (
        "import gc\n"
        "from facilitate.server import kernel_template\n"
        "from facilitate.server.allocator_holes import fill_free_slots, free_slots\n"
        "kernel_template.preload()\n"
        "gc.collect()\n"
        "def free_bytes(): return sum(s * n for s, n in free_slots().items())\n"
        "before = free_bytes()\n"
        "filled = fill_free_slots()\n"
        "print(before > 100_000, filled > 1000, free_bytes() < before / 2)\n"
    )
    assert last_line_printed(probe) == "True True True"
