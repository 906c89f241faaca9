"""Exporting the demo session to HTML, PDF and CSV, as a leader would.

One export (through the command line, in this process) feeds every check, because
it runs a kernel and Chromium. A participant's hostile text and a lone role make
sure escaping and the k rule hold in the files people take away.
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
from facilitate.core.events import LeaderNoteSaved
from facilitate.core.store import open_store
from facilitate.demo import DEMO_PEOPLE, seed_demo
from facilitate.export.summary import build_parts_safely

HOSTILE = "<script>alert(1)</script>"
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
    terminal = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, redirect_stdout(terminal):
        patch.delenv("QUERY_STRING", raising=False)
        code = main(
            ["--data-dir", str(data_dir), "export", session.code, "--out", str(out)]
        )
    assert code == 0
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
    assert "events.csv" in names
    assert "feedback-feedback_ratings.csv" in names
    for part in exported["parts"]:
        for table in part.tables:
            assert f"{part.key}-{table}.csv" in names
    for path in files:
        frame = pd.read_csv(path)
        assert PRIVATE_COLUMNS.isdisjoint(frame.columns), path.name
        text = path.read_text(encoding="utf-8")
        assert "alert(1)" not in text
        assert exported["session"].key not in text
        for name, _ in DEMO_PEOPLE:
            assert not re.search(rf"\b{name}\b", text), (name, path.name)
    log = pd.read_csv(exported["csv"] / "events.csv", keep_default_na=False)
    assert "role" not in log.columns, "a lone role next to a pseudonym identifies"
    assert {"self_assessment_answered", "private_reflection_saved"}.isdisjoint(
        set(log["kind"])
    )
    assert {"identity_reflected", "zone_checked", "vision_offered"}.isdisjoint(
        set(log["kind"])
    )
    people = {p for p in log["person"] if p}
    assert people
    assert all(re.fullmatch(r"P\d\d", p) for p in people)
