"""``pip install .`` (not editable) gives a ``facilitate`` that serves the room.

The project is copied as a source tree would be, installed into a fresh virtual
environment, and ``facilitate demo`` from that environment must serve the
participant page, with workbooks and templates found inside the installed
package, not in this checkout. The environment borrows the test environment's
installed dependencies (a ``.pth`` file, and Voila's templates through
``JUPYTER_PATH``), so nothing is downloaded and it takes well under a minute and
a half.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.live_server import descendants, free_port, stop_server

PROJECT = Path(__file__).resolve().parents[2]
#: What a source distribution of the project holds.
SOURCE = (
    "pyproject.toml",
    "setup.py",
    "README.md",
    "src",
    "workbooks",
    "templates",
    "data",
)


def copy_project(into: Path) -> Path:
    source = into / "project"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints")
    for name in SOURCE:
        if (PROJECT / name).is_dir():
            shutil.copytree(PROJECT / name, source / name, ignore=ignore)
        else:
            shutil.copy(PROJECT / name, source / name)
    return source


def fresh_environment(into: Path) -> Path:
    """A new virtual environment that sees our dependencies but not our package."""
    env = into / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(env)], check=True
    )
    (own,) = env.glob("lib/python*/site-packages")
    borrowed = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (own / "borrowed-dependencies.pth").write_text("\n".join(borrowed) + "\n")
    return env


def served(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except OSError:
        return None


def test_a_plain_install_serves_the_demo(tmp_path):
    source = copy_project(tmp_path)
    env = fresh_environment(tmp_path)
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(env / "bin" / "python"),
         "install", "--quiet", "--no-deps", "--no-index", "--no-build-isolation",
         str(source)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stdout + installed.stderr
    (package,) = env.glob("lib/python*/site-packages/facilitate")
    assert (package / "workbooks" / "participant.ipynb").is_file()
    port = free_port()
    log = tmp_path / "demo.log"
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "FACILITATE_HOME")
    }
    # Voila's own templates are data files of the borrowed install, under its
    # prefix; a real install puts them under the new environment's.
    clean["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(env / "bin" / "facilitate"), "--data-dir", str(tmp_path / "data"),
             "demo", "--port", str(port), "--pool", "1"],
            stdout=out, stderr=subprocess.STDOUT, cwd=tmp_path, env=clean,
            start_new_session=True,
        )  # fmt: skip
    try:
        wait_for_links(log, process)
        page = f"http://127.0.0.1:{port}/voila/render/participant.ipynb"
        assert served(page) == 200, log.read_text()[-3000:]
        voilas = [p for p, c in descendants(process.pid).items() if b"voila" in c]
        assert voilas, "no Voila was started"
        for pid in voilas:
            environment = Path(f"/proc/{pid}/environ").read_bytes()
            assert f"{package / 'templates'}".encode() in environment
            assert (
                str(PROJECT).encode() not in Path(f"/proc/{pid}/cmdline").read_bytes()
            )
    finally:
        stop_server(process)


def wait_for_links(log: Path, process: subprocess.Popen[bytes]) -> None:
    """Until ``facilitate demo`` says it serves (it prints only once it does)."""
    import time

    deadline = time.monotonic() + 180
    while "Ctrl-C stops" not in log.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"facilitate demo did not serve:\n{log.read_text()[-3000:]}")
        time.sleep(0.1)
