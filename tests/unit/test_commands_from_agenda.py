"""The ``facilitate`` command adds each activity's own commands from the agenda."""

from __future__ import annotations

import pytest

from facilitate.cli import COMMANDS, agenda_commands, main
from facilitate.core.agenda import AGENDA_VARIABLE


def test_the_audit_command_comes_from_the_root_cause_spec(capsys):
    assert "facilitate.audit.command" in {c.__module__ for c in agenda_commands()}
    assert "audit" not in {c.__name__.rpartition(".")[2] for c in COMMANDS}
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    assert "audit               equity audit of a district CSV" in (
        capsys.readouterr().out
    )


def test_an_agenda_that_cannot_load_is_one_sentence(capsys, monkeypatch):
    monkeypatch.setenv(AGENDA_VARIABLE, "nowhere.at.all:AGENDA")
    assert main(["session", "list"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("facilitate: Cannot load 'nowhere.at.all:AGENDA'")
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
