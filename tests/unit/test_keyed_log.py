"""Sessions and teams are one kind of thing, a keyed log: found, gated and
deleted the same way, with the same words and exit codes."""

from __future__ import annotations

import pytest

from facilitate.cli import main
from facilitate.core.errors import SessionEnded
from facilitate.core.events import ParticipantJoined
from facilitate.core.sessions import create_session, find_session
from facilitate.core.store import open_store
from facilitate.teams.codes import TeamEnded, create_team, find_team
from facilitate.teams.events import CycleOpened
from facilitate.teams.page import TeamPage
from facilitate.ui.remote_page import RemotePage

KINDS = {
    "session": (create_session, "QQQQQQ", "STRAY2", ParticipantJoined("p1", "Ana")),
    "team": (create_team, "T-QQQQQQ", "T-STRAY2", CycleOpened("2026-12-07")),
}


def cli(tmp_path, *args: str) -> int:
    return main(["--data-dir", str(tmp_path), *args])


@pytest.mark.parametrize("noun", KINDS)
def test_a_code_never_used_is_a_typo_and_exits_2(tmp_path, capsys, noun):
    _, unknown, _, _ = KINDS[noun]
    assert cli(tmp_path, noun, "delete", unknown.lower(), "--yes") == 2
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err.startswith(f"facilitate: '{unknown}' is not a {noun}")


@pytest.mark.parametrize("noun", KINDS)
def test_delete_confirms_with_the_code_as_typed_then_again_removes_nothing(
    tmp_path, capsys, monkeypatch, noun
):
    create, _, _, _ = KINDS[noun]
    made = create(open_store(tmp_path), "Gone soon")
    typed = made.code.lower().replace("-", "")
    monkeypatch.setattr("builtins.input", lambda prompt: f" {typed} ")
    assert cli(tmp_path, noun, "delete", made.code) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Deleted 'Gone soon' ({made.code}): ")
    assert f"now say the {noun} has ended" in out
    assert cli(tmp_path, noun, "delete", made.code, "--yes") == 0
    assert capsys.readouterr().out == (
        f"{noun.capitalize()} {made.code} was already deleted: nothing is left "
        "under that code.\n"
    )


@pytest.mark.parametrize("noun", KINDS)
def test_delete_takes_events_left_without_their_creation(tmp_path, capsys, noun):
    _, _, stray, event = KINDS[noun]
    store = open_store(tmp_path)
    store.append(stray, event)
    assert cli(tmp_path, noun, "delete", stray, "--yes") == 0
    assert f"Deleted {noun} {stray}: 1 events removed." in capsys.readouterr().out
    assert store.read(stray) == []


def test_a_deleted_log_has_ended_rather_than_being_unknown(tmp_path, capsys):
    store = open_store(tmp_path)
    session = create_session(store, "Staff PD")
    team = create_team(store, "Grade 4 team")
    store.delete_session(session.code)
    store.delete_session(team.code)
    with pytest.raises(SessionEnded):
        find_session(store, session.code)
    with pytest.raises(TeamEnded):
        find_team(store, team.code)
    assert cli(tmp_path, "export-team", team.code, "--out", str(tmp_path)) == 2
    assert "This team was deleted" in capsys.readouterr().err


def test_an_open_team_page_says_the_team_ended(store):
    team = create_team(store, "Grade 4 team")
    page = TeamPage(store=store)
    page.start()
    page.browser.query = {"team": team.code, "key": team.key}
    page.browser.connected = True
    assert page.team == team
    store.delete_session(team.code)
    page.refresh()
    assert page.team is None
    assert "This team was deleted" in page.refused.value
    assert page.refused in page.root.children


def test_both_pages_ask_for_the_key_when_the_link_has_no_code(store):
    remote = RemotePage(store=store)
    remote.start()
    remote.browser.query = {"code": "", "key": ""}
    remote.browser.connected = True
    team_page = TeamPage(store=store)
    team_page.start()
    team_page.browser.query = {"team": "", "key": ""}
    team_page.browser.connected = True
    assert "needs the facilitator&#x27;s key" in remote.refused.value
    assert "needs the team&#x27;s key" in team_page.refused.value
