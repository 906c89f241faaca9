"""Exporting the demo session to HTML, PDF and CSV, as a leader would.

One export (through the command line, in this process) feeds every check, because
it runs a kernel and Chromium; a second, CSV only, adds the opt-in event log. A
participant's hostile text and a lone role make sure escaping and the k rule hold
in the files people take away, and the demo's tracked discussion, feedback and
answers show that nothing in the files ties an answer to a speaker or to the
order people joined in.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from contextlib import redirect_stdout
from html import escape as html_escape
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from facilitate.activities.feedback.events import FeedbackGiven
from facilitate.cli import main
from facilitate.core.events import LeaderNoteSaved, QualitativeEvidenceSaved
from facilitate.core.store import open_store
from facilitate.demo import DEMO_PEOPLE, seed_demo
from facilitate.evidence.attachments import attach_link
from facilitate.export.summary import build_parts_safely

HOSTILE = "<script>alert(1)</script>"
#: The leader's own words that stay in their evidence pack, never in the summary.
SELF_ASSESSMENT = "Myselfbias privilegewords I grew up sure of being heard."
HEARD = "Heardquote from the listening session."
ATTACHED_LINK = "https://video.example.org/attachedlink"
ATTACHED_ABOUT = "Attachedabout the colleague on video."
LEADERS_OWN = (
    SELF_ASSESSMENT,
    "Myselfbias",
    HEARD,
    "Heardquote",
    ATTACHED_LINK,
    "a privilege I forget I had",  # the demo's own self-assessment
    "We share one table after dinner",  # and what its leader heard
)
PRIVATE_COLUMNS = {
    "name",
    "text",
    "helped",
    "more_equitable",
    "key",
    "identities",
    "zone",
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("export-data")
    out = tmp_path_factory.mktemp("export-out")
    store = open_store(data_dir)
    session = seed_demo(store)
    store.append(session.code, FeedbackGiven("demo-11", {"voice": 2}, HOSTILE, HOSTILE))
    store.append(
        session.code, LeaderNoteSaved("needs_assessment", f"Context with {HOSTILE}")
    )
    store.append(
        session.code, LeaderNoteSaved("leader_self_assessment", SELF_ASSESSMENT)
    )
    heard = {"source": "Listening", "date": "", "themes": HEARD, "quotes": HEARD}
    store.append(session.code, QualitativeEvidenceSaved([heard]))
    store.append(
        session.code,
        attach_link(("analysis", "colleague_video"), ATTACHED_LINK, ATTACHED_ABOUT),
    )
    terminal = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, redirect_stdout(terminal):
        patch.delenv("QUERY_STRING", raising=False)
        code = main(
            ["--data-dir", str(data_dir), "export", session.code, "--out", str(out)]
        )
    assert code == 0
    with redirect_stdout(io.StringIO()):
        logged = main(
            [
                "--data-dir",
                str(data_dir),
                "export",
                session.code,
                "--to",
                "csv",
                "--event-log",
                "--out",
                str(out / "with-log"),
            ]
        )
    assert logged == 0
    records = store.read(session.code)
    parts = build_parts_safely(records, session)
    store.close()
    stem = out / f"summary-{session.code}"
    return {
        "session": session,
        "parts": parts,
        "html": stem.with_suffix(".html"),
        "pdf": stem.with_suffix(".pdf"),
        "csv": out / f"summary-{session.code}-csv",
        "log_csv": out / "with-log" / f"summary-{session.code}-csv",
        "terminal": terminal.getvalue(),
    }


def test_progress_is_shown_on_the_terminal(exported):
    lines = exported["terminal"].splitlines()
    steps = [line.split(":")[0] for line in lines if line.endswith(" s)")]
    assert steps == ["HTML", "PDF", "CSV"]
    assert f"HTML: wrote {exported['html']}" in exported["terminal"]
    assert f"PDF: wrote {exported['pdf']}" in exported["terminal"]


def test_html_has_every_section_and_interactive_charts(exported):
    html = exported["html"].read_text(encoding="utf-8")
    headings = [part.heading for part in exported["parts"]] + [
        "Who was present",
        "Context and goals",
        "Leader's reflection",
        "Rubric: Facilitate and Lead",
    ]
    for heading in headings:
        # nbconvert re-serialises entities: &#x27; comes out as a plain quote.
        assert f"<h2>{html_escape(heading, quote=False)}</h2>" in html, heading
    assert exported["session"].title in html
    assert '<h3 id="part-feedback_words">In their own words</h3>' in html
    assert html.count("Plotly.newPlot(") >= len(
        [p for p in exported["parts"] if p.figures]
    )
    assert '"type":"bar"' in html
    assert "plotly.js v" in html, "plotly.js is inlined so charts work offline"
    assert not re.search(r"<script[^>]+src=\"https?:", html), "nothing from a CDN"
    assert "from facilitate" not in html
    assert "open_summary(" not in html


def test_participant_text_is_escaped_never_a_live_tag(exported):
    html = exported["html"].read_text(encoding="utf-8")
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Context with &lt;script&gt;" in html
    for name, _ in DEMO_PEOPLE:
        assert f">{name}<" not in html


def test_pdf_has_pages_and_the_cover_is_not_blank(exported, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed: apt-get install poppler-utils")
    info = subprocess.run(
        ["pdfinfo", str(exported["pdf"])], capture_output=True, text=True, check=True
    ).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 3
    png = tmp_path / "page"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(exported["pdf"]),
            str(png),
        ],
        check=True,
    )
    assert png.with_suffix(".png").stat().st_size > 1000
    subprocess.run(
        [
            "pdftoppm",
            "-gray",
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(exported["pdf"]),
            str(png),
        ],
        check=True,
    )
    pixels = pgm_pixels(png.with_suffix(".pgm"))
    dark = (pixels < 128).mean()
    assert 0.002 < dark < 0.5, f"page 1 looks blank or solid ({dark:.4f} dark)"


def pgm_pixels(path: Path) -> np.ndarray:
    data = path.read_bytes()
    _magic, width, height, depth, rest = re.match(
        rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", data, re.DOTALL
    ).groups()
    assert int(depth) == 255
    return np.frombuffer(rest, dtype=np.uint8)[: int(width) * int(height)]


def test_csv_tables_and_log_hold_no_private_text(exported):
    files = sorted(exported["csv"].glob("*.csv"))
    names = {f.name for f in files}
    assert "events.csv" not in names, "aggregates only, unless asked"
    assert "feedback-feedback_ratings.csv" in names
    for part in exported["parts"]:
        for table in part.tables:
            assert f"{part.key}-{table}.csv" in names
    logged = sorted(exported["log_csv"].glob("*.csv"))
    assert {f.name for f in logged} == names | {"events.csv"}
    for path in files + logged:
        frame = pd.read_csv(path)
        assert PRIVATE_COLUMNS.isdisjoint(frame.columns), path.name
        text = path.read_text(encoding="utf-8")
        assert "alert(1)" not in text
        assert exported["session"].key not in text
        for name, _ in DEMO_PEOPLE:
            assert not re.search(rf"\b{name}\b", text), (name, path.name)
    log = pd.read_csv(exported["log_csv"] / "events.csv", keep_default_na=False)
    assert "role" not in log.columns, "a lone role next to a pseudonym identifies"
    assert {"self_assessment_answered", "private_reflection_saved"}.isdisjoint(
        set(log["kind"])
    )
    assert {"identity_reflected", "zone_checked", "vision_offered"}.isdisjoint(
        set(log["kind"])
    )
    people = {p for p in log["person"] if p}
    assert people
    assert all(re.fullmatch(r"[a-z_]+-\d\d", p) for p in people)


#: Kinds that carry what a person answered (or that they did).
ANSWER_KINDS = {
    "checkin_answered",
    "practice_rated",
    "self_assessment_submitted",
    "feedback_sent",
    "feedback_content",
    "feedback_given",
}
#: Kinds that say who someone is to whoever watched: a speaker, a join position.
KNOWN_KINDS = {"turn_started", "speaker_added", "participant_joined"}


def test_aggregates_put_no_answer_beside_any_person(exported):
    """Without the event log, only the talk shares are per person: talk only."""
    per_person = {}
    for path in sorted(exported["csv"].glob("*.csv")):
        frame = pd.read_csv(path)
        named = {"person", "participant", "speaker", "name"} & set(frame.columns)
        if named:
            per_person[path.name] = set(frame.columns)
    assert per_person == {
        "participation-participation_talk_shares.csv": {"person", "talk_share", "turns"}
    }


def test_the_event_log_ties_no_answer_to_a_speaker_or_a_join_position(exported):
    """The ways a reader could link rows, tried on the file alone, all fail."""
    log = pd.read_csv(exported["log_csv"] / "events.csv", keep_default_na=False)
    kinds = set(log["kind"])
    assert {"turn_started", "participant_joined", "feedback_content"} <= kinds
    assert {"checkin_answered", "practice_rated", "feedback_sent"} <= kinds
    # 1. No shared pseudonym: each pseudonym names its own kind and no other.
    pairs = zip(log["kind"], log["person"], strict=True)
    assert all(person.startswith(f"{kind}-") for kind, person in pairs if person)
    by_kind = {k: set(rows["person"]) - {""} for k, rows in log.groupby("kind")}
    for known in KNOWN_KINDS & kinds:
        for answer in ANSWER_KINDS & kinds:
            assert by_kind[known].isdisjoint(by_kind[answer]), (known, answer)
    # 2. Forms name nobody at all.
    forms = log.loc[log["kind"].isin({"feedback_content", "feedback_given"})]
    assert set(forms["person"]) == {""}
    assert set(forms["ratings"]) != {""}
    # 3. No order to read: no sequence numbers, and rows sorted by time, kind and
    #    pseudonym, so no row sits next to the one logged just before it.
    assert list(log.columns[:3]) == ["time", "kind", "person"]
    assert not {"id", "target"} & set(log.columns)
    keys = list(zip(log["time"], log["kind"], log["person"], strict=True))
    assert keys == sorted(keys)
    # 4. No time singles anyone out: minutes only, and every time a person kind
    #    shows holds at least k people of that kind, or all of them if fewer
    #    (forms: at least k forms).
    k = exported["session"].min_group_size
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\dZ", t) for t in log["time"])
    for kind in (ANSWER_KINDS | KNOWN_KINDS) & kinds - {"feedback_given"}:
        per_time = log.loc[log["kind"] == kind].groupby("time")
        if kind == "feedback_content":  # no person: batches of k forms
            sizes = per_time.size()
        else:
            sizes = per_time["person"].agg(lambda p: len(set(p) - {""}))
        everyone = len(by_kind.get(kind, ())) or len(forms)
        assert sizes.min() >= min(k, everyone), (kind, sizes.to_dict())
    turns = log.loc[log["kind"] == "turn_started", "time"]
    assert turns.nunique() > 1, "the discussion's own times are kept, in groups"


def test_the_leaders_own_pack_stays_out_of_the_summary_and_every_csv(exported):
    """The self-assessment, what the leader heard and attachments: pack only."""
    shown = [exported["html"].read_text(encoding="utf-8")]
    if shutil.which("pdftotext"):
        pdf = subprocess.run(
            ["pdftotext", str(exported["pdf"]), "-"],
            capture_output=True,
            text=True,
            check=True,
        )
        shown.append(pdf.stdout)
    csvs = sorted(exported["csv"].glob("*.csv")) + sorted(
        exported["log_csv"].glob("*.csv")
    )
    assert csvs
    shown += [path.read_text(encoding="utf-8") for path in csvs]
    for text in shown:
        for words in (*LEADERS_OWN, ATTACHED_ABOUT, "Attachedabout"):
            assert words not in text
