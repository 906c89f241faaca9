"""The self-assessment content file, and one person's profile built from it."""

from __future__ import annotations

import re
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
from facilitate.activities.self_assessment.private_profile import profile_html
from facilitate.activities.self_assessment.profile import (
    MyAnswers,
    PartReflection,
    current_variant,
    first_open_domain,
    part_reflections,
    reflection_text,
    where_answers_gather,
)
from facilitate.core.errors import InvalidContent
from facilitate.core.events import ParticipantJoined, Recorded
from facilitate.core.roster import ROLES
from tests.activities.self_assessment.fixtures import SMALL_CONTENT, small_content

SHIPPED = load_self_assessment()
#: Words that would grade or rank a person on their own private page.
RANKING = re.compile(
    r"%|(?<!not a )\bscore|\brank|\bhighest\b|\blowest\b|\bstrongest\b|\bweakest\b|"
    r"\bbest\b|\bworst\b|\btop\b|\bbottom\b",
    re.IGNORECASE,
)


@pytest.fixture
def small(tmp_path: Path) -> SelfAssessment:
    return small_content(tmp_path)


# --- the shipped content --------------------------------------------------------


@pytest.mark.parametrize(("role", "label"), ROLES)
def test_every_role_meets_a_complete_inventory(role, label):
    """No role is left with only "Prefer not to say": every part has statements."""
    variant = current_variant(MyAnswers(role=role), SHIPPED)
    parts = [d.key for d in variant.domains]
    assert parts == [d.key for d in SHIPPED.variants[0].domains]
    assert "sustain" in parts
    for domain in variant.domains:
        assert domain.items, (label, domain.key)
        for words in (domain.title, domain.about, domain.notice, domain.try_next):
            assert words, (label, domain.key)
    assert len(SHIPPED.answer_keys) > 1  # a scale, not only "Prefer not to say"


def test_each_audience_has_statements_written_for_it():
    by_role = {
        role: current_variant(MyAnswers(role=role), SHIPPED).key for role, _ in ROLES
    }
    assert by_role["teacher"] == by_role["administrator"] == "educators"
    assert by_role["specialist"] == "educators"
    assert by_role["support_staff"] == "support_staff"
    assert by_role["family"] == by_role["community"] == "families"
    assert by_role["student"] == "students"
    assert by_role[""] == by_role["other"] == SHIPPED.default_variant
    for variant in SHIPPED.variants:
        if variant.key == "educators":
            continue
        for item in variant.items:
            text = item.text.lower()
            assert "my grades" not in text, item.key
            assert "my classroom" not in text, item.key


def test_every_statement_validates_and_names_its_source():
    keys = [item.key for item in SHIPPED.items]
    assert len(keys) == len(set(keys))
    for item in SHIPPED.items:
        assert item.text.endswith("."), item.key
        assert item.source.endswith("."), item.key
        assert "%" not in item.text, item.key
        assert "%" not in item.source, item.key
        assert SHIPPED.variant_of_item(item.key) == item.variant


def test_sources_are_credited_and_sustain_has_its_own_statements():
    sources = " ".join(item.source for item in SHIPPED.items)
    assert "Gorski & Swalwell" in sources
    for ability in ("recognise", "respond", "redress", "sustain"):
        assert f"Swalwell), {ability}:" in sources, ability
    assert "Social Identity Wheel" in SHIPPED.identity_source
    assert "NSRF" in SHIPPED.zone_source
    for variant in SHIPPED.variants:
        sustain = next(d for d in variant.domains if d.key == "sustain")
        assert all("sustain" in item.source for item in sustain.items)


def test_the_old_statement_keys_still_belong_to_the_educators():
    """Logs written before variants answered these keys: they must still count."""
    for key in (
        "identity_shapes_noticing",
        "privilege_hidden_costs",
        "practice_who_i_call_on",
        "relationships_listen_first",
        "leadership_asks_feedback",
    ):
        assert SHIPPED.variant_of_item(key) == "educators"


def test_people_are_asked_for_a_typical_week_not_their_best():
    assert "typical week, not your best" in SHIPPED.guidance
    assert "not a score" in SHIPPED.profile_introduction


# --- mistakes in the file ---------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("{key: l2, text:", "{key: s1, text:"),
            "self_assessment.yaml: the key 's1' is used twice in the statements. "
            "Give each its own key.",
        ),
        (
            ("{key: g1, text:", "{key: s2, text:"),
            "self_assessment.yaml: the key 's2' is used twice in the statements. "
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
            "self_assessment.yaml: 'Lead Role' in variant 'staff' is not a valid "
            "key. Use lower-case letters, digits and underscores, starting with a "
            "letter.",
        ),
        (
            ('        notice: "Who am I here?"\n', ""),
            "self_assessment.yaml domain 'self' in variant 'staff' needs a 'notice' "
            "entry.",
        ),
        (
            (
                "        items:\n          - {key: g1, text: "
                '"I make room for others.", source: "Test note."}\n',
                "        items: []\n",
            ),
            "self_assessment.yaml domain 'lead' in variant 'family': 'items' needs "
            "at least one entry.",
        ),
        (
            ("    roles: [family, community]", "    roles: [family, teacher]"),
            "self_assessment.yaml: the role 'teacher' is listed by two variants. "
            "List each role under one variant.",
        ),
        (
            ("    roles: [family, community]", "    roles: [parent]"),
            "self_assessment.yaml: variant 'family' lists the role 'parent', which "
            "is not a join role. Use some of: teacher, administrator, specialist, "
            "support_staff, family, student, community, other.",
        ),
        (
            ("default_variant: staff", "default_variant: everyone"),
            "self_assessment.yaml: 'default_variant' is 'everyone', which is not a "
            "variant. Use one of: staff, family.",
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


def test_a_variant_without_every_part_is_refused(tmp_path):
    text = SMALL_CONTENT.replace("      - key: lead\n        title: \"Speaking", (
        "      - key: voice\n        title: \"Speaking"
    ))  # fmt: skip
    (tmp_path / "self_assessment.yaml").write_text(text)
    with pytest.raises(InvalidContent) as raised:
        load_self_assessment(tmp_path)
    assert str(raised.value) == (
        "self_assessment.yaml: variant 'family' has the parts self, voice; every "
        "variant needs the same parts in the same order as 'staff' (self, lead)."
    )


# --- one person's answers, in words -------------------------------------------------


@pytest.mark.parametrize(
    ("given", "sentence"),
    [
        (
            ["often", "often", "often"],
            "You answered “Often” for all of the statements about leading.",
        ),
        (
            ["often", "always", "often"],
            "You answered “Often” for most of the statements about leading.",
        ),
        (
            ["never", "always", "often", "always"],
            "Your answers about leading range from “Never” to “Always”.",
        ),
        (
            ["sometimes", "prefer_not", "sometimes"],
            "You answered “Sometimes” for all of the statements about leading that "
            "you answered. You preferred not to say for one of them.",
        ),
        (
            ["often", "always", "prefer_not", "prefer_not"],
            "Your answers about leading range from “Often” to “Always”. You "
            "preferred not to say for some of them.",
        ),
        (
            ["prefer_not", "prefer_not"],
            "You preferred not to say for the statements about leading.",
        ),
        ([], "You have not answered the statements about leading yet."),
    ],
)
def test_where_answers_gather_is_said_in_words(small, given, sentence):
    assert where_answers_gather(given, "leading", small) == sentence


def test_parts_keep_the_content_order_whatever_the_answers(small):
    staff = small.variant("staff")
    answers = {"s1": "never", "s2": "never", "l1": "always", "l2": "always"}
    assert part_reflections(answers, staff, small) == [
        PartReflection(
            "self",
            "Knowing myself",
            "You answered “Never” for all of the statements about your own lens.",
            "Who am I here?",
            "Ask a colleague.",
        ),
        PartReflection(
            "lead",
            "Leading",
            "You answered “Always” for all of the statements about leading.",
            "Whose ideas do I take up?",
            "Make room for one voice.",
        ),
    ]


def test_first_open_domain(small):
    staff = small.variant("staff")
    assert first_open_domain({}, staff) == 0
    assert first_open_domain({"s1": "never", "s2": "never"}, staff) == 1
    done = {"s1": "never", "s2": "never", "l1": "often", "l2": "prefer_not"}
    assert first_open_domain(done, staff) is None
    assert first_open_domain(done, small.variant("family")) == 0


def test_my_answers_keep_only_my_latest():
    records = [
        Recorded(1, "C", 0.0, ParticipantJoined("me", "Me", "family")),
        Recorded(2, "C", 0.0, SelfAssessmentAnswered("me", "s1", "never")),
        Recorded(3, "C", 0.0, SelfAssessmentAnswered("you", "s2", "always")),
        Recorded(4, "C", 0.0, SelfAssessmentAnswered("me", "s1", "often")),
        Recorded(5, "C", 0.0, ZoneChecked("me", "start", "risk")),
    ]
    mine = MyAnswers().apply(records, "me")
    assert mine.answers == {"s1": "often"}
    assert mine.zones == {"start": "risk"}
    assert (mine.role, mine.last_item) == ("family", "s1")
    assert not mine.submitted


def test_the_role_picks_the_variant_until_answers_say_otherwise(small):
    assert current_variant(MyAnswers(role="family"), small).key == "family"
    assert current_variant(MyAnswers(role="community"), small).key == "family"
    assert current_variant(MyAnswers(role=""), small).key == "staff"
    assert current_variant(MyAnswers(role="student"), small).key == "staff"
    # A family member whose answers are the staff statements (a log written
    # before variants, or a changed role) sees what the room counts them under.
    answered = MyAnswers(answers={"s1": "often"}, role="family", last_item="s1")
    assert current_variant(answered, small).key == "staff"


def mine_with_answers() -> MyAnswers:
    return MyAnswers(
        answers={"s1": "always", "s2": "never", "l1": "often", "l2": "prefer_not"},
        identities={"most": ["race", "gender"]},
        zones={"start": "risk"},
        reflections={"leadership": "I favour <quick> talkers."},
        role="teacher",
        last_item="l2",
    )


def test_reflection_file_holds_my_answers_and_words_and_no_score(small):
    text = reflection_text(mine_with_answers(), small, "Spring PD")
    assert text.startswith("Test inventory — my private reflection (Spring PD)\n")
    assert "## Knowing myself\n\nYour answers about your own lens range from" in text
    assert "- I ask for feedback. Prefer not to say" in text
    assert "To notice: Who am I here?\nTo try next: Ask a colleague." in text
    assert "Most? Race or ethnicity, Gender" in text
    assert "Zone at the start: Risk zone" in text
    assert "I favour <quick> talkers." in text
    assert RANKING.findall(text) == []


def test_profile_says_where_answers_gather_and_never_grades(small):
    html = profile_html(mine_with_answers(), small)
    assert "You answered “Often” for all of the statements about leading" in html
    assert '<p class="fc-sa-try"><i>To try next:</i> Make room for one voice.</p>' in (
        html
    )
    assert html.index("Knowing myself") < html.index("Leading")
    assert RANKING.findall(re.sub(r"<[^>]+>", " ", html)) == []


def test_the_shipped_profile_and_file_never_grade_or_rank():
    mine = MyAnswers(
        answers={item.key: "always" for item in SHIPPED.variant("educators").items},
        role="teacher",
    )
    html = re.sub(r"<[^>]+>", " ", profile_html(mine, SHIPPED))
    assert "not a score" in html
    assert RANKING.findall(html) == []
    assert RANKING.findall(reflection_text(mine, SHIPPED, "PD")) == []
