"""No spelling of a facilitator page or of Voila's own routes starts a kernel.

The front door runs in this process, in front of a real room Voila and lead
Voila with no warm kernels, so every kernel process under them is one a request
started. Thousands of spellings of every facilitator page (with and without
``/lead``) and every Voila route (kernels, contents, files, tree, shutdown, the
preheat query socket) are sent as raw HTTP from one client, many at a time; each
must be refused (or sent to the page's one spelling, itself refused), and no
kernel may start. Then the participant page, which is open to all, starts one:
so the count is watching.

The same Voilas show that a kernel's socket opens only with the ticket its page
was handed.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.httpserver import HTTPServer
from tornado.websocket import websocket_connect

from facilitate.core.page_table import page_table
from facilitate.core.store import open_store
from facilitate.server import free_port, stop
from facilitate.server.kernel_tickets import COOKIE
from facilitate.server.limits import RateLimit
from facilitate.server.proxy import (
    Backend,
    Front,
    front_application,
    wait_until_answering,
)
from facilitate.server.routes import Kind
from facilitate.server.voila import (
    ServeOptions,
    lead_role,
    room_role,
    start_voila,
)
from tests.live_server import kernel_pids
from tests.path_spellings import spellings
from tests.reliability.test_kernel_channel import message

SPELLINGS = 2_400
AT_ONCE = 16
FACILITATOR_PAGES = sorted(
    p.name for p in page_table().pages if p.lead
)  # every page but the open one, from the one table the front door reads
KERNEL = str(uuid.UUID(int=29))
VOILA_ROUTES = [
    "/api/kernels",
    f"/api/kernels/{KERNEL}",
    f"/api/kernels/{KERNEL}/channels",
    "/api/kernelspecs",
    "/api/contents/remote.ipynb",
    "/voila/api/contents",
    "/voila/api/contents/remote.ipynb",
    f"/voila/api/shutdown/{KERNEL}",
    f"/voila/query/{KERNEL}",
    "/voila/files/remote.ipynb",
    "/files/remote.ipynb",
    "/voila/tree",
    "/voila/tree/remote.ipynb",
    "/voila/render",
    "/voila/render/remote",
    "/login",
    "/tree",
]
#: Refusals, and the redirect of a page asked for without ``/lead`` to its one
#: spelling (where it is refused in turn).
REFUSED = {400, 403, 404, 405, 414, 429, 431}


def targets() -> list[str]:
    pages = [f"{prefix}/voila/render/{name}" for name in FACILITATOR_PAGES
             for prefix in ("/lead", "")]  # fmt: skip
    routes = [prefix + route for route in VOILA_ROUTES for prefix in ("", "/lead")]
    return pages + routes


@dataclass
class Room:
    """Two real Voilas with no warm kernels, and a front door in this process."""

    front: Front
    processes: list
    data_dir: Path

    def kernels(self) -> set[int]:
        return {pid for p in self.processes for pid in kernel_pids(p.pid)}


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Room]:
    data_dir = tmp_path_factory.mktemp("spellings")
    store = open_store(data_dir)
    room_port, lead_port = free_port(), free_port()
    processes = [
        start_voila(room_role(ServeOptions(pool=0)), room_port, data_dir, "http://x"),
        start_voila(replace(lead_role(), pools={}), lead_port, data_dir, "http://x"),
    ]
    front = Front(
        Backend("room", room_port),
        Backend("lead", lead_port, prefix="/lead"),
        open_store=lambda: store,
        # Every spelling reaches the gate: the limits are tested elsewhere.
        page_loads=RateLimit(1_000_000, 60),
        wrong_codes=RateLimit(1_000_000, 60),
    )
    try:
        yield Room(front, processes, data_dir)
    finally:
        stop(processes)
        store.close()


@contextlib.asynccontextmanager
async def front_door(room: Room) -> AsyncIterator[str]:
    """The front door on a free loopback port, once both Voilas answer."""
    for backend in (room.front.room, room.front.lead):
        assert await wait_until_answering(backend, seconds=120), backend
    port = free_port()
    server = HTTPServer(front_application(room.front))
    server.listen(port, address="127.0.0.1")
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.stop()


async def raw_get(address: str, path: str) -> tuple[int, dict[str, str], str]:
    """GET ``path`` exactly as written (UTF-8, no client-side tidying)."""
    host, port = address.split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    request = f"GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    writer.write(request.encode("utf-8"))
    await writer.drain()
    answer = await reader.read()
    writer.close()
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    tickets = [line for line in lines if line.startswith(f"Set-Cookie: {COOKIE}=")]
    if tickets:  # Voila sets cookies of its own, and the front door a browser's
        headers["Set-Cookie"] = tickets[0].split(": ", 1)[1]
    return int(lines[0].split()[1]), headers, body.decode("utf-8", "replace")


async def send_all(address: str, paths: list[str]) -> list[tuple[int, dict]]:
    """Status and headers for each path, ``AT_ONCE`` requests in flight."""
    turn = asyncio.Semaphore(AT_ONCE)

    async def one(path: str) -> tuple[int, dict]:
        async with turn:
            status, headers, _ = await raw_get(address, path)
            return status, headers

    return await asyncio.gather(*(one(path) for path in paths))


def misanswered(front: Front, path: str, status: int, headers: dict) -> bool:
    """Neither a refusal, nor a redirect to a page's one spelling under ``/lead``
    (or to the join page, for a path whose dot segments climbed back to the
    room's address), nor a file Voila serves unchanged."""
    if status in REFUSED:
        return False
    if status == 302:
        location = headers.get("Location", "")
        target = front.route(location.split("?")[0])
        to_lead = target.kind is Kind.PAGE and target.lead
        return not (to_lead or location == "/voila/render/participant.ipynb")
    return not (status == 200 and front.route(path).kind is Kind.STATIC)


def test_no_spelling_starts_a_kernel(room: Room):
    paths = spellings(targets(), at_least=SPELLINGS)
    assert len(paths) >= 2_000

    async def send() -> tuple[set[int], list, int, set[int]]:
        async with front_door(room) as door:
            before = room.kernels()
            answers = await send_all(door, paths)
            after = room.kernels()
            # The participant page is open to anyone: it starts a kernel, and
            # the count sees it, so the zero above means something.
            status, _, _ = await raw_get(door, "/voila/render/participant.ipynb")
            return before, answers, status, after

    before, answers, status, after = asyncio.run(send())
    assert before == set(), "no kernel runs before anyone asks for a page"
    wrong = [
        (path[:120], status)
        for path, (status, headers) in zip(paths, answers, strict=True)
        if misanswered(room.front, path, status, headers)
    ]
    assert wrong == [], f"{len(wrong)} spellings were not refused: {wrong[:10]}"
    assert after == before, "a refused spelling started a kernel"
    assert status == 200
    assert len(room.kernels()) == 1


def test_a_kernel_socket_opens_only_with_its_pages_ticket(room: Room):
    async def probe() -> tuple[str, int, int, object]:
        async with front_door(room) as door:
            status, headers, page = await raw_get(
                door, "/voila/render/participant.ipynb"
            )
            assert status == 200
            kernel = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', page)
            assert kernel, "the page names its kernel"
            cookie = headers["Set-Cookie"]
            socket = f"ws://{door}/api/kernels/{kernel.group(1)}/channels"
            without = await refusal(socket, "")
            forged = await refusal(socket, "facilitate-kernel=guess")
            reply = await kernel_reply(socket, cookie.split(";")[0])
            return cookie, without, forged, reply

    cookie, without, forged, reply = asyncio.run(probe())
    assert "HttpOnly" in cookie
    assert "Path=/api/kernels/" in cookie
    assert (without, forged) == (403, 403)
    assert reply is not None, "with its ticket, the socket reaches the kernel"


async def refusal(socket: str, cookie: str) -> int:
    """The status a websocket to ``socket`` is refused with (0 if it opened)."""
    headers = {"Cookie": cookie} if cookie else {}
    try:
        connection = await websocket_connect(HTTPRequest(socket, headers=headers))
    except HTTPClientError as error:
        return error.code
    connection.close()
    return 0


async def kernel_reply(socket: str, cookie: str) -> object:
    connection = await websocket_connect(
        HTTPRequest(socket, headers={"Cookie": cookie})
    )
    connection.write_message(message("kernel_info_request", {}))
    reply = await asyncio.wait_for(connection.read_message(), timeout=60)
    connection.close()
    return reply
