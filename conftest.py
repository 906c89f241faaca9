"""Workbook tests: every notebook in workbooks/ runs under nbval against a seeded store.

The store is seeded with the demo session before any kernel starts; kernels inherit
``FACILITATE_DATA_DIR`` and, as Voila does for kernels it starts on request, a
``QUERY_STRING`` carrying that session's code and facilitator key.
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
    from facilitate.demo import seed_demo
    from facilitate.core.store import open_store

    data_dir = Path(tempfile.mkdtemp(prefix="facilitate-nbval-"))
    store = open_store(data_dir)
    session = seed_demo(store)
    store.close()
    os.environ["FACILITATE_WORKBOOK_STORE"] = str(data_dir)
    os.environ["FACILITATE_DATA_DIR"] = str(data_dir)
    os.environ["QUERY_STRING"] = f"code={session.code}&key={session.key}"
