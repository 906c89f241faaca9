"""How long the demo export takes: targets are HTML ≤ 10 s and PDF ≤ 20 s.

Seeds a fresh demo store, then runs ``facilitate export`` as a leader would, ROUNDS
times, each in a fresh process (kernel start and imports included).
Usage: python bench/export.py [ROUNDS]
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from facilitate.core.store import open_store
from facilitate.demo import seed_demo

TARGETS = {"HTML": 10.0, "PDF": 20.0}
STEP = re.compile(r"^(HTML|PDF|CSV): .*\((\d+\.\d) s\)$")


def export_once(data_dir: Path, code: str, out: Path) -> dict[str, float]:
    """Seconds per step as the command reports them, plus the whole command."""
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "facilitate",
            "--data-dir",
            str(data_dir),
            "export",
            code,
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    times = {"TOTAL": time.perf_counter() - started}
    for line in done.stdout.splitlines():
        if match := STEP.match(line):
            times[match[1]] = float(match[2])
    return times


def main(rounds: int = 3) -> None:
    with tempfile.TemporaryDirectory(prefix="facilitate-bench-") as folder:
        data_dir = Path(folder)
        store = open_store(data_dir)
        code = seed_demo(store).code
        store.close()
        runs = [
            export_once(data_dir, code, data_dir / f"out{i}") for i in range(rounds)
        ]
    for step in ("HTML", "PDF", "CSV", "TOTAL"):
        values = [run[step] for run in runs if step in run]
        if not values:
            print(f"{step:5}  not produced")
            continue
        target = TARGETS.get(step)
        met = "met" if target is not None and max(values) <= target else "MISSED"
        verdict = "" if target is None else f"  target ≤ {target:.0f} s: {met}"
        print(
            f"{step:5}  median {statistics.median(values):5.1f} s  "
            f"max {max(values):5.1f} s{verdict}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
