from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from facilitate.activities.checkin.content import CheckinQuestion, load_checkin
from facilitate.activities.checkin.metrics import checkin_counts
from facilitate.core.content import Choice
from facilitate.core.errors import InvalidContent

QUESTION = CheckinQuestion(
    "How?", (Choice("a", "A"), Choice("b", "B"), Choice("c", "C"))
)


def test_counts_latest_answer_per_person_in_question_order():
    answers = pd.DataFrame(
        {
            "id": [1, 2, 3, 4],
            "participant": ["p1", "p2", "p1", "p3"],
            "answer": ["a", "b", "c", "c"],
        }
    )
    expected = pd.DataFrame(
        {"answer": ["a", "b", "c"], "label": ["A", "B", "C"], "count": [0, 1, 2]}
    )
    assert_frame_equal(checkin_counts(answers, QUESTION), expected)


def test_shipped_checkin_loads():
    assert len(load_checkin().choices) >= 4


def test_broken_content_says_which_file_and_what(tmp_path):
    (tmp_path / "checkin.yaml").write_text("prompt: Hi\nchoices: [{key: a}]\n")
    with pytest.raises(
        InvalidContent, match="checkin.yaml: 'choices' needs at least two"
    ):
        load_checkin(tmp_path)
    (tmp_path / "checkin.yaml").write_text("prompt: [unclosed\n")
    with pytest.raises(InvalidContent, match="checkin.yaml is not valid YAML at line"):
        load_checkin(tmp_path)
