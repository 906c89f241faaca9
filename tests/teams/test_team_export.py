"""What leaves the team: aggregates through the gate, no student and no owner."""

from __future__ import annotations

import shutil
import subprocess

import pandas as pd

from facilitate.cli import main
from facilitate.core.store import open_store
from facilitate.teams.codes import create_team
from facilitate.teams.content import load_four_questions
from facilitate.teams.demo import seed_demo_team
from facilitate.teams.events import (
    CauseNoted,
    ConcernRaised,
    ResponseChecked,
    StudentAdded,
    SupportAdded,
)
from facilitate.teams.report import (
    areas_and_tiers,
    flags_table,
    response_by_type,
    time_to_support,
)
from facilitate.teams.state import team_state
from tests.teams.team_history import (
    C1,
    C2,
    C3,
    check,
    concern,
    history,
    student,
    support,
)

CONTENT = load_four_questions()
MARKED_LABEL = "ZQ7731"
MARKED_OWNER = "Ms Unforgettable-Owner"
MARKED_WHAT = "Secret-what-note"
MARKED_EVIDENCE = "EVIDENCE-MARKER-4J"
MARKED_CAUSE = "CAUSE-MARKER-9Q"


def many(n: int, area: str = "reading", tier: int = 2, start: str = C1, **kw) -> list:
    events = []
    for i in range(n):
        who = f"{area}-{tier}-{start}-{i}"
        events += [
            student(who),
            concern(who, area),
            support(f"s-{who}", who, area, start=start, tier=tier, **kw),
        ]
    return events


def test_areas_and_tiers_count_students_through_the_gate():
    state = history(
        *many(4, tier=2),
        *many(3, tier=3),
        *many(1, "mathematics"),
        *many(3, "writing", tier=1),
        student("z"),
        concern("z", "reading"),
    )
    table = areas_and_tiers(state, CONTENT, k=3)
    reading = table.iloc[0].to_dict()
    # One student with no support (under k) would be read off 8 - 4 - 3: the gate
    # merges tier 3 with it, and says how many the merged group holds.
    assert reading == {
        "Area": "Reading",
        "Tier 1": None,
        "Tier 2": 4,
        "Tier 3": None,
        "Planned only": None,
        "No support yet": None,
        "Students": 8,
        "Merged groups": "Tier 3, no support yet, tier 1 or planned only: 4",
    }
    # Mathematics' one student would be the cover's 12 students of concern less
    # the areas shown: the smallest other area (writing) joins it in one row.
    assert table["Area"].tolist() == ["Reading", "Writing and mathematics, together"]
    merged = table.iloc[1].to_dict()
    assert merged["Students"] == 4
    # 3 at tier 1 and 1 at tier 2: the 3 alone would give the 1 away.
    assert merged["Tier 1"] is None


def test_areas_all_under_k_stay_apart_and_hidden():
    state = history(*many(1, "mathematics"), *many(1, "writing"))
    table = areas_and_tiers(state, CONTENT, k=3)
    assert table["Area"].tolist() == ["Writing", "Mathematics"]
    assert table["Students"].tolist() == [None, None]


def test_response_rates_and_time_to_support_and_flags_over_time():
    improving = many(3, tier=2, kind="small_group")
    flat = many(3, tier=3, kind="one_to_one", start="2026-01-19")
    checks = [check(C2, "improving", e.student) for e in improving[::3]]
    checks += [check(C2, "no_change", e.student) for e in flat[::3]]
    state = history(*improving, *flat, *checks)
    rates = response_by_type(state, CONTENT, k=3)
    assert rates.to_dict("records") == [
        {
            "Kind of support": "One-to-one tutoring",
            "Supports checked": 3,
            "Improving": None,
            "No change": None,
            "Declining": None,
            "Too early to tell": None,
            "Improving (%)": None,
            "Merged groups": "",
        },
        {
            "Kind of support": "Small-group instruction",
            "Supports checked": 3,
            "Improving": None,
            "No change": None,
            "Declining": None,
            "Too early to tell": None,
            "Improving (%)": None,
            "Merged groups": "",
        },
    ], "one shown cell would give away the zeros beside it"
    waits = time_to_support(state, CONTENT, k=3).iloc[0].to_dict()
    assert waits == {
        "Area": "Reading",
        "Supported": None,
        "Still waiting": None,
        "Concerns": 6,
        "Median days to support": 3.5,
        "Merged groups": "",
    }
    flags = flags_table(state, k=3)
    assert list(flags["Meeting"]) == [
        "12 Jan 2026",
        "26 Jan 2026",
        "9 Feb 2026",
        "23 Feb 2026",
        "9 Mar 2026",
    ]
    # Six supports overdue, and no other flag: the zeros beside the six keep the
    # six from being shown on its own, but the total is.
    assert flags.iloc[3]["Support's check overdue"] is None
    assert flags.iloc[3]["All flags"] == 6
    assert flags.iloc[0]["All flags"] is None


def marked_team(store):
    team = seed_demo_team(store)
    for code in (team.code,):
        store.append(code, StudentAdded("marked", MARKED_LABEL, "Black", C3))
        store.append(code, ConcernRaised("marked", "reading", C3))
        store.append(code, CauseNoted("marked-cause", "marked", MARKED_CAUSE, C3))
        store.append(
            code,
            SupportAdded(
                "marked-s",
                "marked",
                "reading",
                MARKED_WHAT,
                "small_group",
                2,
                MARKED_OWNER,
                C3,
                1,
                C3,
                ["marked-cause"],
            ),
        )
        store.append(
            code, ResponseChecked("marked", "reading", C3, "improving", MARKED_EVIDENCE)
        )
    return team


def exported_text(out) -> str:
    texts = [p.read_text(encoding="utf-8") for p in out.rglob("*.html")]
    texts += [p.read_text(encoding="utf-8") for p in out.rglob("*.csv")]
    pdf = next(out.glob("*.pdf"), None)
    if pdf is not None:
        done = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        )
        texts.append(done.stdout)
    return "\n".join(texts)


def test_the_export_carries_no_student_identifier_and_no_owner_name(tmp_path):
    store = open_store(tmp_path / "data")
    team = marked_team(store)
    records = store.read(team.code)
    state = team_state(records)
    formats = "all" if shutil.which("chromium") and shutil.which("pdftotext") else "csv"
    out = tmp_path / "out"
    argv = ["--data-dir", str(tmp_path / "data"), "export-team", team.code]
    assert main([*argv, "--to", formats, "--out", str(out)]) == 0
    if formats == "csv":
        assert main([*argv, "--to", "html", "--out", str(out)]) == 0
    text = exported_text(out)
    assert "Flags over time" in text
    assert "Students, meeting by meeting" in text
    assert "Equity lens" in text

    secrets = {team.key, MARKED_LABEL, MARKED_OWNER, MARKED_WHAT, MARKED_EVIDENCE}
    secrets |= {MARKED_CAUSE, "marked-cause"}
    secrets |= {n.note for notes in state.causes.values() for n in notes}
    secrets |= {s.label for s in state.students.values()}
    secrets |= {s.student for s in state.students.values()}
    secrets |= {s.owner for s in state.supports.values()}
    secrets |= {s.what for s in state.supports.values()}
    secrets |= {c.evidence for checks in state.checks.values() for c in checks.values()}
    found = sorted(s for s in secrets if s in text)
    assert found == []
    for path in out.rglob("*.csv"):
        frame = pd.read_csv(path)
        assert not {"student", "label", "owner", "evidence", "what"} & {
            c.lower() for c in frame.columns
        }, path.name


def test_export_team_refuses_a_session_code_and_an_unknown_team(tmp_path, capsys):
    store = open_store(tmp_path)
    create_team(store, "Grade 4 team")
    assert main(["--data-dir", str(tmp_path), "export-team", "T-ZZZZZZ"]) == 2
    assert "'T-ZZZZZZ' is not a team we know" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path), "export-team", "ABCDEF"]) == 2
    assert "'ABCDEF' is not a team code" in capsys.readouterr().err
