"""Equity-audit speed: a 100,000-student file, loaded and audited whole.

Writes a synthetic district of 100,000 students (the sample generator, same
seed, scaled up) to a temporary file, then times, over several runs:

- ``load``: reading and checking the CSV, guessing the mapping and counting
  students per outcome and group (``load_counts``);
- ``audit``: rates, shares, risk ratios, intervals and suppression;
- ``load + audit``: the two together, the figure the target is about;
- ``CPU time``: the process's own CPU time for load + audit, which other work on
  a shared machine does not inflate;
- ``files``: both charts and writing ``audit.csv`` and the self-contained
  ``audit.html`` (not in the target: it does not grow with the students).

Target: ``load + audit`` at or under 5 s. Usage: python bench/audit.py [STUDENTS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from facilitate.activities.root_cause.sample import sample_csv
from facilitate.audit.data import load_counts
from facilitate.audit.files import write_audit_files
from facilitate.audit.stats import run_audit

STUDENTS = 100_000
RUNS = 5
TARGET_S = 5.0


def main(students: int = STUDENTS) -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "district.csv"
        path.write_text(sample_csv(students), encoding="utf-8")
        size = path.stat().st_size / 1e6
        print(f"{students:,} students, {size:.1f} MB, {RUNS} runs")
        loads, audits, totals, cpu = [], [], [], []
        for _ in range(RUNS):
            start, start_cpu = time.perf_counter(), time.process_time()
            counts = load_counts(path.read_bytes(), path.name)
            loaded = time.perf_counter()
            audit = run_audit(counts)
            done = time.perf_counter()
            loads.append(loaded - start)
            audits.append(done - loaded)
            totals.append(done - start)
            cpu.append(time.process_time() - start_cpu)
        start = time.perf_counter()
        write_audit_files(audit, Path(folder) / "out")
        files = time.perf_counter() - start
    for name, times in (("load", loads), ("audit", audits), ("load + audit", totals)):
        print(
            f"{name:>13}: median {statistics.median(times):.2f} s, "
            f"max {max(times):.2f} s"
        )
    print(f"{'CPU time':>13}: median {statistics.median(cpu):.2f} s (this process)")
    print(f"{'files':>13}: {files:.2f} s (charts, audit.csv, audit.html)")
    worst = max(totals)
    verdict = "within" if worst <= TARGET_S else "OVER"
    print(
        f"load + audit, worst run {worst:.2f} s: {verdict} the {TARGET_S:.0f} s target"
    )
    return 0 if worst <= TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else STUDENTS))
