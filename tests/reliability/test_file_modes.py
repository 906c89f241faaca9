"""A new data directory is its owner's only: 0700, and every file in it 0600.

The command runs as it would on a school computer whose umask lets everyone read
new files (022); the store stays open meanwhile, so the journal files exist too.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys

from facilitate.core.sessions import list_sessions
from facilitate.core.store import open_store


def run_cli(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "facilitate", *args],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.umask(0o022),
        check=True,
    )
    return done.stdout


def test_a_new_data_directory_and_everything_in_it_is_the_owners_only(tmp_path):
    data = tmp_path / "data"
    run_cli("--data-dir", str(data), "session", "new", "Modes")
    old = os.umask(0o022)
    try:
        store = open_store(data)
        code = list_sessions(store)[0].code
        exports = data / "exports"
        run_cli(
            "--data-dir", str(data), "export", code, "--to", "csv", "--event-log",
            "--out", str(exports),
        )  # fmt: skip
        found = {
            path.relative_to(tmp_path).as_posix(): stat.S_IMODE(path.stat().st_mode)
            for path in [data, *data.rglob("*")]
        }
        store.close()
    finally:
        os.umask(old)
    assert {"data/facilitate.sqlite3-wal", "data/facilitate.sqlite3-shm"} <= set(found)
    assert any(name.endswith("/events.csv") for name in found)
    wrong = {
        name: oct(mode)
        for name, mode in found.items()
        if mode != (0o700 if (tmp_path / name).is_dir() else 0o600)
    }
    assert wrong == {}
