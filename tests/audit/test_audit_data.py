"""Reading a district's file: counts from either shape, and one sentence per problem."""

from __future__ import annotations

import pandas as pd
import pytest

from facilitate.audit.data import (
    GROUP,
    IGNORE,
    OUTCOME,
    chosen_roles,
    guess_mapping,
    load_counts,
    mapping_of,
)
from facilitate.audit.table import AuditFileError, read_table

STUDENTS = b"""# Synthetic: made up for this test.
student_id,home_language,english_learner,suspended,honors
S1,Spanish,Yes,1,no
S2,English,No,0,YES

S3,Spanish,yes,1,No
S4,,No,0,y
"""


def test_student_rows_become_counts_per_outcome_and_group():
    # "Yes" and "yes" are one group; a blank cell is "(not recorded)".
    counts = load_counts(STUDENTS, "district.csv")
    assert counts.notes == ("Synthetic: made up for this test.",)
    assert counts.students == 4
    assert counts.group_columns == ("home_language", "english_learner")
    assert counts.outcomes == ("suspended", "honors")
    expected = pd.DataFrame(
        [
            ("suspended", "home_language", "English", 1, 0),
            ("suspended", "home_language", "Spanish", 2, 2),
            ("suspended", "home_language", "(not recorded)", 1, 0),
            ("suspended", "english_learner", "No", 2, 0),
            ("suspended", "english_learner", "Yes", 2, 2),
            ("honors", "home_language", "English", 1, 1),
            ("honors", "home_language", "Spanish", 2, 0),
            ("honors", "home_language", "(not recorded)", 1, 1),
            ("honors", "english_learner", "No", 2, 2),
            ("honors", "english_learner", "Yes", 2, 0),
        ],
        columns=["outcome", "group_column", "group", "students", "with_outcome"],
    )
    pd.testing.assert_frame_equal(counts.counts, expected)


def test_the_mapping_guess_ignores_identifiers_and_keeps_described_groups():
    guesses = guess_mapping(read_table(STUDENTS, "district.csv"))
    assert mapping_of(guesses) == {
        "student_id": IGNORE,
        "home_language": GROUP,
        "english_learner": GROUP,
        "suspended": OUTCOME,
        "honors": OUTCOME,
    }
    assert guesses[0].reason == "looks like an identifier"


def test_named_columns_replace_the_guess_and_unknown_names_are_refused():
    guessed = mapping_of(guess_mapping(read_table(STUDENTS, "district.csv")))
    roles = chosen_roles(guessed, ["english_learner"], [])
    assert roles["english_learner"] == GROUP
    assert roles["home_language"] == IGNORE
    assert roles["suspended"] == OUTCOME
    with pytest.raises(AuditFileError) as raised:
        chosen_roles(guessed, [], ["expelled"])
    assert str(raised.value) == (
        "There is no column 'expelled'. The columns are: student_id, "
        "home_language, english_learner, suspended, honors."
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"# note\nid,race,suspended\n1,A,1\n2,B,maybe\n",
            "district.csv, row 4, column 'suspended': the cell holds something "
            "other than 1/0 or yes/no. Fix the cell, or map the column as a group "
            "or to ignore.",
        ),
        (
            b"id,race,suspended\n1,A,1\n2,B,\n",
            "district.csv, row 3, column 'suspended': the cell is empty. An outcome "
            "needs 1/0 or yes/no for every student.",
        ),
        (
            b"id,race,suspended\n1,A,1\n2,B,0,1\n",
            "district.csv, row 3: 4 cells where the header has 3. Check for a stray "
            "comma or a missing cell.",
        ),
        (
            b"id,race,Race,suspended\n1,A,A,1\n",
            "district.csv, row 1, column 'Race': the name is used twice. Give each "
            "column its own name.",
        ),
        (b"# only notes\n\n", "district.csv: the file has no header row and no data."),
        (
            b"id,race,suspended\n",
            "district.csv: the file has a header but no rows of data.",
        ),
        (
            b"id,race\n1,A\n",
            "district.csv: choose at least one outcome column (an outcome holds 1/0 "
            "or yes/no; a group column says which group each student is in).",
        ),
    ],
)
def test_a_bad_file_is_one_sentence_naming_file_row_and_column(content, message):
    roles = {"race": GROUP, "suspended": OUTCOME} if b"suspended" in content else None
    with pytest.raises(AuditFileError) as raised:
        load_counts(content, "district.csv", roles)
    assert str(raised.value) == message


def test_an_outcome_with_one_typo_is_still_guessed_an_outcome_and_then_named():
    rows = "".join(f"{n},A,{n % 2}\n" for n in range(19)) + "19,B,yse\n"
    content = ("id,race,suspended\n" + rows).encode()
    guesses = guess_mapping(read_table(content, "district.csv"))
    assert (guesses[2].role, guesses[2].reason) == (OUTCOME, "mostly yes/no")
    with pytest.raises(AuditFileError, match="row 21, column 'suspended'"):
        load_counts(content, "district.csv")


def test_a_student_value_is_never_repeated_in_an_error():
    content = b"id,race,suspended\n1,A,1\n2,B,Maria Lopez\n"
    with pytest.raises(AuditFileError) as raised:
        load_counts(content, "district.csv")
    assert "Maria" not in str(raised.value)


def test_aggregated_counts_are_read_and_checked_row_by_row():
    content = (
        b"Group_Column,group,outcome,students,with_outcome\n"
        b'race,A,suspended,100,30\nrace,B,suspended,"1,200",20\n'
    )
    counts = load_counts(content, "counts.csv")
    assert counts.students is None
    assert counts.counts["students"].tolist() == [100, 1200]
    assert counts.group_columns == ("race",)
    too_many = b"group_column,group,outcome,students,with_outcome\nrace,A,s,10,11\n"
    with pytest.raises(AuditFileError) as raised:
        load_counts(too_many, "counts.csv")
    assert str(raised.value) == (
        "counts.csv, row 2, column 'with_outcome': 11 is more than the 10 students "
        "of the group."
    )
    twice = (
        b"group_column,group,outcome,students,with_outcome\n"
        b"race,A,s,10,1\nrace,A,s,12,2\n"
    )
    with pytest.raises(AuditFileError, match="row 3: 'A' of 'race' appears twice"):
        load_counts(twice, "counts.csv")
    fraction = b"group_column,group,outcome,students,with_outcome\nrace,A,s,10.5,1\n"
    with pytest.raises(AuditFileError) as raised:
        load_counts(fraction, "counts.csv")
    assert str(raised.value) == (
        "counts.csv, row 2, column 'students': '10.5' is not a whole number of "
        "students."
    )


def test_an_identifier_mapped_as_a_group_is_refused():
    rows = "".join(f"S{n},{n % 2}\n" for n in range(60))
    content = ("code,suspended\n" + rows).encode()
    table = read_table(content, "ids.csv")
    assert mapping_of(guess_mapping(table))["code"] == IGNORE
    with pytest.raises(AuditFileError) as raised:
        load_counts(content, "ids.csv", {"code": GROUP, "suspended": OUTCOME})
    assert str(raised.value) == (
        "ids.csv, column 'code': 60 different values, more than 50 groups. It "
        "looks like an identifier: map it to ignore."
    )


def test_semicolons_and_excel_encodings_are_read():
    content = "id;Sprache;suspended\n1;Türkisch;1\n2;Deutsch;0\n".encode("cp1252")
    counts = load_counts(content, "de.csv", {"Sprache": GROUP, "suspended": OUTCOME})
    assert counts.counts["group"].tolist() == ["Deutsch", "Türkisch"]
    bom = "\ufeffid,race,suspended\n1,A,1\n".encode()
    assert load_counts(bom, "bom.csv", {"race": GROUP, "suspended": OUTCOME}).students
