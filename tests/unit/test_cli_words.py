"""The command line speaks to the facilitator at the terminal, and never waits
for a keyboard that is not there."""

from __future__ import annotations

import io

import pytest

from facilitate.cli import main


def new_session(tmp_path, capsys, title="Grade 4 team"):
    assert main(["--data-dir", str(tmp_path), "session", "new", title]) == 0
    out = capsys.readouterr().out
    return out.split("Join code:")[1].split()[0], out


def test_a_mistyped_code_is_told_the_rule_and_where_to_look(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "session", "delete", "ABC12Z"]) == 2
    said = capsys.readouterr().err
    assert said == (
        "facilitate: 'ABC12Z' is not a session code: codes are 6 letters and "
        "digits, never 0, 1, I, L or O. See your codes with: facilitate session "
        "list\n"
    )
    assert main(["--data-dir", str(tmp_path), "session", "delete", "ABCDEF"]) == 2
    said = capsys.readouterr().err
    assert "projected screen" not in said
    assert "See your sessions' codes with: facilitate session list" in said


def test_deleting_without_a_keyboard_suggests_yes(tmp_path, capsys, monkeypatch):
    code, _ = new_session(tmp_path, capsys)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--data-dir", str(tmp_path), "session", "delete", code]) == 2
    said = capsys.readouterr()
    assert "Traceback" not in said.err
    assert "there is no keyboard to confirm with" in said.err
    assert "add --yes" in said.err
    assert main(["--data-dir", str(tmp_path), "session", "list"]) == 0
    assert code in capsys.readouterr().out, "nothing was deleted"


@pytest.mark.parametrize("command", ["new", "list"])
def test_links_say_where_the_room_s_links_come_from(tmp_path, capsys, command):
    code, created = new_session(tmp_path, capsys)
    if command == "list":
        new_session(tmp_path, capsys, "Second session")
        assert main(["--data-dir", str(tmp_path), "session", "list"]) == 0
        created = capsys.readouterr().out
        assert created.count("Participants: ") == 2
        assert created.count("Display: ") == 2
    assert f"Participants: http://127.0.0.1:8866/{code}\n" in created
    assert "make run HOST=0.0.0.0" in created
    served = ["--base-url", "http://192.0.2.5:8866"]
    assert main(["--data-dir", str(tmp_path), "session", "list", *served]) == 0
    listed = capsys.readouterr().out
    assert "Participants: http://192.0.2.5:8866/" in listed
    assert "make run HOST=0.0.0.0" not in listed, "these links already reach phones"
