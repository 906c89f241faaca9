"""Two workers behind HAProxy sharing one PostgreSQL log, and one of them dying.

One ``facilitate serve --workers 2``: twenty people come in through HAProxy; every
browser stays on its worker across reloads; the remote on one worker counts
people who joined on both; then the other worker is killed, and its people
reload onto the survivor and carry on. Last, a client forging its address in
forwarding headers is limited as one that does not. Two people join in
Chromium, a kernel each. Eighteen phones are cookie jars opening the room's
address (the front door's redirect to the join page: HAProxy places them without
a kernel each, which the two browsers already prove) and join through the shared
store, as other tests do.
"""

from __future__ import annotations

import http.cookiejar
import os
import signal
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from facilitate.activities.checkin.content import load_checkin
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core.events import ParticipantJoined
from facilitate.core.sessions import create_session
from facilitate.core.store import StoreAddress, open_address
from facilitate.core.store.address import POSTGRESQL
from facilitate.server.haproxy import COOKIE
from facilitate.server.health import WORKER_HEADER
from tests.browser.people import join, wait_for_text
from tests.live_server import (
    free_port,
    start_serve,
    stop_server,
    voila_pid,
    wait_for_address,
)

pytestmark = pytest.mark.browser

HTTP_PEOPLE = 18


class HttpPerson:
    """A participant's phone reduced to its cookie jar: which worker it is on."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def open(self, path: str) -> str:
        """GET ``path`` through HAProxy; the worker that answered."""
        try:
            response = self.opener.open(self.base + path, timeout=60)
        except urllib.error.HTTPError as answer:  # the redirect, not followed
            response = answer
        with response:
            return str(response.headers[WORKER_HEADER])

    @property
    def cookie(self) -> str:
        return next(c.value for c in self.jar if c.name == COOKIE) or ""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_):
        return None


def worker_of(page) -> str:
    """The worker this browser's requests reach (its cookie decides)."""
    return page.request.get(page.url.split("/voila/")[0] + "/healthz").headers[
        WORKER_HEADER.lower()
    ]


def status_of(url: str, worker: str, address: str, forged: int = 0) -> int:
    """The status of a GET on ``worker``, claiming to come from ``address`` in
    X-Real-Ip, X-Forwarded-For or both (``forged`` 0, 1 or 2)."""
    headers = {"Cookie": f"{COOKIE}={worker}"}
    if address:
        claims = ("X-Real-Ip", "X-Forwarded-For")
        chosen = claims if forged == 2 else claims[forged : forged + 1]
        headers |= dict.fromkeys(chosen, address)
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return int(response.status)
    except urllib.error.HTTPError as answer:
        return answer.code


def cookie_of(page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == COOKIE)


def worker_pid(serve_pid: int, name: str) -> int:
    """The process id of worker ``name``, a child of ``facilitate serve``."""
    marker = f"\0--name\0{name}\0".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = next(line for line in status.splitlines() if line.startswith("PPid"))
        if int(parent.split()[1]) == serve_pid and marker in command:
            return int(entry.name)
    raise AssertionError(f"no worker {name} under facilitate serve ({serve_pid})")


def ended(pid: int, seconds: float = 60) -> bool:
    """Whether process ``pid`` has exited (or is a zombie) within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return True
        if "\nState:\tZ" in status:
            return True
        time.sleep(0.2)
    return False


def test_two_workers_share_the_log_keep_people_on_their_worker_and_survive_one(
    postgres_server, new_page, tmp_path
):
    url = postgres_server.new_database()
    store = open_address(StoreAddress(POSTGRESQL, url=url))
    session = create_session(store, "Large event", min_group_size=3)
    port, log = free_port(), tmp_path / "serve.log"
    with log.open("wb") as out:
        process = start_serve(
            tmp_path / "data", port, pool=2, out=out,
            extra=["--workers", "2", "--store", url],
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    join_url = f"{base}/voila/render/participant.ipynb?code={session.code}"
    try:
        wait_for_address(base + "/healthz", process, log)
        remote = new_page()
        remote.goto(
            f"{base}/lead/voila/render/remote.ipynb?code={session.code}"
            f"&key={session.key}"
        )
        wait_for_text(remote, ".fc-count", "0", timeout_ms=90_000)
        remote_worker = worker_of(remote)

        # Eighteen phones at once: HAProxy spreads them, and each one's next
        # request goes to the same worker.
        people = [HttpPerson(base) for _ in range(HTTP_PEOPLE)]
        with ThreadPoolExecutor(max_workers=HTTP_PEOPLE) as pool:
            first = list(pool.map(lambda p: p.open("/"), people))
        assert set(first) == {"w1", "w2"}, first
        assert [p.open("/healthz") for p in people] == first
        assert [p.cookie for p in people] == first
        choice = load_checkin().choices[1].key
        for index, _ in enumerate(people):
            store.append(session.code, ParticipantJoined(f"http-{index}", "Phone"))
            store.append(session.code, CheckinAnswered(f"http-{index}", choice))
        wait_for_text(remote, ".fc-count", str(HTTP_PEOPLE))

        # Two in Chromium, one on each worker: Ana where HAProxy puts her, Bo
        # carrying the other worker's cookie. Their own kernels record them.
        ana = new_page()
        join(ana, join_url, "Ana")
        ana_worker = worker_of(ana)
        bo_worker = "w2" if ana_worker == "w1" else "w1"
        bo = new_page()
        bo.context.add_cookies([{"name": COOKIE, "value": bo_worker, "url": base}])
        join(bo, join_url, "Bo")
        assert (worker_of(bo), cookie_of(ana), cookie_of(bo)) == (
            bo_worker, ana_worker, bo_worker,
        )  # fmt: skip
        wait_for_text(remote, ".fc-count", str(HTTP_PEOPLE + 2))

        ana.reload()
        wait_for_text(ana, ".fc-status", "You are in as Ana.", timeout_ms=60_000)
        assert (worker_of(ana), cookie_of(ana)) == (ana_worker, ana_worker)

        # The worker the remote is not on dies with its kernels.
        doomed = "w2" if remote_worker == "w1" else "w1"
        survivor = remote_worker
        doomed_pid = worker_pid(process.pid, doomed)
        doomed_room = voila_pid(doomed_pid, "/")  # in a session of its own
        os.killpg(doomed_pid, signal.SIGKILL)
        stranded = [p for p, w in zip(people, first, strict=True) if w == doomed]
        assert all(p.open("/healthz") == survivor for p in stranded)
        assert all(p.cookie == survivor for p in stranded)
        moved = ana if ana_worker == doomed else bo
        name = "Ana" if moved is ana else "Bo"
        moved.reload()
        wait_for_text(moved, ".fc-status", f"You are in as {name}.", timeout_ms=60_000)
        assert (worker_of(moved), cookie_of(moved)) == (survivor, survivor)

        # Nothing lost: the remote still counts everyone, and both follow it.
        assert remote.inner_text(".fc-count").strip() == str(HTTP_PEOPLE + 2)
        remote.click(".fc-next-phase")
        for page in (ana, bo):
            wait_for_text(page, ".fc-phase h2", "Self-assessment")
        joined = store.read(session.code, kinds=[ParticipantJoined.kind])
        assert len({r.event.participant for r in joined}) == HTTP_PEOPLE + 2
        assert f"worker {doomed} stopped" in log.read_text()
        assert ended(doomed_room), "the dead worker's room Voila lived on"

        # A client writing a new X-Real-Ip and X-Forwarded-For on every request
        # is counted by the address HAProxy sees, as one without them is: its
        # keyless remote loads run out, and so do a plain client's from there.
        keyless = f"{base}/lead/voila/render/remote.ipynb?code={session.code}"
        forged = [
            status_of(keyless, survivor, f"10.29.0.{n}", n % 3) for n in range(45)
        ]
        assert 429 in forged[:41], forged
        assert set(forged[: forged.index(429)]) == {403}, forged
        assert status_of(keyless, survivor, "") == 429
    finally:
        stop_server(process)
        store.close()
