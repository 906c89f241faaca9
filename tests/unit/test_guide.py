"""The facilitator's guide notes: every activity keeps some in its folder, and
mistakes are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitate.activities import AGENDA
from facilitate.core.errors import InvalidContent
from facilitate.ui.guide_notes import GuideNote, guide_files, guide_notes, load_guide


def write(folder: Path, text: str) -> Path:
    (folder / "alignment_guide.yaml").write_text(text, encoding="utf-8")
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


def test_each_activity_s_notes_ship_in_its_own_folder():
    for key, guide in guide_files().items():
        assert guide.package == f"facilitate.activities.{key}.guide"


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
        "  - title: First\n"
        "    text: >-\n"
        "      Two\n"
        "      lines.\n"
        "  - {title: Second, text: One line., source: A protocol.}\n",
    )
    assert guide_notes("alignment", folder) == (
        GuideNote("First", "Two lines."),
        GuideNote("Second", "One line.", "A protocol."),
    )
    assert guide_notes("not_on_the_agenda", folder) == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("notes: {a: b}\n", "alignment_guide.yaml: 'notes' should be a list with "
         "at least one note (a title and a text)."),
        ("other: {}\n", "alignment_guide.yaml needs a 'notes' entry."),
        ("notes: []\n", "alignment_guide.yaml: 'notes' should be a list with at "
         "least one note (a title and a text)."),
        ("notes:\n  - {title: Hi}\n",
         "alignment_guide.yaml note 1 needs a 'text' entry."),
        ("notes:\n  - {title: ' ', text: Go.}\n",
         "alignment_guide.yaml note 1: the title and the text need some words."),
    ],
)  # fmt: skip
def test_mistakes_are_named_with_what_to_fix(tmp_path, text, message):
    with pytest.raises(InvalidContent) as raised:
        guide_notes("alignment", write(tmp_path, text))
    assert str(raised.value) == message
