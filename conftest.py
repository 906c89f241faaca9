"""The test run's own store: a seeded temporary one, never a real data folder.

nbval runs every notebook in workbooks/, and each page an activity ships in its
folder, against it (each must run without an error); tests/workbooks then checks
each page rendered its main widget.

Anything a test opens through the environment (``FACILITATE_DATA_DIR``) reaches a
store seeded with the demo session, and a ``QUERY_STRING`` carries that session's
code and facilitator key, as Voila gives a kernel it starts on request. The
workbooks themselves run in tests/workbooks, each against a store of its own.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

#: Browser fixtures (a real server, Debian's Chromium) for tests/browser and
#: tests/reliability alike, so one server serves both.
pytest_plugins = ["tests.live_server", "tests.postgres_server"]


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("FACILITATE_WORKBOOK_STORE"):
        return
    from facilitate.core.store import open_store
    from facilitate.demo import seed_demo

    data_dir = Path(tempfile.mkdtemp(prefix="facilitate-nbval-"))
    store = open_store(data_dir)
    session = seed_demo(store)
    store.close()
    os.environ["FACILITATE_WORKBOOK_STORE"] = str(data_dir)
    os.environ["FACILITATE_DATA_DIR"] = str(data_dir)
    os.environ["QUERY_STRING"] = f"code={session.code}&key={session.key}"
