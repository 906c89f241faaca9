"""A plain (non-editable) install carries every content file, and the loaders find
it there: the wheel is built offline from a copy of the project, then imported
straight from the zip, where no ``data/`` folder can be reached by climbing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from facilitate.core.page_table import page_table
from tests.unit.content_files import CONTENT_FILES, SOURCE_ROOT, yaml_files_in_source

PROJECT = SOURCE_ROOT.parent

LOAD_EVERY_FILE = """
import json, sys
from importlib import import_module
import facilitate
loaded = []
for loader in json.loads(sys.argv[1]):
    module, function = loader.split(":")
    if getattr(import_module(module), function)():
        loaded.append(loader)
print(json.dumps({"package": facilitate.__file__, "loaded": loaded}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("project")
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(PROJECT / name, source / name)
    for folder in ("workbooks", "templates", "data"):
        shutil.copytree(PROJECT / folder, source / folder)
    shutil.copytree(
        SOURCE_ROOT,
        source / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "--quiet", "--wheel-dir", str(out), str(source)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    (path,) = out.glob("facilitate-*.whl")
    return path


def test_the_wheel_holds_every_content_file(wheel):
    inside = set(zipfile.ZipFile(wheel).namelist())
    assert yaml_files_in_source()
    missing = sorted(yaml_files_in_source() - inside)
    assert missing == [], "package-data in pyproject.toml does not ship these"
    assert {c.in_wheel for c in CONTENT_FILES} <= inside


def test_the_wheel_holds_each_page_shipped_in_a_package(wheel):
    """An activity's page travels with its folder, as its spec declares."""
    inside = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        f"{page.package.replace('.', '/')}/{page.name}"
        for page in page_table().pages
        if page.package
    }
    assert "facilitate/activities/participation/tracker.ipynb" in shipped
    assert "facilitate/activities/root_cause/audit.ipynb" in shipped
    assert sorted(shipped - inside) == []


def test_the_wheel_holds_every_language(wheel):
    """Catalogues and content translations travel with the package."""
    inside = set(zipfile.ZipFile(wheel).namelist())
    root = Path(__file__).resolve().parents[2] / "src"
    ours = {
        path.relative_to(root).as_posix()
        for pattern in ("facilitate/locale/**/*.po", "**/translations/*.yaml")
        for path in root.glob(pattern)
    }
    assert "facilitate/locale/es/LC_MESSAGES/facilitate.po" in ours
    assert sorted(ours - inside) == []


def test_each_loader_reads_its_file_from_the_installed_package(wheel, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "FACILITATE_HOME"}
    env["PYTHONPATH"] = str(wheel)
    loaders = [content.loader for content in CONTENT_FILES]
    ran = subprocess.run(
        [sys.executable, "-c", LOAD_EVERY_FILE, json.dumps(loaders)],
        capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path,
        env=env,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    result = json.loads(ran.stdout)
    assert result["package"].startswith(str(wheel)), "imported the work tree instead"
    assert result["loaded"] == loaders
