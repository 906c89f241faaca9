"""Each content file ships in the package that reads it; a facilitator's copy wins."""

from __future__ import annotations

from importlib import import_module
from importlib.resources import files

import pytest

from facilitate.activities.checkin.content import load_checkin
from facilitate.activities.feedback.content import load_feedback
from facilitate.core.content import content_file
from facilitate.core.errors import InvalidContent
from facilitate.core.paths import content_dir
from tests.unit.content_files import CONTENT_FILES, yaml_files_in_source

OUR_QUESTION = """\
prompt: Which word fits your week?
choices:
  - {key: calm, label: Calm}
  - {key: busy, label: Busy}
"""


def call(loader: str) -> object:
    module, function = loader.split(":")
    return getattr(import_module(module), function)()


def test_every_yaml_file_in_the_package_is_listed_with_its_loader():
    listed = {content.in_wheel for content in CONTENT_FILES}
    assert yaml_files_in_source() == listed, "add a new content file to CONTENT_FILES"


def test_the_data_folder_holds_no_activity_content():
    assert sorted(content_dir().glob("*.yaml")) == []
    assert (content_dir() / "sample_district.csv").is_file()


@pytest.mark.parametrize("content", CONTENT_FILES, ids=lambda c: c.name)
def test_each_file_loads_from_its_own_package(content, monkeypatch):
    monkeypatch.delenv("FACILITATE_HOME", raising=False)
    shipped = files(content.package) / content.name
    assert shipped.is_file()
    assert content_file(content.name, content.package) == shipped
    assert call(content.loader)


def test_a_copy_in_facilitate_home_data_replaces_only_that_file(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "checkin.yaml").write_text(OUR_QUESTION, encoding="utf-8")
    monkeypatch.setenv("FACILITATE_HOME", str(tmp_path))
    assert load_checkin().prompt == "Which word fits your week?"
    shipped = files("facilitate.activities.feedback") / "feedback.yaml"
    assert content_file("feedback.yaml", "facilitate.activities.feedback") == shipped
    assert load_feedback().ratings


def test_a_broken_copy_in_facilitate_home_is_named(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "feedback.yaml").write_text("prompt: [\n", encoding="utf-8")
    monkeypatch.setenv("FACILITATE_HOME", str(tmp_path))
    with pytest.raises(InvalidContent) as raised:
        load_feedback()
    assert str(raised.value) == (
        "feedback.yaml is not valid YAML at line 2. Check indentation and quotes."
    )


def test_a_folder_given_to_a_loader_wins_over_facilitate_home(tmp_path, monkeypatch):
    home, folder = tmp_path / "home", tmp_path / "ours"
    (home / "data").mkdir(parents=True)
    folder.mkdir()
    (home / "data" / "checkin.yaml").write_text("prompt: [\n", encoding="utf-8")
    (folder / "checkin.yaml").write_text(OUR_QUESTION, encoding="utf-8")
    monkeypatch.setenv("FACILITATE_HOME", str(home))
    assert load_checkin(folder).prompt == "Which word fits your week?"


def test_a_folder_without_the_file_says_which_file_is_missing(tmp_path):
    with pytest.raises(InvalidContent) as raised:
        load_checkin(tmp_path)
    assert str(raised.value) == (
        f"Cannot read {tmp_path / 'checkin.yaml'} (No such file or directory). "
        "Restore it from the project."
    )
