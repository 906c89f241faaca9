"""How the person started the server, so hints name the command they used.

``make run`` passes its settings as ``HOST=`` and ``PORT=``, not as ``--host``
and ``--port``; a hint that names the other command sends a ``make run`` user
looking for options they never typed. The Makefile sets ``FACILITATE_LAUNCHER``
to ``make`` (and ``facilitate demo`` to ``demo``); Voila's kernels inherit it,
so the display's hints can match too.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LAUNCHER_VARIABLE = "FACILITATE_LAUNCHER"


def serve_setting(
    option: str, value: str, environ: Mapping[str, str] | None = None
) -> str:
    """The command that serves with ``--option value``, as the person started it.

    ``serve_setting("host", "0.0.0.0")`` is ``facilitate serve --host 0.0.0.0``,
    or ``make run HOST=0.0.0.0`` under ``make run``.
    """
    environ = os.environ if environ is None else environ
    launcher = environ.get(LAUNCHER_VARIABLE, "")
    if launcher == "make":
        return f"make run {option.upper().replace('-', '_')}={value}"
    command = "demo" if launcher == "demo" else "serve"
    return f"facilitate {command} --{option} {value}"
