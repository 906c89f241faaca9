"""Without Chromium the PDF step says how to install it; the rest still comes out."""

from __future__ import annotations

import pytest

from facilitate.core.pdf import ChromiumMissing, pdf_bytes, print_pdf
from facilitate.export import chosen_formats, export_session

MISSING = (
    "The PDF was not made because Chromium is not installed. Install it with "
    "`sudo apt-get install chromium` and export again; the HTML and CSV files "
    "were still written."
)


def test_missing_chromium_is_one_sentence(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ChromiumMissing) as error:
        print_pdf(tmp_path / "a.html", tmp_path / "a.pdf")
    assert str(error.value) == MISSING


def test_printing_html_text_without_chromium_says_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ChromiumMissing) as error:
        pdf_bytes("<p>the pack</p>")
    assert str(error.value) == MISSING


def test_export_carries_on_without_chromium(store, session, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    (tmp_path / f"summary-{session.code}.html").write_text("<p>made earlier</p>")
    lines: list[str] = []
    result = export_session(
        store, session, tmp_path, tmp_path, ["pdf", "csv"], progress=lines.append
    )
    assert result.problems == [MISSING]
    assert f"PDF: {MISSING}" in lines
    assert [p.name for p in result.files] == [f"summary-{session.code}-csv"]
    assert (tmp_path / f"summary-{session.code}-csv").is_dir()


def test_formats():
    assert chosen_formats("all") == ("html", "pdf", "csv")
    assert chosen_formats("pdf") == ("html", "pdf")
    assert chosen_formats("csv") == ("csv",)
