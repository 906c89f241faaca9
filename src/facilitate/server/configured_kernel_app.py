"""ipykernel's application and IPython shell, built once in the room's kernel template.

As it starts, every kernel parsed its command line, found its profile and
looked for configuration files: 15 ms of CPU and 1.1 MB of the template's pages
copied (the traits of every configurable class are read and written), the same
work with the same outcome in each of a room's kernels, as only the connection
file differs. Then it built its IPython shell (namespaces, magics, display
formatters, completer): another 14 ms and 1 MB. The template now configures
one application and builds its shell; a kernel forked from it names its
connection file, and its kernel takes the shell (ipykernel asks for the shell's
one instance), which ``adopt_template_shell`` then gives what is the kernel's
own: the kernel itself, the working folder and the environment.

Where a kernel's command line, or the environment that decides where
configuration is found, differs from the template's, the kernel configures an
application and builds a shell of its own as before.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ipykernel.kernelapp import IPKernelApp
from IPython.core.application import BaseIPythonApplication

#: The option Jupyter names a kernel's connection file with.
CONNECTION_OPTION = "-f"
#: Environment variables that decide which configuration files and profile
#: a kernel reads.
CONFIG_ENVIRONMENT = (
    "HOME",
    "IPYTHONDIR",
    "IPYTHON_SUPPRESS_CONFIG_ERRORS",
    "JUPYTER_CONFIG_DIR",
    "JUPYTER_CONFIG_PATH",
    "JUPYTER_NO_CONFIG",
    "JUPYTER_PLATFORM_DIRS",
    "JUPYTER_PREFER_ENV_PATH",
    "XDG_CONFIG_HOME",
)


class ConfiguredOnce(BaseIPythonApplication):
    """An application whose configuration step runs once, in the template."""

    configured_in_template = False

    def initialize(self, argv: list[str] | None = None) -> None:
        if self.configured_in_template:
            self.init_crash_handler()  # type: ignore[no-untyped-call]
            return
        super().initialize(argv)  # type: ignore[no-untyped-call]


class TemplateKernelApp(IPKernelApp, ConfiguredOnce):  # type: ignore[misc]
    """ipykernel's application, its configuration read in the template:
    ``IPKernelApp.initialize`` calls ``ConfiguredOnce.initialize`` next."""


@dataclass(frozen=True)
class Configuration:
    """What the template's application was configured with."""

    options: list[str]
    environment: dict[str, str | None]


_configured: Configuration | None = None


def configure_in_template(options: list[str]) -> bool:
    """Configure the template's application with a kernel's ``options`` (all
    but the connection file); False, and nothing kept, if that failed."""
    hook = sys.excepthook
    app = TemplateKernelApp.instance()
    try:
        ConfiguredOnce.initialize(app, options)
    except Exception:  # a broken configuration file: each kernel will say so
        TemplateKernelApp.clear_instance()
        return False
    finally:
        sys.excepthook = hook  # the template's own, until a kernel takes over
    global _configured
    app.configured_in_template = True
    _configured = Configuration(list(options), config_environment(os.environ))
    build_shell(app)
    return True


def build_shell(app: TemplateKernelApp) -> None:
    """Build the shell ipykernel would build for ``app``'s kernel, as it would."""
    from ipykernel.ipkernel import IPythonKernel

    if app.kernel_class is not IPythonKernel or "IPythonKernel" in app.config:
        return  # another kernel, or another shell: each kernel builds its own
    kernel_traits = IPythonKernel.class_traits()
    shell_class = kernel_traits["shell_class"].default_value
    template_main = sys.modules["__main__"]
    try:
        shell = shell_class.instance(
            parent=app,
            profile_dir=app.profile_dir,
            user_module=None,
            user_ns={},
            kernel=None,
            compiler_class=kernel_traits["compiler_class"].default_value,
        )
    except Exception:  # each kernel will build its own, and say what failed
        shell_class.clear_instance()
        return
    finally:
        sys.modules["__main__"] = template_main  # the shell's once a kernel has it
    shell.built_in_template = True


def adopt_template_shell(kernel: Any) -> None:
    """Give the shell built in the template what is this kernel's own."""
    shell = kernel.shell
    if not getattr(shell, "built_in_template", False):
        return
    shell.kernel = shell.parent = kernel
    shell.starting_dir = os.getcwd()
    shell.history_manager.dir_hist[:] = [Path.cwd()]
    shell.init_environment()  # the kernel's environment replaced the template's
    shell.init_sys_modules()


def config_environment(environ: Mapping[str, str]) -> dict[str, str | None]:
    """The part of ``environ`` that decides where configuration is found."""
    return {name: environ.get(name) for name in CONFIG_ENVIRONMENT}


def split_connection_file(options: list[str]) -> tuple[str | None, list[str]]:
    """The connection file named in ``options``, and the other options."""
    if CONNECTION_OPTION in options[:-1]:
        at = options.index(CONNECTION_OPTION)
        return options[at + 1], options[:at] + options[at + 2 :]
    return None, list(options)


def kernel_app(options: list[str], environ: Mapping[str, str]) -> Any:
    """The application to run a kernel with ``options`` in ``environ``: the
    template's, already configured, when they are what it was configured for;
    otherwise a new one that will configure itself from ``sys.argv``."""
    connection_file, others = split_connection_file(options)
    asked = Configuration(others, config_environment(environ))
    if connection_file is not None and asked == _configured:
        app = TemplateKernelApp.instance()
        app.connection_file = connection_file
        return app
    TemplateKernelApp.clear_instance()
    forget_template_shell()
    return IPKernelApp.instance()


def forget_template_shell() -> None:
    """Let a kernel that configures itself build its own shell too."""
    from IPython.core.interactiveshell import InteractiveShell

    shell: Any = InteractiveShell._instance
    if getattr(shell, "built_in_template", False):
        type(shell).clear_instance()
