"""The facilitator's guide notes: every activity has some, and mistakes are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitate.activities import AGENDA
from facilitate.core.errors import InvalidContent
from facilitate.ui.guide_notes import GuideNote, guide_notes, load_guide


def write(folder: Path, text: str) -> Path:
    (folder / "guide.yaml").write_text(text, encoding="utf-8")
    return folder


def test_every_activity_in_the_room_has_notes_and_no_stray_key():
    guide = load_guide()
    in_the_room = {a.key for a in AGENDA.activities if a.phase is not None}
    assert set(guide) == in_the_room
    for activity, notes in guide.items():
        for note in notes:
            assert note.title, activity
            assert len(note.text) > 80, (activity, note.title)
            assert note.source, (activity, note.title)


def test_the_notes_the_room_needs_most_are_there():
    titles = {a: [n.title for n in guide_notes(a)] for a in load_guide()}
    assert "Agree norms for the conversation" in titles["checkin"]
    assert "When several people report the danger zone" in titles["self_assessment"]
    assert "Opening a discussion of a split practice" in titles["alignment"]
    danger = next(
        n for n in guide_notes("self_assessment") if "danger" in n.title.lower()
    )
    assert "NSRF" in danger.source
    assert "Never ask who chose danger." in danger.text


def test_notes_keep_their_order_and_fold_lines(tmp_path):
    folder = write(
        tmp_path,
        "notes:\n"
        "  alignment:\n"
        "    - title: First\n"
        "      text: >-\n"
        "        Two\n"
        "        lines.\n"
        "    - {title: Second, text: One line., source: A protocol.}\n",
    )
    assert guide_notes("alignment", folder) == (
        GuideNote("First", "Two lines."),
        GuideNote("Second", "One line.", "A protocol."),
    )
    assert guide_notes("participation", folder) == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("notes: [a, b]\n", "guide.yaml: 'notes' should map activity keys (such as "
         "alignment) to lists of notes."),
        ("other: {}\n", "guide.yaml needs a 'notes' entry."),
        ("notes:\n  alignment: []\n", "guide.yaml: the notes for 'alignment' should "
         "be a list with at least one note (a title and a text)."),
        ("notes:\n  alignment:\n    - {title: Hi}\n",
         "guide.yaml note 1 of 'alignment' needs a 'text' entry."),
        ("notes:\n  alignment:\n    - {title: ' ', text: Go.}\n",
         "guide.yaml note 1 of 'alignment': the title and the text need some "
         "words."),
    ],
)  # fmt: skip
def test_mistakes_are_named_with_what_to_fix(tmp_path, text, message):
    with pytest.raises(InvalidContent) as raised:
        guide_notes("alignment", write(tmp_path, text))
    assert str(raised.value) == message
