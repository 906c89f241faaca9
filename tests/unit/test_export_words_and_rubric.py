"""Word counting for the evidence pack, and loading its parts, rubric and the form."""

from __future__ import annotations

import pytest

from facilitate.activities.feedback.content import load_feedback
from facilitate.core.errors import InvalidContent
from facilitate.evidence.content import (
    count_words,
    emphasis,
    load_guide,
    load_rubric,
    word_count,
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


@pytest.mark.parametrize(
    ("words", "limit", "sentence", "tone"),
    [
        (0, 500, "0 of 500 words.", "info"),
        (499, 500, "499 of 500 words.", "info"),
        (500, 500, "500 of 500 words: you have reached the limit.", "warning"),
        (
            520,
            500,
            "Over the limit: 520 words, 20 over the 500-word limit. Nothing has been "
            "cut; shorten it before you submit.",
            "error",
        ),
        (1, None, "1 word (the credential sets no word limit for this part).", "info"),
    ],
)
def test_word_counts_warn_at_the_limit_and_flag_over_it(words, limit, sentence, tone):
    count = word_count("w " * words, limit)
    assert count.sentence() == sentence
    assert count.tone == tone
    assert count.over_by == max(words - (limit or words), 0)


def test_the_shipped_parts_follow_the_credential():
    guide = load_guide()
    assert [g.heading for g in guide.groups] == [
        "Method step 1: Your self-assessment (private)",
        "Part 1: Context",
        "Part 2: Work examples / artifacts",
        "Part 3: Scoring guide",
        "Part 4: Reflection",
    ]
    assert [(p.label, p.limit) for p in guide.parts] == [
        ("Method step 1: Self-assessment", None),
        ("Part 1: Needs assessment", 500),
        ("Part 1: Plan of action", 500),
        ("Part 2.1: Awareness", None),
        ("Part 2.2: Building capacity", 500),
        ("Part 2.3: Analysis", 500),
        ("Part 4: Reflection", 500),
    ]
    assert [p.key for p in guide.parts if p.by_colleague] == ["analysis"]
    assert guide.part("awareness").evidence == ("zones", "tensions")
    # the cover's roles, then each activity's item in the order the room meets it
    assert guide.part("building_capacity").evidence == (
        "roles",
        "tensions",
        "participation",
    )
    assert guide.colleague.limit == 500


def test_the_shipped_rubric_has_both_rows_at_three_levels():
    rubric = load_rubric()
    assert [c.label for c in rubric.criteria] == ["Facilitate", "Lead"]
    assert [level.label for level in rubric.levels] == [
        "Proficient",
        "Basic",
        "Developing",
    ]
    for criterion in rubric.criteria:
        assert set(criterion.descriptors) == {"proficient", "basic", "developing"}
    assert rubric.level_label("basic") == "Basic"


def test_emphasis_bolds_key_terms_and_escapes_the_rest():
    assert emphasis("a **<key>** term & more") == (
        "a <strong>&lt;key&gt;</strong> term &amp; more"
    )


PARTS_START = """
title: T
introduction: I
method: [m]
earning_rule: E
groups: [{key: part1, heading: "Part 1"}]
colleague: {heading: h, introduction: i, prompts: [p], limit: 500, once: o}
parts:
  - key: needs
    number: "1"
    title: Needs
    prompts: [p]
    passes: q
"""


def refusal(load, folder, name: str, text: str) -> str:
    """What ``load`` says of ``folder`` holding ``name`` with ``text``."""
    (folder / name).write_text(text)
    with pytest.raises(InvalidContent) as error:
        load(folder)
    return str(error.value)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "    group: part9\n    limit: 500\n",
            "evidence.yaml: part 'needs' names the group 'part9'; use one of part1.",
        ),
        (
            "    group: part1\n    limit: many\n",
            "evidence.yaml: part 'needs' has the limit 'many'; give a number of words, "
            "or null for none.",
        ),
        (
            "    group: part1\n    limit: 500\n    evidence: [gossip]\n",
            "evidence.yaml: part 'needs' attaches 'gossip'; use any of roles, "
            "zones, tensions, root_causes, participation, feedback.",
        ),
    ],
)
def test_a_broken_part_says_what_to_fix(tmp_path, extra, message):
    said = refusal(load_guide, tmp_path, "evidence.yaml", PARTS_START + extra)
    assert said == message


def test_each_activity_s_item_is_attached_to_the_parts_it_supports():
    guide = load_guide()
    assert guide.part("reflection").evidence == ("participation", "feedback")
    assert guide.part("needs_assessment").evidence == ("root_causes",)


def test_a_part_an_activity_supports_but_the_file_lacks_is_named(tmp_path):
    extra = "    group: part1\n    limit: 500\n"
    said = refusal(load_guide, tmp_path, "evidence.yaml", PARTS_START + extra)
    assert said == (
        "The evidence item 'zones' supports the part 'awareness', which "
        "evidence.yaml does not list; use one of needs."
    )


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
    extra = "    descriptors: {proficient: yes}\n"
    said = refusal(load_rubric, tmp_path, "rubric.yaml", RUBRIC_START + extra)
    assert said == "rubric.yaml: criterion 'facilitate' needs a descriptor for basic."


def test_broken_rubric_yaml_says_where(tmp_path):
    said = refusal(load_rubric, tmp_path, "rubric.yaml", "levels: [\n  - key: x\n")
    assert said.startswith("rubric.yaml is not valid YAML at line")


def test_the_shipped_feedback_form():
    form = load_feedback()
    assert [item.key for item in form.ratings] == ["voice", "heard", "safe", "purpose"]
    assert form.helped == "What helped you take part?"
