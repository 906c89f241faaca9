"""The self-assessment content file, and one person's profile built from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitate.activities.self_assessment.content import (
    SelfAssessment,
    load_self_assessment,
)
from facilitate.activities.self_assessment.events import (
    SelfAssessmentAnswered,
    ZoneChecked,
)
from facilitate.activities.self_assessment.profile import (
    DomainScore,
    MyAnswers,
    domain_scores,
    first_open_domain,
    reflection_text,
)
from facilitate.core.errors import InvalidContent
from facilitate.core.events import Recorded
from tests.unit.self_assessment_fixtures import SMALL_CONTENT, small_content


@pytest.fixture
def small(tmp_path: Path) -> SelfAssessment:
    return small_content(tmp_path)


def test_shipped_content_has_twenty_statements_in_five_domains():
    content = load_self_assessment()
    assert len(content.items) == 20
    assert len(content.domains) == 5
    assert content.answer_keys[-1] == "prefer_not"
    assert all(item.source for item in content.items)
    assert [z.key for z in content.zones] == ["comfort", "risk", "danger"]
    assert "leadership" in [p.key for p in content.reflections]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("{key: l2, text:", "{key: s1, text:"),
            "self_assessment.yaml: the key 's1' is used twice in the statements. "
            "Give each its own key.",
        ),
        (
            ("{key: always, label:", "{key: prefer_not, label:"),
            "self_assessment.yaml: 'prefer_not' is added by the app; remove it from "
            "'scale'.",
        ),
        (
            ('label: "Always", score: 3', 'label: "Always", score: lots'),
            "self_assessment.yaml: the score of 'always' is 'lots'; use a whole "
            "number.",
        ),
        (
            ("- key: lead\n", "- key: Lead Role\n"),
            "self_assessment.yaml: 'Lead Role' in domains is not a valid key. Use "
            "lower-case letters, digits and underscores, starting with a letter.",
        ),
        (
            ('    prompt: "Who am I here?"\n', ""),
            "self_assessment.yaml needs a 'prompt' entry.",
        ),
    ],
)
def test_bad_content_is_named_with_what_to_fix(tmp_path, change, message):
    old, new = change
    assert old in SMALL_CONTENT
    (tmp_path / "self_assessment.yaml").write_text(SMALL_CONTENT.replace(old, new, 1))
    with pytest.raises(InvalidContent) as raised:
        load_self_assessment(tmp_path)
    assert str(raised.value) == message


def test_domain_scores_skip_prefer_not_and_report_it(small):
    answers = {
        "s1": "always",
        "s2": "sometimes",
        "l1": "prefer_not",
        "l2": "prefer_not",
    }
    assert domain_scores(answers, small) == [
        DomainScore("self", "Knowing myself", "Who am I here?", 2, 0, 4 / 6),
        DomainScore("lead", "Leading", "Whose ideas do I take up?", 0, 2, None),
    ]


def test_first_open_domain(small):
    assert first_open_domain({}, small) == 0
    assert first_open_domain({"s1": "never", "s2": "never"}, small) == 1
    done = {"s1": "never", "s2": "never", "l1": "often", "l2": "prefer_not"}
    assert first_open_domain(done, small) is None


def test_my_answers_keep_only_my_latest():
    records = [
        Recorded(1, "C", 0.0, SelfAssessmentAnswered("me", "s1", "never")),
        Recorded(2, "C", 0.0, SelfAssessmentAnswered("you", "s1", "always")),
        Recorded(3, "C", 0.0, SelfAssessmentAnswered("me", "s1", "often")),
        Recorded(4, "C", 0.0, ZoneChecked("me", "start", "risk")),
    ]
    mine = MyAnswers().apply(records, "me")
    assert mine.answers == {"s1": "often"}
    assert mine.zones == {"start": "risk"}
    assert not mine.submitted


def test_reflection_file_holds_my_answers_and_words(small):
    mine = MyAnswers(
        answers={"s1": "always", "s2": "never", "l1": "often", "l2": "prefer_not"},
        identities={"most": ["race", "gender"]},
        zones={"start": "risk"},
        reflections={"leadership": "I favour <quick> talkers."},
    )
    text = reflection_text(mine, small, "Spring PD")
    assert text.startswith("Test inventory — my private reflection (Spring PD)\n")
    assert "## Knowing myself: 50%" in text
    assert "- I ask for feedback. Prefer not to say" in text
    assert "Most? Race or ethnicity, Gender" in text
    assert "Zone at the start: Risk zone" in text
    assert "I favour <quick> talkers." in text
