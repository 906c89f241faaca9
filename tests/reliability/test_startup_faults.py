"""A store that cannot be used is one clear sentence at startup, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitate.core.config import Config
from facilitate.core.errors import StoreUnavailable
from facilitate.core.store import DATABASE_NAME, open_store
from facilitate.ui.participant_page import participant_page


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
    result = run_cli("--data-dir", str(blocker), "serve", "--port", "1")
    assert result.returncode == 2
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
