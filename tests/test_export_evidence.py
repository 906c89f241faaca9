"""``facilitate export CODE --to evidence``: the pack as a leader submits it.

One export feeds every check: every part is filled, one over its limit, a colleague
has written, and a participant's and the leader's hostile text must stay text.
The PDF is read back with ``pdftotext`` (poppler-utils), so "no truncation" means
every word typed is in the printed file.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
from contextlib import redirect_stdout

import pytest

from facilitate.cli import main
from facilitate.core.events import (
    ColleagueFeedbackGiven,
    LeaderNoteSaved,
    RubricChecked,
    RubricEvidenceLinked,
)
from facilitate.core.store import open_store
from facilitate.demo import DEMO_PEOPLE, seed_demo
from facilitate.evidence.attachments import attach_file, attach_link
from facilitate.evidence.colleague import invite
from facilitate.evidence.content import load_guide
from tests.credential import missing_terms, plain_missing
from tests.evidence_files import tiny_pdf, tiny_png

HOSTILE = "<script>alert(1)</script>"
OVER = "building_capacity"
#: Words per part: every part filled, ``OVER`` 37 words past its 500.
LENGTHS = {
    "needs_assessment": 480,
    "plan_of_action": 500,
    "awareness": 650,
    OVER: 537,
    "reflection": 320,
}
HEADINGS = [
    "Part 1: Context",
    "Part 1: Needs assessment",
    "Part 1: Plan of action",
    "Part 2: Work examples / artifacts",
    "Part 2.1: Awareness",
    "Part 2.2: Building capacity",
    "Part 2.3: Analysis",
    "Part 3: Scoring guide",
    "Part 4: Reflection",
]


def words(part: str, n: int) -> list[str]:
    """Distinct, findable words: the part's name and a number."""
    stem = part.replace("_", "")[:8]
    return [f"{stem}{i:04d}" for i in range(n)]


VIDEO = "https://video.example.org/watch?v=our-meeting"
ATTACHED = {
    "agenda.pdf": "Agenda we wrote with the families",
    "chart.png": "Photo of the chart paper",
    VIDEO: "Dolores's video feedback",
}


def attach_three(store, data_dir, code: str) -> None:
    """A PDF and an image for Part 2.2 (c), a video link for Part 2.3."""
    artifacts = ("building_capacity", "artifacts")
    for name, content in (("agenda.pdf", tiny_pdf()), ("chart.png", tiny_png())):
        event = attach_file(data_dir, code, artifacts, name, content, ATTACHED[name])
        store.append(code, event)
    video = ("analysis", "colleague_video")
    store.append(code, attach_link(video, VIDEO, ATTACHED[VIDEO]))


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("evidence-data")
    out = tmp_path_factory.mktemp("evidence-out")
    store = open_store(data_dir)
    session = seed_demo(store)
    typed = {part: words(part, n) for part, n in LENGTHS.items()}
    for part, tokens in typed.items():
        text = " ".join(tokens)
        if part == "reflection":
            text += f"\n\nA line with {HOSTILE}"
        store.append(session.code, LeaderNoteSaved(part, text))
    invitation = invite("Grace <Hopper>", "Teacher on the team")
    store.append(session.code, invitation)
    colleague_words = " ".join(words("colleague", 120))
    store.append(
        session.code,
        ColleagueFeedbackGiven(
            invitation.invitation, "Grace <Hopper>", "Teacher", colleague_words
        ),
    )
    attach_three(store, data_dir, session.code)
    store.append(session.code, RubricChecked("lead", "developing"))
    store.append(session.code, RubricEvidenceLinked("lead", ["zones", "reflection"]))
    terminal = io.StringIO()
    with redirect_stdout(terminal):
        code = main(
            [
                *("--data-dir", str(data_dir), "export", session.code),
                *("--to", "evidence", "--out", str(out)),
            ]
        )
    store.close()
    assert code == 0
    html_path = out / f"evidence-{session.code}.html"
    pdf_path = out / f"evidence-{session.code}.pdf"
    return {
        "session": session,
        "typed": typed,
        "colleague": colleague_words.split(),
        "html": html_path.read_text(encoding="utf-8"),
        "pdf": pdf_path,
        "terminal": terminal.getvalue(),
        "files": sorted(p.name for p in out.iterdir()),
    }


@pytest.fixture(scope="module")
def pdf_text(exported):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils")
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(exported["pdf"]), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_one_html_and_one_pdf_with_progress(exported):
    code = exported["session"].code
    assert exported["files"] == [f"evidence-{code}.html", f"evidence-{code}.pdf"]
    lines = exported["terminal"].splitlines()
    steps = [line.split(":")[0] for line in lines if line.endswith(" s)")]
    assert steps == ["HTML", "PDF"]


def test_every_heading_in_the_credentials_order(exported, pdf_text):
    html = exported["html"].replace("&#x27;", "'")
    positions = [html.find(f">{h}</h") for h in HEADINGS]
    assert -1 not in positions, dict(zip(HEADINGS, positions, strict=True))
    assert positions == sorted(positions), positions
    text = " ".join(pdf_text.split())
    in_pdf = [text.find(h) for h in HEADINGS]
    assert -1 not in in_pdf, dict(zip(HEADINGS, in_pdf, strict=True))
    assert text.find("Still missing before you submit") < text.find("Part 1: Context")


def test_word_counts_and_the_over_limit_flag(exported, pdf_text):
    html = exported["html"]
    text = " ".join(pdf_text.split())
    for sentence in [
        "480 of 500 words.",
        "500 of 500 words: you have reached the limit.",
        "650 words (the credential sets no word limit for this part).",
        "Over the limit: 537 words, 37 over the 500-word limit. Nothing has been cut",
        "120 of 500 words.",
    ]:
        assert sentence in html, sentence
        assert sentence in text, sentence
    assert '<p class="fc-wordcount fc-over-limit">Over the limit: 537 words' in html
    assert html.count("fc-over-limit") == 2, "the flag and its style, once"
    checklist = html[: html.find('id="earning-rule"')]
    assert "Over the limit:</span>" in checklist
    assert "Part 2.2: Building capacity</a>. Over the limit: 537 words" in checklist


def test_nothing_typed_is_truncated(exported, pdf_text):
    printed = set(pdf_text.split())
    html = exported["html"]
    for part, tokens in exported["typed"].items():
        lost = [t for t in tokens if t not in printed]
        assert lost == [], (part, lost[:5])
        assert all(t in html for t in tokens), part
    assert [t for t in exported["colleague"] if t not in printed] == []


def test_the_colleague_is_under_their_own_heading(exported, pdf_text):
    html = exported["html"]
    start = html.index("In the colleague's own words: Grace &lt;Hopper&gt;, Teacher")
    analysis = html.index('id="part-analysis"')
    assert analysis < start < html.index('id="part3"')
    assert exported["colleague"][0] in html[start:]
    assert "the leader cannot edit it" in html[start:]
    assert "In the colleague's own words: Grace <Hopper>, Teacher" in pdf_text


def test_session_evidence_is_attached_with_links(exported, pdf_text):
    html = exported["html"]
    for title in [
        "Comfort, risk and danger zones: start → end",
        "Top tensions in the shared-vision alignment",
        "Who was present, by role",
        "Participation equity",
    ]:
        assert f"Session evidence: {title}" in html.replace("&#x27;", "'"), title
    assert 'id="evidence-zones"' in html
    assert "could not be built" not in html
    assert '<a href="#evidence-zones">Session: Comfort, risk' in html
    assert "Lead: self-rated Developing" in pdf_text


def test_every_key_term_is_in_the_html_and_the_pdf(exported, pdf_text):
    assert missing_terms(exported["html"]) == []
    assert plain_missing(pdf_text) == []


def test_the_earning_rule_is_stated(exported):
    rule = " ".join(load_guide().earning_rule.split()).replace("**", "")
    text = html.unescape(re.sub(r"<[^>]+>", "", exported["html"]))
    assert rule in " ".join(text.split())


def test_text_is_escaped_and_nothing_private_leaks(exported):
    pack = exported["html"]
    assert HOSTILE not in pack
    assert "A line with &lt;script&gt;alert(1)&lt;/script&gt;" in pack
    assert "<script" not in pack, "the pack runs no script"
    assert exported["session"].key not in pack
    assert "invite=" not in pack, "no colleague link (and token) in the pack"
    for name, _ in DEMO_PEOPLE:
        assert f">{name}<" not in pack
    outside = re.findall(r"""<a class="fc-attachment-link" href="([^"]+)""", pack)
    assert outside == [VIDEO.replace("&", "&amp;")], "only the leader's own link"
    without = pack.replace(f'class="fc-attachment-link" href="{outside[0]}"', "")
    assert not re.search(r"""(src|href)=["']https?:""", without), "self-contained"


def test_the_html_embeds_the_image_and_carries_the_pdf(exported):
    pack = exported["html"]
    assert '<img src="data:image/png;base64,' in pack
    assert 'download="agenda.pdf"' in pack
    assert 'href="data:application/pdf;base64,' in pack
    for description in ATTACHED.values():
        assert html.escape(description) in pack


def test_the_pdf_lists_every_attachment_with_its_description(pdf_text):
    text = " ".join(pdf_text.split())
    for what, description in ATTACHED.items():
        assert what in text, what
        assert description in text.replace("’", "'"), description
    assert "Attachments (2)" in text
    assert "Attachments (1)" in text
