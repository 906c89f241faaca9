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


def test_the_display_names_the_command_the_room_was_started_with(monkeypatch):
    from facilitate.ui.join_screen import unreachable_hint

    monkeypatch.setenv(LAUNCHER_VARIABLE, "make")
    assert "make run HOST=0.0.0.0" in unreachable_hint()
    monkeypatch.delenv(LAUNCHER_VARIABLE)
    assert "facilitate serve --host 0.0.0.0" in unreachable_hint()
