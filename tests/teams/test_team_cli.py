"""``facilitate team`` commands; teams and sessions never mistaken for each other."""

from __future__ import annotations

import pytest

from facilitate.cli import main
from facilitate.core.errors import InvalidInput, SessionNotFound
from facilitate.core.sessions import create_session, find_session, list_sessions
from facilitate.core.store import open_store
from facilitate.teams.codes import (
    create_team,
    find_team,
    list_teams,
    normalise_team_code,
)


def cli(tmp_path, *args: str) -> int:
    return main(["--data-dir", str(tmp_path), *args])


def test_team_new_prints_the_team_link_with_its_key(tmp_path, capsys):
    assert cli(tmp_path, "team", "new", "Grade 4 team") == 0
    out = capsys.readouterr().out
    team = list_teams(open_store(tmp_path))[0]
    assert team.code.startswith("T-")
    assert len(team.code) == 8
    assert f"Team:         Grade 4 team ({team.code})" in out
    assert (
        f"http://127.0.0.1:8866/lead/voila/render/team.ipynb?team={team.code}&key={team.key}"
        in out
    )
    assert cli(tmp_path, "team", "list") == 0
    listed = capsys.readouterr().out
    assert team.code in listed
    assert f"key={team.key}" in listed


def test_team_delete_confirms_says_what_it_removed_and_is_idempotent(
    tmp_path, capsys, monkeypatch
):
    cli(tmp_path, "team", "new", "Gone soon")
    code = list_teams(open_store(tmp_path))[0].code
    capsys.readouterr()
    monkeypatch.setattr("builtins.input", lambda prompt: "nope")
    assert cli(tmp_path, "team", "delete", code) == 1
    assert "Nothing was deleted." in capsys.readouterr().out
    monkeypatch.setattr("builtins.input", lambda prompt: code.lower())
    assert cli(tmp_path, "team", "delete", code) == 0
    assert capsys.readouterr().out == (
        f"Deleted 'Gone soon' ({code}): 1 events removed. Pages still open now say "
        "the team has ended, and nothing more can be saved under this code.\n"
    )
    assert list_teams(open_store(tmp_path)) == []
    assert cli(tmp_path, "team", "delete", code, "--yes") == 0
    assert capsys.readouterr().out == (
        f"Team {code} was already deleted: nothing is left under that code.\n"
    )


def test_team_delete_with_no_keyboard_deletes_nothing_and_says_to_add_yes(
    tmp_path, capsys, monkeypatch
):
    code = create_team(open_store(tmp_path), "Kept").code
    capsys.readouterr()

    def no_keyboard(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", no_keyboard)
    assert cli(tmp_path, "team", "delete", code) == 2
    assert capsys.readouterr().err == (
        "\nNothing was deleted: there is no keyboard to confirm with. To delete "
        f"'Kept' ({code}) without being asked, add --yes.\n"
    )
    assert find_team(open_store(tmp_path), code).title == "Kept"


def test_team_delete_refuses_a_code_no_team_ever_had(tmp_path, capsys):
    assert cli(tmp_path, "team", "delete", "t-qqqqqq", "--yes") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "facilitate: 'T-QQQQQQ' is not a team we know. Check the team link, or "
        "list the teams with `facilitate team list`.\n"
    )


def test_teams_and_sessions_never_take_each_others_codes(tmp_path, capsys):
    store = open_store(tmp_path)
    team = create_team(store, "Grade 4 team")
    session = create_session(store, "Staff PD")
    session_events = len(store.read(session.code))
    assert list_sessions(store) == [session]
    assert list_teams(store) == [team]
    with pytest.raises(InvalidInput, match="is not a session code"):
        find_session(store, team.code)
    with pytest.raises(InvalidInput, match="is not a team code"):
        find_team(store, session.code)
    with pytest.raises(InvalidInput, match="is not a team code"):
        normalise_team_code(team.code[2:])
    assert find_team(store, team.code.replace("-", "").lower()) == team
    with pytest.raises(SessionNotFound):
        find_session(store, team.code[2:])
    assert cli(tmp_path, "session", "delete", team.code, "--yes") == 2
    assert "is not a session code" in capsys.readouterr().err
    assert cli(tmp_path, "team", "delete", session.code, "--yes") == 2
    assert "is not a team code: team codes look like T-7KQ2XM" in (
        capsys.readouterr().err
    )
    assert len(store.read(team.code)) == 1
    assert len(store.read(session.code)) == session_events


def test_team_new_refuses_a_small_group_size(tmp_path, capsys):
    assert cli(tmp_path, "team", "new", "x", "--min-group-size", "2") == 2
    assert "could expose individuals" in capsys.readouterr().err
