"""Every workbook, run in a real kernel against a seeded store, shows its page.

A page factory turns a failure into one sentence (``error_page``), so a workbook
that merely runs without an exception proves little. Each workbook the page
table serves (those in ``workbooks/`` and those an activity ships in its folder)
is given the address a browser would open it with, executed cell by cell as Voila
does, and then what it displayed is read back from the widgets' state: the page's own
widget (a stable ``fc-*`` class) must be there, and the error page must not.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import nbformat
import pytest
from nbclient import NotebookClient

from facilitate.core.page_table import page_table
from facilitate.core.paths import workbooks_dir
from facilitate.core.sessions import SessionInfo, display_token
from facilitate.core.store import open_store
from facilitate.demo import seed_demo
from facilitate.evidence.colleague import INVITE_PARAMETER, invite
from facilitate.teams.demo import demo_team
from facilitate.ui.widgets import ERROR_HEADING

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
#: The summary's sentence for a section that failed to build.
PART_FAILED = "This section could not be built"
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')


@dataclass(frozen=True)
class Room:
    """The seeded store and the addresses its pages are opened with."""

    data_dir: Path
    session: SessionInfo
    other: SessionInfo
    display_token: str
    invitation_token: str
    team_code: str
    team_key: str


@dataclass(frozen=True)
class Shows:
    """How a workbook is opened, and the ``fc-*`` class its page must show."""

    css_class: str
    query: Callable[[Room], dict[str, str]]
    #: Pooled kernels learn their address from the browser, not the environment.
    from_browser: bool = False


def keyed(room: Room) -> dict[str, str]:
    return {"code": room.session.code, "key": room.session.key}


WORKBOOKS = {
    "audit": Shows("fc-audit-upload", keyed),
    "colleague": Shows(
        "fc-feedback-send",
        lambda r: {"code": r.session.code, INVITE_PARAMETER: r.invitation_token},
    ),
    "compare": Shows(
        "fc-compare",
        lambda r: {
            "rooms": ",".join(f"{s.code}:{s.key}" for s in (r.session, r.other))
        },
    ),
    "console": Shows("fc-signpost", keyed),
    "display": Shows(
        "fc-display-stage", lambda r: {"code": r.session.code, "view": r.display_token}
    ),
    "evidence": Shows("fc-checklist", keyed),
    "participant": Shows(
        "fc-submit", lambda r: {"code": r.session.code}, from_browser=True
    ),
    "reflection": Shows("fc-pointer", keyed),
    "remote": Shows("fc-next-phase", keyed),
    "summary": Shows("fc-part", keyed),
    "team": Shows("fc-team", lambda r: {"team": r.team_code, "key": r.team_key}),
    "tracker": Shows("fc-speakers", keyed),
}

#: What the browser reports when a pooled kernel's page connects (ui/browser.py).
BROWSER_CONNECTS = """\
page.browser.origin = "http://127.0.0.1:8866"
page.browser.pathname = "/voila/render/{name}.ipynb"
page.browser.query = {query!r}
page.browser.connected = True
"""


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Room:
    data_dir = tmp_path_factory.mktemp("workbooks")
    store = open_store(data_dir)
    session = seed_demo(store)
    other = seed_demo(store)
    invitation = invite("Dolores", "Literacy specialist")
    store.append(session.code, invitation)
    team = demo_team(store)
    token = display_token(store, session)
    store.close()
    return Room(data_dir, session, other, token, invitation.token, team.code, team.key)


def run(name: str, room: Room) -> nbformat.NotebookNode:
    """Execute the workbook as Voila would, with the kernel given its address."""
    shows = WORKBOOKS[name]
    query = shows.query(room)
    workbook = page_table().named(name).workbook()
    notebook = nbformat.reads(workbook.read_text(encoding="utf-8"), as_version=4)
    env = {k: v for k, v in os.environ.items() if k != "QUERY_STRING"}
    env["FACILITATE_DATA_DIR"] = str(room.data_dir)
    if shows.from_browser:
        source = BROWSER_CONNECTS.format(name=name, query=query)
        notebook.cells.append(nbformat.v4.new_code_cell(source))
    else:
        env["QUERY_STRING"] = urlencode(query)
    client = NotebookClient(
        notebook,
        timeout=120,
        store_widget_state=True,
        resources={"metadata": {"path": str(workbooks_dir())}},
    )
    return client.execute(env=env)


def shown(notebook: nbformat.NotebookNode) -> tuple[set[str], str]:
    """The CSS classes and the HTML of everything the workbook displayed."""
    widgets = notebook.metadata.get("widgets", {}).get(WIDGET_STATE, {})
    state: dict[str, Any] = widgets.get("state", {})
    classes: set[str] = set()
    html: list[str] = []

    def walk(model_id: str) -> None:
        model = state[model_id]["state"]
        classes.update(model.get("_dom_classes", ()))
        if isinstance(model.get("value"), str):
            html.append(model["value"])
        for child in model.get("children", ()):
            walk(child.removeprefix("IPY_MODEL_"))

    for cell in notebook.cells:
        for output in cell.get("outputs", ()):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                walk(data[WIDGET_VIEW]["model_id"])
            html.append(data.get("text/html", ""))
    text = "\n".join(html)
    classes.update(w for found in CLASS_ATTRIBUTE.findall(text) for w in found.split())
    return classes, text


@pytest.mark.parametrize("name", sorted(p.stem for p in page_table().pages))
def test_workbook_shows_its_page(name: str, room: Room):
    if name not in WORKBOOKS:
        pytest.fail(f"Say what {name}.ipynb must show in WORKBOOKS.")
    classes, html = shown(run(name, room))
    assert ERROR_HEADING not in html
    assert PART_FAILED not in html
    assert "fc-error" not in classes
    assert WORKBOOKS[name].css_class in classes, sorted(classes)
