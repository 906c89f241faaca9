"""Word counting for the leader's reflection, and loading the rubric and form."""

from __future__ import annotations

import pytest

from facilitate.activities.feedback.content import load_feedback
from facilitate.core.errors import InvalidContent
from facilitate.leader.content import (
    Evidence,
    count_words,
    load_rubric,
    word_report,
)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("One", 1),
        ("We met  after school.\nEveryone came!", 6),
        ("Teacher-leaders don't give up", 4),
        ("Next steps - pilot it — then review", 6),
        ("• first\n• second", 2),
        ("K-8 in 2026", 3),
    ],
)
def test_count_words(text, words):
    assert count_words(text) == words


def test_word_report_counts_only_the_reflection_sections():
    report = word_report(
        {"context": "ten words " * 5, "what_happened": "a b c", "strategies": "d e"}
    )
    assert report.per_section["context"] == 10
    assert report.total == 5
    assert report.over_by == 0
    assert report.sentence() == "The reflection is 5 of 500 words."


def test_word_report_says_how_far_over_and_cuts_nothing():
    report = word_report({"what_happened": "word " * 480, "next_steps": "more " * 40})
    assert report.total == 520
    assert report.over_by == 20
    assert report.sentence() == (
        "The reflection is 520 words: 20 over the 500-word limit. Nothing has been cut."
    )


def test_the_shipped_rubric_has_both_criteria_at_three_levels():
    rubric = load_rubric()
    assert [c.key for c in rubric.criteria] == ["facilitate", "lead"]
    assert [level.label for level in rubric.levels] == [
        "Proficient",
        "Basic",
        "Developing",
    ]
    for criterion in rubric.criteria:
        assert set(criterion.descriptors) == {"proficient", "basic", "developing"}
        assert all(isinstance(e, Evidence) for e in criterion.evidence)
    assert Evidence(
        "participation", "Who spoke, for how long, and who followed whom."
    ) in (rubric.criteria[0].evidence)
    assert rubric.level_label("basic") == "Basic"


RUBRIC_START = """
levels:
  - {key: proficient, label: Proficient}
  - {key: basic, label: Basic}
criteria:
  - key: facilitate
    label: Facilitate
    question: Did every voice count?
"""


def test_a_rubric_missing_a_descriptor_names_it(tmp_path):
    (tmp_path / "rubric.yaml").write_text(
        RUBRIC_START + "    descriptors: {proficient: yes}\n    evidence: []\n"
    )
    with pytest.raises(InvalidContent) as error:
        load_rubric(tmp_path)
    assert str(error.value) == (
        "rubric.yaml: criterion 'facilitate' needs a descriptor for basic."
    )


def test_a_rubric_without_evidence_is_refused(tmp_path):
    (tmp_path / "rubric.yaml").write_text(
        RUBRIC_START + "    descriptors: {proficient: a, basic: b}\n"
    )
    with pytest.raises(InvalidContent) as error:
        load_rubric(tmp_path)
    assert str(error.value) == "rubric.yaml needs a 'evidence' entry."


def test_broken_rubric_yaml_says_where(tmp_path):
    (tmp_path / "rubric.yaml").write_text("levels: [\n  - key: x\n")
    with pytest.raises(InvalidContent) as error:
        load_rubric(tmp_path)
    assert str(error.value).startswith("rubric.yaml is not valid YAML at line")


def test_the_shipped_feedback_form():
    form = load_feedback()
    assert [item.key for item in form.ratings] == ["voice", "heard", "safe", "purpose"]
    assert form.helped == "What helped you take part?"
