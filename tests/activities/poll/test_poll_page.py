"""The poll's own page: declared in its spec, its workbook in this folder, served
behind the facilitator key by the front door, with no file outside this folder
knowing about it."""

from __future__ import annotations

import os
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from facilitate.core.agenda import AGENDA_VARIABLE, current_agenda
from facilitate.core.events import ParticipantJoined
from facilitate.core.page_table import page_table
from facilitate.core.sessions import create_session
from facilitate.core.store import open_store
from facilitate.server.proxy import Backend, Front
from facilitate.server.voila import gather_pages
from tests.activities.poll.content import load_poll
from tests.activities.poll.events import PollAnswered
from tests.activities.poll.page import PollResults
from tests.activities.poll.spec import SPEC
from tests.live_server import (
    free_port,
    kernel_pids,
    start_serve,
    stop_server,
    wait_for_address,
)

HOME = Path(__file__).parent
ROOT = HOME.parents[2]
PAGE = "/lead/voila/render/poll.ipynb"
#: How a file would name the poll: its package, its event kind, its key, its files.
NAMED = re.compile(
    r"tests[./]activities[./]poll\b|\bpoll_answered\b"
    r"""|["']poll(\.ipynb|\.yaml)?["']"""
)
CODE_FILES = {".py", ".yaml", ".yml", ".toml", ".cfg", ".ini", ".ipynb", ".json"}
SKIPPED = {"node_modules", "build", "dist"}


@pytest.fixture(autouse=True)
def poll_agenda(monkeypatch):
    monkeypatch.setenv(AGENDA_VARIABLE, "tests.activities.poll.agenda:AGENDA")


def project_files() -> list[Path]:
    """Every code and configuration file of the project outside this folder."""
    found = []
    for path in ROOT.rglob("*"):
        parts = path.relative_to(ROOT).parts
        if set(parts) & SKIPPED or any(p.startswith(".") for p in parts[:-1]):
            continue
        if any(p.endswith(".egg-info") or p == "__pycache__" for p in parts):
            continue
        if HOME in path.parents or not path.is_file():
            continue
        if path.suffix in CODE_FILES or path.name in ("Makefile", "conftest.py"):
            found.append(path)
    return found


def test_no_file_outside_this_folder_names_the_poll():
    named = [
        path.relative_to(ROOT).as_posix()
        for path in project_files()
        if NAMED.search(text_of(path))
    ]
    assert named == []


def text_of(path: Path) -> str:
    """The file's text ("" if it went away while the project was read)."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""


def test_the_scan_would_see_the_poll_named():
    named = [
        "from tests.activities.poll.spec import SPEC",
        "kind='poll_answered'",
        'Page("poll.ipynb")',
        "'poll'",
        "tests/activities/poll/x.py",
    ]
    for text in named:
        assert NAMED.search(text), text
    assert not NAMED.search("the display polls the store; polling")


def test_everything_the_poll_declares_lives_in_this_folder():
    package = SPEC.participant.target.partition(".views")[0]  # type: ignore[union-attr]
    assert all(t.target.startswith(f"{package}.") for _, t in SPEC.references())
    assert [(p.name, p.package) for p in SPEC.pages] == [("poll.ipynb", package)]
    assert (HOME / "poll.ipynb").is_file()
    assert (HOME / "poll.yaml").is_file()
    assert current_agenda().activity("poll") is SPEC
    assert page_table().find("poll.ipynb") is SPEC.pages[0]


def test_the_front_door_serves_the_poll_page_behind_the_key(store, session, tmp_path):
    front = Front(Backend("room", 1), Backend("lead", 2, "/lead"), lambda: store)
    keyless = front.check_page(PAGE, {"code": session.code}, "10.0.0.1")
    assert keyless.status == 403
    assert "facilitator's key" in keyless.message
    query = {"code": session.code, "key": session.key}
    assert front.check_page(PAGE, query, "10.0.0.1").status == 0
    moved = front.check_page("/voila/render/POLL.ipynb", query, "10.0.0.1")
    assert moved.location.startswith(f"{PAGE}?code={session.code}&key=")
    served = gather_pages(page_table(), tmp_path / "pages")
    assert (served / "poll.ipynb").read_bytes() == (HOME / "poll.ipynb").read_bytes()


def test_the_poll_page_shows_the_released_counts_by_the_contents_labels(store, session):
    for index in range(11):
        store.append(session.code, ParticipantJoined(f"p{index}", "x", "teacher"))
        store.append(
            session.code, PollAnswered(f"p{index}", "yes" if index < 6 else "no")
        )
    page = PollResults(store=store)
    page.open(session.code, session.key)
    assert page.counts.value == "<p>Yes, this month: 6</p><p>Not yet: 5</p>"
    refused = PollResults(store=store)
    refused.open(session.code, "not-the-key")
    assert "needs the facilitator&#x27;s key" in refused.refused.value
    assert refused.counts.value == ""


def test_the_question_comes_from_the_polls_own_content_file():
    poll = load_poll()
    assert poll.prompt.startswith("Will you try one idea")
    assert [(c.key, c.label) for c in poll.choices] == [
        ("yes", "Yes, this month"),
        ("no", "Not yet"),
    ]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.browser
def test_a_real_server_serves_the_poll_page(tmp_path, monkeypatch):
    """Kernels import this folder like the server does: from the project's root."""
    path = os.environ.get("PYTHONPATH", "")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), path])))
    store = open_store(tmp_path)
    session = create_session(store, "Poll page", min_group_size=1)
    store.append(session.code, PollAnswered("p0", "yes"))
    log = tmp_path / "serve.log"
    port = free_port()
    with log.open("wb") as out:
        process = start_serve(tmp_path, port, pool=0, out=out)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_address(f"{base}/lead/", process, log)
        before = set(kernel_pids(process.pid))
        status, body = fetch(f"{base}{PAGE}?code={session.code}")
        assert status == 403
        assert 'class="fc-refused"' in body
        assert set(kernel_pids(process.pid)) <= before, "a refusal cost a kernel"
        status, body = fetch(f"{base}{PAGE}?code={session.code}&key={session.key}")
        assert status == 200, log.read_text()[-3000:]
        # The page ran and opened the session with its key: its heading, in
        # the text Voila writes beside each widget it renders.
        assert "Quick poll: Po" in body
    finally:
        stop_server(process)
        store.close()
