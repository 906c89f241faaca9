"""The credential's own words reach the pack exactly: every rubric cell, the
scoring guide's opening sentence, the passing lines and the earning rule.

The reference is ``docs/CREDENTIAL.md``, which quotes them word for word; the
pack quotes them, and our readings stand apart, marked as ours.
"""

from __future__ import annotations

import pytest

from facilitate.evidence.content import load_guide, load_rubric
from facilitate.evidence.pack import build_pack, pack_html
from facilitate.evidence.page import EvidencePage
from tests.credential import (
    earning_sentence,
    passing_lines,
    rubric_cells,
    rubric_preamble,
    visible_text,
)
from tests.evidence.test_evidence_key_terms import widget_html

PARTS = {"Needs assessment": "needs_assessment", "Plan of action": "plan_of_action"}


def quoted(text: str) -> str:
    return f"“{text}”"


def every_quote() -> list[str]:
    return [
        *rubric_cells().values(),
        rubric_preamble(),
        *passing_lines().values(),
        earning_sentence(),
    ]


def test_the_credential_text_holds_what_we_compare():
    assert len(rubric_cells()) == 6
    assert set(passing_lines()) == set(PARTS)
    assert earning_sentence().endswith('"Proficient" for each component in Part 2.')
    assert "Proficient on all portions of the submission" in rubric_preamble()


def test_every_rubric_cell_is_the_credentials_word_for_word():
    rubric = load_rubric()
    ours = {
        (c.key, level): text
        for c in rubric.criteria
        for level, text in c.descriptors.items()
    }
    assert ours == rubric_cells()
    assert rubric.preamble == rubric_preamble()


def test_passing_lines_and_earning_rule_are_the_credentials():
    guide = load_guide()
    for name, line in passing_lines().items():
        assert guide.part(PARTS[name]).passing_line == line, name
    assert guide.earning_rule_quote == earning_sentence()


def test_the_pack_quotes_each_of_them_exactly(store, session):
    text = visible_text(pack_html(build_pack(store.read(session.code), session)))
    missing = [q for q in every_quote() if quoted(q) not in text]
    assert missing == []
    assert text.count(quote := quoted(earning_sentence())) == 1, quote
    reading = text.index("Our reading (facilitate's, not the credential's)")
    assert text.index(quoted(earning_sentence())) < reading


def test_the_page_quotes_each_of_them_exactly(store, session):
    page = EvidencePage(store=store)
    page.start()
    page.open(session.code, session.key)
    text = visible_text(widget_html(page.root))
    assert [q for q in every_quote() if quoted(q) not in text] == []


@pytest.mark.parametrize(
    ("changed", "to"),
    [("impacting", "affects"), ("to work towards", "toward")],
)
def test_an_edited_cell_is_caught(store, session, changed, to):
    html = pack_html(build_pack(store.read(session.code), session))
    text = visible_text(html.replace(changed, to))
    assert [q for q in every_quote() if quoted(q) not in text] != []
