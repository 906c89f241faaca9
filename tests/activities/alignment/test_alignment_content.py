"""The practice bank loads, explains its mistakes, and grows from the console."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitate.activities.alignment.content import (
    Practice,
    load_alignment,
    new_practice,
    session_practices,
)
from facilitate.activities.alignment.events import PracticeAdded
from facilitate.core.errors import InvalidContent, InvalidInput

HEADER = """
questions:
  spectrum: "Where?"
  now: "Now?"
  vision: "Vision?"
vision_prompt: "Our vision"
"""


def write(tmp_path: Path, practices: str) -> Path:
    (tmp_path / "practices.yaml").write_text(HEADER + practices, encoding="utf-8")
    return tmp_path


#: Words that pass a verdict on a practice before the room has talked about it.
LOADED_TERMS = (
    "authentic",
    "bribe",
    "carrot",
    "coerc",
    "compliance",
    "control",
    "genuine",
    "gimmick",
    "joy",
    "manipulat",
    "meaningful",
    "merely",
    "obedien",
    "punish",
    "real ",
    "rote",
    "shame",
    "sugar",
    "truly",
)


def test_the_shipped_bank_is_balanced_with_a_contested_middle():
    content = load_alignment()
    leanings = [p.leans for p in content.practices]
    # Within one: multicultural nights are contested, neither end's.
    assert abs(leanings.count("extrinsic") - leanings.count("intrinsic")) <= 1
    assert leanings.count("contested") == 1
    assert leanings.count("mixed") >= 4
    keys = {p.key for p in content.practices}
    for practice in (
        "pbis",
        "multicultural_nights",
        "standards_based_grading",
        "mtss_tiers",
        "progress_monitoring",
    ):
        assert practice in keys
    assert content.practices[0] == Practice(
        "letter_grades",
        "Letter grades",
        "Marks from A to F on assignments and report cards. Advocates hope they "
        "give students and families a clear, familiar summary of achievement.",
        "extrinsic",
    )


def test_every_practice_is_described_alike_and_without_a_verdict():
    practices = load_alignment().practices
    lengths = sorted(len(p.description) for p in practices)
    median = lengths[len(lengths) // 2]
    for practice in practices:
        text = practice.description
        assert practice.leans, practice.key
        assert 0.75 * median <= len(text) <= 1.3 * median, (practice.key, len(text))
        # One voice: what it is, then what its advocates hope it does.
        assert text.count("Advocates hope") == 1, practice.key
        assert not text.startswith("Advocates hope"), practice.key
        loaded = [term for term in LOADED_TERMS if term in text.lower()]
        assert loaded == [], (practice.key, loaded)


@pytest.mark.parametrize(
    ("practices", "error"),
    [
        (
            "practices:\n  - {key: a, label: A}\n  - {key: a, label: B}\n",
            "practices.yaml: the key 'a' is used twice. Give each practice its own "
            "key.",
        ),
        (
            "practices:\n  - {key: a, label: A}\n  - {key: Big Key, label: B}\n",
            "practices.yaml practice 2: the key 'Big Key' should be one lower-case "
            "word of letters, digits or _ (for example letter_grades).",
        ),
        (
            "practices:\n  - {key: a, label: A}\n  - {key: b}\n",
            "practices.yaml practice 2 needs a 'label' entry.",
        ),
        (
            "practices:\n  - {key: a, label: A, leans: both}\n  - {key: b, label: B}\n",
            "practices.yaml practice 1: 'leans' is 'both'; use extrinsic, mixed, "
            "intrinsic or contested, or leave it out.",
        ),
        (
            "practices:\n  - {key: a, label: A, leans: contested}\n"
            "  - {key: b, label: B}\n",
            "practices.yaml practice 1: a contested practice needs 'readings', one "
            "for each place its sources put it.",
        ),
        (
            "practices:\n  - {key: a, label: A}\n",
            "practices.yaml: 'practices' needs at least two entries.",
        ),
    ],
)
def test_mistakes_are_named(tmp_path, practices, error):
    with pytest.raises(InvalidContent) as raised:
        load_alignment(write(tmp_path, practices))
    assert str(raised.value) == error


def test_missing_question_is_named(tmp_path):
    text = HEADER.replace('  now: "Now?"\n', "") + "practices: []\n"
    (tmp_path / "practices.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InvalidContent) as raised:
        load_alignment(tmp_path)
    assert str(raised.value) == "practices.yaml 'questions' needs a 'now' entry."


def test_added_practices_follow_the_file_in_order(store, session):
    base = [Practice("grades", "Letter grades")]
    first = new_practice("Morning meeting", "", base)
    store.append(session.code, first)
    store.append(session.code, PracticeAdded("grades", "Duplicate key ignored"))
    existing = session_practices(base, store.read(session.code))
    second = new_practice(" Morning  meeting! ", "", existing)
    store.append(session.code, second)
    practices = session_practices(base, store.read(session.code))
    assert [(p.key, p.label) for p in practices] == [
        ("grades", "Letter grades"),
        ("added_morning_meeting", "Morning meeting"),
        ("added_morning_meeting_2", "Morning  meeting!"),
    ]


def test_adding_an_existing_practice_is_refused():
    with pytest.raises(InvalidInput) as raised:
        new_practice("letter GRADES", "", [Practice("grades", "Letter grades")])
    assert str(raised.value) == (
        "'letter GRADES' is already on the list. Choose another practice."
    )


def test_adding_needs_a_name():
    with pytest.raises(InvalidInput) as raised:
        new_practice("  ", "", [])
    assert str(raised.value) == "Please enter a practice name."
