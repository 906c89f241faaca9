from __future__ import annotations

from facilitate.cli import main
from facilitate.core.sessions import list_sessions
from facilitate.core.store import open_store
from facilitate.server import ServeOptions, voila_settings
from facilitate.server.voila import lead_role, room_role


def test_session_new_prints_code_and_links(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "session", "new", "Staff PD"]) == 0
    out = capsys.readouterr().out
    session = list_sessions(open_store(tmp_path))[0]
    assert f"Join code:    {session.code}" in out
    assert f"Participants: http://127.0.0.1:8866/{session.code}\n" in out
    assert f"remote.ipynb?code={session.code}&key={session.key}" in out
    assert "console.ipynb" not in out


def test_session_list_and_delete(tmp_path, capsys):
    main(["--data-dir", str(tmp_path), "session", "new", "Gone soon"])
    code = list_sessions(open_store(tmp_path))[0].code
    main(["--data-dir", str(tmp_path), "session", "list"])
    assert code in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path), "session", "delete", code, "--yes"]) == 0
    assert "3 events removed" in capsys.readouterr().out
    assert list_sessions(open_store(tmp_path)) == []


def test_errors_are_one_line_without_traceback(tmp_path, capsys):
    code = main(
        ["--data-dir", str(tmp_path), "session", "new", "x", "--min-group-size", "2"]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        "facilitate: A minimum group size of 2 could expose individuals. "
        "Use 3 or more.\n"
    )
    assert (
        main(["--data-dir", str(tmp_path), "session", "delete", "QQQQQQ", "--yes"]) == 2
    )
    assert "is not a session code we know" in capsys.readouterr().err


def test_the_room_preheats_participants_and_the_lead_its_warm_pages():
    room = voila_settings(room_role(ServeOptions(pool=12)), 9001)
    pools = room["VoilaKernelManager"]["kernel_pools_config"]
    assert pools == {
        "default": {"pool_size": 0},
        "participant.ipynb": {"pool_size": 12},
    }
    assert "console.ipynb" in room["VoilaKernelManager"]["preheat_denylist"]
    assert "participant.ipynb" not in room["VoilaKernelManager"]["preheat_denylist"]
    assert room["VoilaConfiguration"]["extension_denylist"] == ["jupyterlab-plotly"]
    assert room["VoilaConfiguration"]["show_tracebacks"] is False
    assert room["MappingKernelManager"]["cull_idle_timeout"] > 0
    assert room["Voila"]["ip"] == "127.0.0.1", "only the front door is public"
    lead = voila_settings(lead_role(), 9002)
    assert lead["Voila"]["base_url"] == "/lead/"
    assert "participant.ipynb" in lead["VoilaKernelManager"]["preheat_denylist"]
    assert lead["VoilaConfiguration"]["extension_denylist"] == ["jupyterlab-plotly"]


def test_pages_wait_for_their_output_while_a_big_pool_starts():
    for settings in (
        voila_settings(room_role(ServeOptions(pool=100)), 9001),
        voila_settings(lead_role(), 9002),
    ):
        assert settings["VoilaExecutor"]["iopub_timeout"] >= 30


def test_delete_asks_for_the_code_and_keeps_data_on_a_wrong_answer(
    tmp_path, capsys, monkeypatch
):
    main(["--data-dir", str(tmp_path), "session", "new", "Keep me"])
    code = list_sessions(open_store(tmp_path))[0].code
    monkeypatch.setattr("builtins.input", lambda prompt: "nope")
    assert main(["--data-dir", str(tmp_path), "session", "delete", code]) == 1
    assert "Nothing was deleted." in capsys.readouterr().out
    assert len(list_sessions(open_store(tmp_path))) == 1
    monkeypatch.setattr("builtins.input", lambda prompt: code.lower())
    assert main(["--data-dir", str(tmp_path), "session", "delete", code]) == 0
    assert list_sessions(open_store(tmp_path)) == []
