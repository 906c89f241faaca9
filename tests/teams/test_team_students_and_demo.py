"""Students by initials or school ID only; the team's lists; the demo team."""

from __future__ import annotations

import pytest

from facilitate.core.errors import InvalidContent, InvalidInput
from facilitate.demo import seed_demo
from facilitate.teams.board import board_at
from facilitate.teams.content import load_four_questions
from facilitate.teams.demo import demo_team
from facilitate.teams.flags import DECLINING, FLAG_KINDS, UNCHECKED, check_due, flags_at
from facilitate.teams.identifiers import same_student_key, student_label
from facilitate.teams.render import board_html
from facilitate.teams.state import team_state


@pytest.mark.parametrize(
    "label",
    ["M.L.", "ML", "m l", "JPR", "J-P.R.", "204518", "ST-0042", "M.L.2", "É.Ö."],
)
def test_initials_and_school_ids_are_kept_as_typed(label):
    assert student_label(f"  {label} ") == label


@pytest.mark.parametrize(
    "name",
    ["Maria Lopez", "lopez, maria", "Jean-Luc Picard", "María José García", "Al Li"],
)
def test_anything_shaped_like_a_full_name_is_refused_with_its_own_sentence(name):
    with pytest.raises(InvalidInput) as refused:
        student_label(name)
    assert str(refused.value) == (
        f"'{name}' looks like a full name. Add students by initials (like M.L.) "
        "or a school ID (like 204518) only: names stay out of the team's log."
    )


@pytest.mark.parametrize("other", ["Maria", "M. Lopez", "Maria2", "<b>", "MLRTX"])
def test_a_name_or_anything_else_is_refused_with_what_to_type(other):
    with pytest.raises(InvalidInput) as refused:
        student_label(other)
    assert str(refused.value) == (
        f"'{other}' is neither initials nor a school ID. Use up to four initials "
        "(like M.L.) or a school ID with digits (like 204518), never a name."
    )


def test_empty_and_long_labels_say_what_to_do():
    with pytest.raises(InvalidInput, match="Please enter the student's initials"):
        student_label("   ")
    with pytest.raises(InvalidInput, match="the limit is 20"):
        student_label("1" * 21)
    assert same_student_key("m.l.") == same_student_key("ML")


def test_the_lists_come_from_the_yaml_and_a_mistake_names_the_file(tmp_path):
    content = load_four_questions()
    assert [a.key for a in content.areas] == [
        "reading",
        "writing",
        "mathematics",
        "attendance",
        "behaviour",
        "social_emotional",
        "language_development",
    ]
    assert content.area_label("gone") == "gone"
    (tmp_path / "four_questions.yaml").write_text(
        "areas:\n  - {key: reading, label: Reading}\n  - {key: reading, label: R}\n"
        "support_types:\n  - {key: x, label: X}\n"
    )
    with pytest.raises(InvalidContent, match="each entry of 'areas' needs its own"):
        load_four_questions(tmp_path)
    (tmp_path / "four_questions.yaml").write_text("areas: []\n")
    with pytest.raises(InvalidContent, match="'areas' needs at least one entry"):
        load_four_questions(tmp_path)


def test_the_demo_seeds_a_team_with_every_flag_at_its_last_meeting(store):
    seed_demo(store)
    team = demo_team(store)
    assert demo_team(store) == team, "seeded once"
    state = team_state(store.read(team.code))
    assert len(state.cycles) == 4
    labels = [s.label for s in state.students.values()]
    assert [student_label(label) for label in labels] == labels
    assert len({same_student_key(label) for label in labels}) == len(labels)
    last = state.cycles[-1]
    assert {f.kind for f in flags_at(state, last)} == {k.key for k in FLAG_KINDS}
    board = board_at(state, last)
    assert len(board.rows) >= 30


def test_the_demo_team_shows_causes_rhythms_and_declining_twice(store):
    seed_demo(store)
    state = team_state(store.read(demo_team(store).code))
    last = state.cycles[-1]
    flags = flags_at(state, last)
    declining = [f for f in flags if f.kind == DECLINING]
    assert declining
    for flag in declining:
        checks = state.checks_of(flag.pair, "", last)
        assert [c.response for c in checks[-2:]] == ["declining", "declining"]
    every_third = [s for s in state.in_place(last) if s.check_every == 3]
    assert every_third, "a support checked every third meeting"
    # Never checked, yet not overdue: three meetings since the first one's start
    # make its check due today; an "every meeting" support would be flagged.
    assert any(check_due(state, support, last) for support in every_third)
    flagged = {(f.kind, f.support) for f in flags}
    assert not {(UNCHECKED, s.support) for s in every_third} & flagged
    supported = {s.student for s in state.supports.values()}
    assert all(state.causes_of(student, last) for student in supported)
    assert all(s.causes for s in state.supports.values())
    board = board_html(board_at(state, last), load_four_questions())
    assert "Behind it: " in board
    assert "Targets: " in board
