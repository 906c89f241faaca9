"""Comparing rooms: three sessions side by side, one of them under k in feedback."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from facilitate.activities.alignment.report import alignment_part
from facilitate.activities.feedback.content import load_feedback
from facilitate.activities.feedback.metrics import RATED_COLUMNS, released_feedback
from facilitate.activities.self_assessment.content import load_self_assessment
from facilitate.activities.self_assessment.metrics import room_results
from facilitate.cli import main
from facilitate.compare.comparison import compare_rooms
from facilitate.compare.rooms import load_rooms
from facilitate.compare.workbook import HOW, ComparePage
from facilitate.core.agenda import current_agenda
from facilitate.core.errors import AccessRefused
from facilitate.core.events import ParticipantJoined
from facilitate.core.sessions import create_session
from facilitate.core.store import SQLiteStore
from facilitate.demo import DEMO_PEOPLE

FEW = 3  # people who gave feedback in the small room: under k = 5


def seeded_room(store, school, seed, feedback_people=None):
    session = create_session(
        store, f"Private title {seed}", school=school, district="North"
    )
    people = []
    for index, (name, role) in enumerate(DEMO_PEOPLE):
        people.append(f"p{index:02d}")
        store.append(session.code, ParticipantJoined(people[-1], name, role))
    rng = random.Random(seed)
    for spec, seed_activity in current_agenda().loaded("demo"):
        chosen = people
        if spec.key == "feedback" and feedback_people is not None:
            chosen = people[:feedback_people]
        seed_activity(store, session, chosen, rng)
    return session


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """One log for the module: seeding three rooms is the slow part."""
    opened = SQLiteStore(tmp_path_factory.mktemp("compare") / "events.sqlite3")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def rooms(store):
    return [
        seeded_room(store, "Oak <b>Elementary</b>", 3),
        seeded_room(store, "Pine Middle", 11),
        seeded_room(store, "Elm High", 5, feedback_people=FEW),
    ]


@pytest.fixture(scope="module")
def comparison(store, rooms):
    return compare_rooms(load_rooms(store, [r.code for r in rooms]))


def test_the_small_room_shows_feedback_as_suppressed_and_the_rest_as_released(
    store, rooms, comparison
):
    feedback = comparison.tables["feedback"]
    small = feedback.loc[feedback["session"] == rooms[2].code]
    assert small["suppressed"].all()
    assert small[[*RATED_COLUMNS, "mean", "low_share"]].isna().all().all()
    form = load_feedback()
    for room in rooms[:2]:
        _, released, _ = released_feedback(store.read(room.code), form, close=True)
        mine = feedback.loc[feedback["session"] == room.code].set_index("item")
        for _, row in released.iterrows():
            ours = [mine.at[row["item"], c] for c in RATED_COLUMNS]
            assert [None if pd.isna(v) else int(v) for v in ours] == [
                None if row[c] is None else int(row[c]) for c in RATED_COLUMNS
            ]
    # The small room's other figures are its own, released as usual.
    practices = comparison.tables["practices"]
    assert not practices.loc[practices["session"] == rooms[2].code, "suppressed"].all()


def test_figures_are_each_rooms_own_released_figures(store, rooms, comparison):
    zones = comparison.tables["zone_shifts"]
    for room in rooms:
        released = room_results(store.read(room.code), load_self_assessment()).zones
        end = released.loc[released["moment"] == "end"]
        total = sum(c for c in end["count"] if c is not None) + end["withheld"].max()
        mine = zones.loc[zones["session"] == room.code].set_index("zone")
        for _, row in end.iterrows():
            shown = mine.at[row["zone"], "end_share"]
            if row["hidden"] or row["merged"]:
                assert pd.isna(shown)
            else:
                assert shown == pytest.approx(row["count"] / total)
    top = comparison.tables["top_tensions"]
    part = alignment_part(store.read(rooms[0].code), rooms[0])
    labels = list(part.tables["alignment_tensions"]["label"].head(3))
    assert list(top.loc[top["session"] == rooms[0].code, "label"]) == labels


def test_largest_gaps_and_tensions_come_first(comparison):
    tables = comparison.tables
    practices = tables["practices"]
    highest = practices.groupby("practice", sort=False)["tension"].max().tolist()
    assert highest == sorted(highest, reverse=True)
    feedback = tables["feedback"]
    lowest = feedback.groupby("item", sort=False)["low_share"].max().fillna(-1)
    assert lowest.tolist() == sorted(lowest.tolist(), reverse=True)
    gini = tables["participation_rooms"]["gini"].tolist()
    assert gini == sorted(gini, reverse=True)
    roles = tables["participation_roles"]["talk_ratio"].tolist()
    assert roles == sorted(roles)


def test_compare_writes_one_html_page_and_csv_tables(
    store, rooms, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("FACILITATE_STORE", "")
    codes = [r.code for r in rooms]
    out_dir = tmp_path / "out"
    args = ["--store", f"sqlite://{store.path}", "compare", *codes]
    assert main([*args, "--out", str(out_dir), "--link"]) == 0
    out = capsys.readouterr().out
    stem = "compare-" + "-".join(codes)
    page = (out_dir / f"{stem}.html").read_text()
    names = {p.name for p in (out_dir / f"{stem}-csv").iterdir()}
    assert names == {
        "rooms.csv", "zone_shifts.csv", "top_tensions.csv", "practices.csv",
        "participation_rooms.csv", "participation_roles.csv", "feedback.csv",
    }  # fmt: skip
    assert "Oak &lt;b&gt;Elementary&lt;/b&gt;" in page
    assert "<b>Elementary" not in page
    assert "suppressed" in page
    for room in rooms:
        assert room.title not in page
        assert room.key not in page
        assert f"{room.code}:{room.key}" in out.replace("%3A", ":").replace("%2C", ",")
    csv = pd.read_csv(out_dir / f"{stem}-csv" / "feedback.csv")
    assert csv.loc[csv["session"] == codes[2], "suppressed"].all()


def test_the_workbook_opens_only_with_every_rooms_key(store, rooms):
    pairs = ",".join(f"{r.code}:{r.key}" for r in rooms)
    page = ComparePage(store=store)
    page.open(pairs)
    assert page.opened
    assert "Rooms compared" in page.view.value
    assert "Pine Middle" in page.view.value

    wrong = ComparePage(store=store)
    wrong.open(pairs.replace(rooms[1].key, "not-the-key"))
    assert not wrong.opened
    assert wrong.view.value == ""
    assert str(AccessRefused()) in wrong.status.value.replace("&#x27;", "'")

    empty = ComparePage(store=store)
    empty.open("")
    assert HOW.split(";")[0] in empty.status.value
