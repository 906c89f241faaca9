"""A synthetic district, so the equity audit can be tried without real students.

``python -m facilitate.activities.root_cause.sample`` writes
``data/sample_district.csv``: about 2,000 made-up students with five group columns
and five outcomes, from a fixed seed, so the file is the same on every machine.
Its first line says it is synthetic. It is built to show what the audit does:

- two race/ethnicity groups and one gender group are under the n-size of 10,
  and a gender column with blanks shows complementary suppression at work;
- students receiving special-education services are about three times as likely
  to be suspended; Black students about twice as likely; students from
  low-income families and English learners are far less often in advanced
  courses or identified as gifted.

The same generator makes the 100,000-student file of ``bench/audit.py``.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
from collections.abc import Iterator
from pathlib import Path

from facilitate.core.paths import content_dir

SAMPLE_NAME = "sample_district.csv"
SEED = 2024
STUDENTS = 2000
NOTE = (
    "# SYNTHETIC DATA: every student in this file is made up (facilitate sample "
    "generator, seed {seed}). No real student is described."
)
GROUP_COLUMNS = (
    "race_ethnicity",
    "gender",
    "english_learner",
    "special_education",
    "low_income",
)
OUTCOMES = (
    "suspended",
    "chronically_absent",
    "enrolled_in_advanced_courses",
    "failing_a_course",
    "identified_as_gifted",
)
#: Students per 2,000 in each race/ethnicity group (the two last are under 10).
RACE = {
    "Hispanic or Latino": 760,
    "White": 600,
    "Black": 320,
    "Asian": 180,
    "Two or more races": 125,
    "American Indian or Alaska Native": 9,
    "Native Hawaiian or Pacific Islander": 6,
}
#: Students per 2,000 by gender; "" is a blank cell (gender not recorded).
GENDER = {"Female": 975, "Male": 1006, "Nonbinary": 7, "": 12}
SHARE_YES = {"english_learner": 0.14, "special_education": 0.12, "low_income": 0.52}
BASE_RATE = {
    "suspended": 0.035,
    "chronically_absent": 0.10,
    "enrolled_in_advanced_courses": 0.28,
    "failing_a_course": 0.08,
    "identified_as_gifted": 0.09,
}
#: How much more (or less) likely each outcome is for a student in a group.
MULTIPLIER: dict[str, dict[tuple[str, str], float]] = {
    "suspended": {
        ("special_education", "Yes"): 3.2,
        ("race_ethnicity", "Black"): 2.2,
        ("low_income", "Yes"): 1.4,
        ("gender", "Male"): 1.5,
    },
    "chronically_absent": {
        ("low_income", "Yes"): 1.8,
        ("special_education", "Yes"): 1.4,
    },
    "enrolled_in_advanced_courses": {
        ("low_income", "Yes"): 0.55,
        ("english_learner", "Yes"): 0.4,
        ("special_education", "Yes"): 0.3,
        ("race_ethnicity", "Black"): 0.7,
        ("race_ethnicity", "Hispanic or Latino"): 0.75,
        ("race_ethnicity", "Asian"): 1.5,
    },
    "failing_a_course": {
        ("low_income", "Yes"): 1.5,
        ("english_learner", "Yes"): 1.5,
        ("special_education", "Yes"): 1.6,
    },
    "identified_as_gifted": {
        ("english_learner", "Yes"): 0.3,
        ("low_income", "Yes"): 0.6,
        ("race_ethnicity", "Black"): 0.5,
        ("race_ethnicity", "Hispanic or Latino"): 0.6,
        ("race_ethnicity", "Asian"): 1.6,
        ("race_ethnicity", "White"): 1.3,
    },
}


def _dealt(shares: dict[str, int], students: int, rng: random.Random) -> list[str]:
    """Each label for its share of ``students`` (shares are per 2,000), shuffled."""
    scale = students / sum(shares.values())
    counts = {label: round(n * scale) for label, n in shares.items()}
    largest = max(counts, key=lambda label: counts[label])
    counts[largest] += students - sum(counts.values())
    dealt = [label for label, n in counts.items() for _ in range(n)]
    rng.shuffle(dealt)
    return dealt


def sample_rows(students: int = STUDENTS, seed: int = SEED) -> Iterator[list[str]]:
    """One row per made-up student: id, the five groups, then the five outcomes."""
    rng = random.Random(seed)
    races = _dealt(RACE, students, rng)
    genders = _dealt(GENDER, students, rng)
    for number in range(students):
        groups = {
            "race_ethnicity": races[number],
            "gender": genders[number],
            **{
                column: "Yes" if rng.random() < share else "No"
                for column, share in SHARE_YES.items()
            },
        }
        outcomes = []
        for outcome in OUTCOMES:
            chance = BASE_RATE[outcome]
            for (column, value), factor in MULTIPLIER[outcome].items():
                if groups[column] == value:
                    chance *= factor
            outcomes.append("1" if rng.random() < min(chance, 0.95) else "0")
        ids = [f"S{number + 1:06d}"]
        yield ids + [groups[c] for c in GROUP_COLUMNS] + outcomes


def sample_csv(students: int = STUDENTS, seed: int = SEED) -> str:
    """The whole file as text: the synthetic note, the header, the students."""
    out = io.StringIO()
    out.write(NOTE.format(seed=seed) + "\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student_id", *GROUP_COLUMNS, *OUTCOMES])
    writer.writerows(sample_rows(students, seed))
    return out.getvalue()


def sample_path() -> Path:
    """Where the committed sample lives: ``data/sample_district.csv``."""
    return content_dir() / SAMPLE_NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write the synthetic sample district for the equity audit."
    )
    parser.add_argument("--students", type=int, default=STUDENTS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=None, help="default: data/")
    args = parser.parse_args(argv)
    path = args.out or sample_path()
    path.write_text(sample_csv(args.students, args.seed), encoding="utf-8")
    print(f"Wrote {args.students:,} synthetic students to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
