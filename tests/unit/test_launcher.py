"""Hints name the command the person used to start the server."""

from __future__ import annotations

from facilitate.core.launcher import LAUNCHER_VARIABLE, serve_setting


def test_serve_is_the_default():
    assert serve_setting("host", "0.0.0.0", {}) == "facilitate serve --host 0.0.0.0"


def test_make_run_takes_its_settings_as_variables():
    make = {LAUNCHER_VARIABLE: "make"}
    assert serve_setting("host", "0.0.0.0", make) == "make run HOST=0.0.0.0"
    assert serve_setting("data-dir", "/srv", make) == "make run DATA_DIR=/srv"


def test_demo_names_itself():
    demo = {LAUNCHER_VARIABLE: "demo"}
    assert serve_setting("port", "9000", demo) == "facilitate demo --port 9000"
