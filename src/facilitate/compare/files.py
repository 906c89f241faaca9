"""Writing a comparison: one HTML page and a folder of CSV tables."""

from __future__ import annotations

from pathlib import Path

from facilitate.compare.comparison import Comparison
from facilitate.compare.page import comparison_html
from facilitate.core.csv_file import write_table
from facilitate.core.files import private_directory


def file_stem(comparison: Comparison) -> str:
    return "compare-" + "-".join(room.session.code for room in comparison.rooms)


def write_comparison(comparison: Comparison, out_dir: Path) -> list[Path]:
    """``compare-CODES.html`` and ``compare-CODES-csv/TABLE.csv``; their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = file_stem(comparison)
    page = out_dir / f"{stem}.html"
    page.write_text(comparison_html(comparison), encoding="utf-8")
    folder = private_directory(out_dir / f"{stem}-csv")
    written = [page]
    for name, frame in comparison.tables.items():
        written.append(write_table(frame, folder / f"{name}.csv"))
    return written
