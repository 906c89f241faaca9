"""The HTML export speaks only our words on the terminal, and carries plotly.js once.

The export runs the summary workbook in a kernel of its own; over TCP that
kernel printed Jupyter's "Kernel is running over TCP without encryption" warning
to a facilitator who had been told nothing leaves the laptop in clear.
"""

from __future__ import annotations

import subprocess
import sys

from facilitate.core.store import open_store
from facilitate.demo import demo_session


def test_the_html_export_is_quiet_and_holds_one_plotly(tmp_path):
    store = open_store(tmp_path / "data")
    code = demo_session(store).code
    store.close()
    done = subprocess.run(
        [sys.executable, "-m", "facilitate", "--data-dir", str(tmp_path / "data"),
         "export", code, "--to", "html", "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", "nothing but our own lines on the terminal"
    assert "WARNING" not in done.stdout
    assert "Kernel is running" not in done.stdout
    html = (tmp_path / "out" / f"summary-{code}.html").read_text(encoding="utf-8")
    assert html.count("plotly.js v") == 1, "one copy of plotly.js per export"
    assert html.count("Plotly.newPlot(") > 1
