"""``facilitate audit`` on the committed sample district, and on bad input."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from facilitate.activities.root_cause.sample import sample_csv, sample_path
from facilitate.cli import main

COLUMNS = [
    "outcome",
    "group_column",
    "group",
    "students",
    "with_outcome",
    "rate",
    "share_of_students",
    "share_of_outcome",
    "risk_ratio",
    "ci_low",
    "ci_high",
    "suppressed",
]
FIGURES = COLUMNS[3:11]


def test_the_committed_sample_is_what_the_generator_makes():
    text = sample_path().read_text(encoding="utf-8")
    assert text == sample_csv()
    assert text.startswith("# SYNTHETIC DATA")
    assert len(text.splitlines()) == 2 + 2000


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("audit")
    assert main(["audit", str(sample_path()), "--out", str(out)]) == 0
    return out


def rows_of(out: Path) -> list[dict[str, str]]:
    with (out / "audit.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def test_audit_csv_has_the_columns_and_withholds_small_groups_as_empty(audited):
    out = audited
    rows = rows_of(out)
    # Race's two groups under 10 merge, and gender's Nonbinary (7) and not
    # recorded (12) merge: 6 race groups and 3 gender groups per outcome.
    assert len(rows) == 5 * (6 + 3 + 2 + 2 + 2)
    assert not [r for r in rows if r["group"] == "American Indian or Alaska Native"]
    other = [r for r in rows if r["group"] == "(other or not recorded)"]
    assert len(other) == 10
    assert {r["students"] for r in other if r["group_column"] == "gender"} == {"19"}
    # The 975 girls are never withheld for their small neighbours.
    female = [r for r in rows if r["group"] == "Female"]
    assert len(female) == 5
    assert all(r["students"] == "975" and r["rate"] for r in female)
    for row in rows:
        if row["suppressed"] == "True":
            assert all(row[f] != "0" for f in FIGURES)


def test_audit_csv_shows_the_special_education_suspension_disparity(audited):
    out = audited
    row = next(
        r
        for r in rows_of(out)
        if (r["outcome"], r["group_column"], r["group"])
        == ("suspended", "special_education", "Yes")
    )
    assert row["suppressed"] == "False"
    assert int(row["students"]) == 241
    assert float(row["risk_ratio"]) > 3
    assert float(row["ci_low"]) > 1


def test_audit_html_is_self_contained_and_says_it_is_synthetic(audited):
    out = audited
    page = (out / "audit.html").read_text(encoding="utf-8")
    assert "SYNTHETIC DATA" in page
    assert "Students marked special education are 3.9 times as likely" in page
    assert "(other or not recorded)&#x27; holds Nonbinary, (not recorded)." in page
    assert '<script src="http' not in page
    assert "S000001" not in page, "no student identifier reaches the page"


def test_a_bad_file_is_one_line_naming_file_row_and_column(tmp_path, capsys):
    bad = tmp_path / "district.csv"
    bad.write_text("id,race,suspended\n1,A,1\n2,B,1,0\n")
    assert main(["audit", str(bad), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        "facilitate: district.csv, row 3: 4 cells where the header has 3. Check "
        "for a stray comma or a missing cell.\n"
    )
    assert not (tmp_path / "out").exists(), "nothing is written from a bad file"


def test_min_n_below_three_and_a_missing_file_are_refused(tmp_path, capsys):
    sample = str(sample_path())
    assert main(["audit", sample, "--out", str(tmp_path), "--min-n", "2"]) == 2
    assert "A minimum n-size of 2 could identify students" in capsys.readouterr().err
    missing = str(tmp_path / "nope.csv")
    assert main(["audit", missing, "--out", str(tmp_path)]) == 2
    assert "Cannot read" in capsys.readouterr().err


def test_named_columns_override_the_guess(tmp_path, capsys):
    out = tmp_path / "out"
    command = ["audit", str(sample_path()), "--out", str(out)]
    command += ["--groups", "gender", "--outcomes", "suspended", "--min-n", "5"]
    assert main(command) == 0
    rows = rows_of(out)
    assert {r["group_column"] for r in rows} == {"gender"}
    assert {r["outcome"] for r in rows} == {"suspended"}
    # At 5, Nonbinary (7) and not recorded (12) are groups in their own right.
    assert all(r["students"] for r in rows)
    assert "Groups: gender" in capsys.readouterr().out
