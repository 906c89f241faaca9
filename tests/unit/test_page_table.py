"""The one page table: every page the server serves is declared once, with its
credential, and the front door, the Voilas and the links all read it."""

from __future__ import annotations

import pytest

from facilitate.core.links import compare_link, display_link, facilitator_link
from facilitate.core.page_table import PageTable, page_table
from facilitate.core.pages import DISPLAY, JOIN_PAGE, OPEN, Page, PageError
from facilitate.core.paths import workbooks_dir
from facilitate.server import gates
from facilitate.server.voila import ServeOptions, gather_pages, lead_role, room_role
from facilitate.ui.remote_page import RemotePage

BASE = "http://10.0.0.2:8866"


def test_every_workbook_is_declared_and_every_declared_page_has_one():
    declared = {page.name for page in page_table().pages if not page.package}
    assert declared == {p.name for p in workbooks_dir().glob("*.ipynb")}
    assert all(page.workbook().is_file() for page in page_table().pages)


def test_each_page_says_who_may_open_it():
    table = page_table()
    assert [p.name for p in table.pages if p.open] == [JOIN_PAGE.name]
    assert table.join is JOIN_PAGE
    assert table.named("display").access == DISPLAY
    gated = {p.name: p.gate.rpartition(".")[2] for p in table.pages if p.gate}
    assert gated == {
        "compare.ipynb": "gate:compare_gate",
        "team.ipynb": "pages:team_gate",
        "colleague.ipynb": "pages:colleague_gate",
    }
    assert gates.gate_of(table.named("team")).__module__ == "facilitate.teams.pages"
    assert gates.gate_of(table.named("participant")) is None
    assert gates.gate_of(None) is gates.facilitator_gate


def test_activities_declare_their_own_pages_in_their_specs():
    table = page_table()
    assert table.named("tracker") in table.pages
    assert table.named("audit") in table.pages


def test_a_page_is_declared_once_with_a_workbooks_name():
    with pytest.raises(PageError, match="'REMOTE.ipynb' is declared twice"):
        PageTable([Page("remote.ipynb"), Page("REMOTE.ipynb", OPEN)])
    with pytest.raises(PageError, match="not a workbook's file name"):
        Page("remote")
    with pytest.raises(PageError, match="asks for 'anyone'"):
        Page("remote.ipynb", "anyone")
    with pytest.raises(PageError, match="No page 'nowhere' is declared"):
        page_table().named("nowhere")


def test_links_go_where_the_table_serves_each_page(session):
    folder = f"{BASE}/lead/voila/render"
    assert facilitator_link(BASE, session, "evidence").startswith(
        f"{folder}/evidence.ipynb?code={session.code}&key="
    )
    assert display_link(BASE, session, "t").startswith(f"{folder}/display.ipynb?")
    assert compare_link(BASE, [session]).startswith(f"{folder}/compare.ipynb?rooms=")


def test_each_voila_serves_exactly_the_table(tmp_path):
    served = gather_pages(page_table(), tmp_path / "pages")
    names = sorted(p.name for p in served.iterdir())
    assert names == sorted(p.name for p in page_table().pages)
    assert (served / "participant.ipynb").read_bytes() == (
        workbooks_dir() / "participant.ipynb"
    ).read_bytes()
    assert room_role(ServeOptions(pool=3)).pools == {"participant.ipynb": 3}
    assert lead_role().pools == {"display.ipynb": 1, "remote.ipynb": 1}


def test_a_declared_page_without_its_workbook_stops_the_start(tmp_path):
    table = PageTable([Page("ghost.ipynb", package="facilitate.core")])
    with pytest.raises(PageError, match="'ghost.ipynb' is declared but"):
        gather_pages(table, tmp_path / "pages")


def test_the_remote_links_to_the_pages_declared_with_a_label_for_it(store, session):
    assert [(p.name, p.remote) for p in page_table().on_the_remote] == [
        ("tracker.ipynb", "Participation tracker"),
        (
            "evidence.ipynb",
            "Leader's evidence pack (reflection, context, colleague feedback)",
        ),
    ]
    remote = RemotePage(store=store)
    remote.start()
    remote.browser.origin = BASE
    remote.open(session.code, session.key)
    links = remote.pages.value
    tracker = f"{BASE}/lead/voila/render/tracker.ipynb?code={session.code}&amp;key="
    assert f'<a class="fc-page-tracker" href="{tracker}' in links
    assert 'class="fc-page-evidence"' in links
    assert "fc-page-team" not in links
