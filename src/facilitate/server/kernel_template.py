"""The room's kernel template: imports paid once, each participant kernel forked.

Every participant kernel used to be a fresh Python that imported ipykernel,
ipywidgets and our pages on its own: 40 MB and a third of a CPU second each,
two hundred and fifty times over. This process imports them once,
before any thread or socket exists, then waits on a local socket. Asked for a
kernel, it forks: the child shares every imported module with the template
(copy-on-write, frozen out of the garbage collector's reach so its pages stay
shared) and only has to start ipykernel itself. The template has also read
ipykernel's configuration and built its shell (``configured_kernel_app``), and
filled the allocator's free slots (``allocator_holes``), so a kernel writes
to as few of the template's pages as it can.

The child is a kernel like any other: a session of its own (so the provisioner
can signal, interrupt and lower it), the environment, working directory and
command line Jupyter asked for, its own connection file. The template never
waits for its children (Linux reaps them) and ends when its parent, the room's
Voila, ends.

Run as ``python -m facilitate.server.kernel_template SOCKET``; it prints
``ready`` once it listens, or ``unsafe: ...`` and ends when an import started a
thread (forking then would copy a lock held by a thread that does not exist in
the child), and the room launches kernels as before.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import json
import os
import signal
import socket
import sys
import threading
import traceback
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path
from typing import Any

from facilitate.server.allocator_holes import fill_free_slots

#: What every participant kernel imports: ipykernel and its shell, the widget
#: library, our pages, and each activity's participant view. Not pandas or
#: plotly: no participant page uses them, and every module here costs each
#: kernel memory of its own (ipykernel reads every loaded module's file name as
#: it starts, which copies that module's pages: 8.5 MB for pandas and plotly).
PRELOADED = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.comm",
    "ipykernel.debugger",
    "debugpy",
    "psutil",
    "IPython.core.interactiveshell",
    "IPython.core.completerlib",
    "IPython.core.debugger",
    "IPython.extensions.storemagic",
    "IPython.core.oinspect",
    "IPython.core.logger",
    "IPython.utils.wildcard",
    "faulthandler",
    "tornado.platform.asyncio",
    "ipywidgets",
    "facilitate.ui.participant_page",
)
#: Room kernels keep no IPython history: nobody types into them, and 250
#: kernels writing one history database only waited on each other's locks.
NO_HISTORY = "--HistoryManager.enabled=False"
#: Seconds between looks at whether the room's Voila is still there.
PARENT_CHECK_SECONDS = 1.0
#: The interpreter's option naming the module to run (the only launch we fork).
MODULE_OPTION = "-m"
KERNEL_MODULE = "ipykernel_launcher"
#: Bytes of command line the template is started with beyond its own, so each
#: kernel can show its own there (``show_as``).
TITLE_ROOM = 600


#: Every loaded module's file, listed once here for each kernel's debugger.
MODULE_FILES: list[str] = []


def preload() -> None:
    """Import what every kernel needs, each activity's participant view included,
    and read the language catalogues every join page reads (7 MB of Babel's
    locale data and our translations, each kernel's own otherwise)."""
    for name in PRELOADED:
        import_module(name)
    from facilitate.core import language
    from facilitate.core.agenda import current_agenda

    for code in language.codes():
        language.catalogue(code)

    for activity in current_agenda().activities:
        for role in ("participant", "join_question"):
            reference = getattr(activity, role, None)
            if reference is not None:
                reference.load()
    MODULE_FILES[:] = [
        file
        for module in list(sys.modules.values())
        if (file := getattr(module, "__file__", None))
    ]


def forkable(argv: list[str]) -> bool:
    """True for Jupyter's Python kernel command (``-m ipykernel_launcher``)."""
    return argv[1:3] == [MODULE_OPTION, KERNEL_MODULE]


def show_as(argv: list[str]) -> None:
    """Make ``ps`` (``/proc/PID/cmdline``) show this process as ``argv``.

    The command line Linux shows is the memory the program's arguments were
    passed in; a kernel should read as one, not as a second template. The
    template is started with ``TITLE_ROOM`` spare bytes there, so a kernel's
    command line fits; where it does not, or ``/proc`` is missing, nothing changes.
    """
    try:
        stat = Path("/proc/self/stat").read_text(encoding="ascii")
        fields = stat.rsplit(")", 1)[1].split()
        start, end = int(fields[45]), int(fields[46])
    except (OSError, IndexError, ValueError):
        return
    title = b"\0".join(os.fsencode(part) for part in argv) + b"\0"
    if len(title) <= end - start:
        ctypes.memmove(start, title.ljust(end - start, b"\0"), end - start)


def run_kernel() -> None:
    """Start ipykernel as its launcher would, with the application the template
    configured where it fits, then connect the widgets to it."""
    from facilitate.server.configured_kernel_app import (
        adopt_template_shell,
        kernel_app,
    )

    app = kernel_app(sys.argv[1:], os.environ)
    with module_files_from_template(app):
        app.initialize()  # type: ignore[no-untyped-call]
    adopt_template_shell(app.kernel)
    connect_widgets()
    app.start()  # type: ignore[no-untyped-call]


class SysWithoutModules:
    """``sys`` as ipykernel's kernel module sees it while the kernel is built:
    all of it but the loaded modules, which it would read one by one."""

    def __init__(self) -> None:
        self.modules: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(sys, name)


@contextlib.contextmanager
def module_files_from_template(app: Any) -> Iterator[None]:
    """Build the kernel with the module list the template made (``MODULE_FILES``).

    As it builds the kernel, ipykernel lists every loaded module's file for its
    debugger. In a forked kernel that read of some 1,500 modules and names
    writes to the pages they sit on (their reference counts), which copies
    those pages: 2.5 MB more for each kernel. The template listed them once.
    Where ipykernel no longer reads the list this way, nothing changes.
    """
    from ipykernel import ipkernel

    if not hasattr(ipkernel, "sys") or not MODULE_FILES:
        yield
        return
    ipkernel.sys = SysWithoutModules()  # type: ignore[assignment]
    try:
        yield
    finally:
        ipkernel.sys = sys
    kernel = getattr(app, "kernel", None)
    if kernel is not None and hasattr(kernel, "_kernel_modules"):
        kernel._kernel_modules = MODULE_FILES
        debugger = getattr(kernel, "debugger", None)
        if debugger is not None:
            debugger.kernel_modules = MODULE_FILES


def connect_widgets() -> None:
    """Do what ipywidgets does on import in a kernel, which the template could
    not: there was no kernel yet. Register its comm targets, and open a comm
    for each widget made on import (a shared ``Layout``), under the same id;
    without either, a page stays on "Loading widget..."."""
    import ipywidgets
    from ipywidgets.widgets.widget import _instances

    ipywidgets.register_comm_target()
    for widget in list(_instances.values()):
        widget.comm = None
        widget.open()


def parent_option(template_pid: int) -> str:
    """The option telling a kernel which process to watch (and stay quiet for)."""
    return f"--IPKernelApp.parent_handle={template_pid}"


def become_kernel(request: dict[str, Any], template_pid: int, told: int) -> None:
    """In the forked child: take on the kernel's session (then say so on
    ``told``), place and environment, then run ipykernel; never returns."""
    code = 1
    try:
        os.setsid()
        os.write(told, b".")
        os.close(told)
        for number in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
            signal.signal(number, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        os.environ["JPY_PARENT_PID"] = str(template_pid)
        # ipykernel read its parent from the environment on import, in the
        # template: say it again, so the kernel watches the template and stays quiet.
        sys.argv = [KERNEL_MODULE, *request["argv"][3:], parent_option(template_pid)]
        show_as(request["argv"])
        run_kernel()
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def serve(listener: socket.socket, parent: int) -> None:
    """Fork a kernel for each request, until the parent process has gone."""
    listener.settimeout(PARENT_CHECK_SECONDS)
    while os.getppid() == parent:
        try:
            connection, _ = listener.accept()
        except TimeoutError:
            continue
        with connection:
            connection.settimeout(None)
            request = json.loads(connection.makefile("rb").readline())
            if not forkable(request["argv"]):
                connection.sendall(b'{"pid": 0}\n')
                continue
            pid = fork(request, (listener, connection))
            connection.sendall(json.dumps({"pid": pid}).encode() + b"\n")


def fork(request: dict[str, Any], sockets: tuple[socket.socket, ...]) -> int:
    """Fork a kernel; return its pid once it is in a session of its own, so
    whatever the room does to that session (lower it) is not done to ours."""
    ready, told = os.pipe()
    pid = os.fork()
    if pid == 0:
        for each in sockets:
            each.close()
        os.close(ready)
        become_kernel(request, os.getppid(), told)
    os.close(told)
    os.read(ready, 1)  # the child's own session exists (or the child is gone)
    os.close(ready)
    return pid


def os_threads() -> int:
    """Threads of this process, those Python did not start included (numpy's
    BLAS pool: ``OPENBLAS_NUM_THREADS=1`` keeps it to the main thread)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def main(path: str) -> None:
    # Told to stop as the room's Voila ends, even while still importing: leave
    # through ``finally``, which removes the socket and its folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        prepare_and_serve(path)
    finally:
        remove_socket(Path(path))


def prepare_and_serve(path: str) -> None:
    """Import, check it is safe to fork, then fork kernels until the room ends."""
    parent = os.getppid()
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]  # as ipykernel's launcher does; the kernel adds it back
    preload()
    configure_kernels()
    threads = os_threads()
    if threads > 1:
        print(f"unsafe: the imports left {threads} threads running", flush=True)
        return
    gc.collect()
    fill_free_slots()  # after collecting, which frees slots
    gc.freeze()  # the collector no longer writes to (and so unshares) these pages
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # Linux reaps the kernels
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(path)
        listener.listen(64)
        print("ready", flush=True)
        os.dup2(2, 1)  # kernels write where Voila's kernels write, not to a pipe
        serve(listener, parent)


def configure_kernels() -> None:
    """Read ipykernel's configuration once, for kernels started as the room
    starts them (``NO_HISTORY``); other kernels read their own."""
    from facilitate.server.configured_kernel_app import configure_in_template

    configure_in_template([NO_HISTORY, parent_option(os.getpid())])


def remove_socket(path: Path) -> None:
    """Remove the socket, and its folder once nothing else is in it."""
    path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # not empty, or already gone: leave it
        path.parent.rmdir()


if __name__ == "__main__":
    main(sys.argv[1])  # sys.argv[2] is only room for the kernels' titles
