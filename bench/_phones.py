"""Phones for benchmarks: open the join link, then keep the page live without a browser.

A phone opens the participant link from its own loopback address (the front door
limits page loads per device, and HAProxy passes each device's address on to the
worker), so 200 phones are 200 devices, as in a room. It then connects to its
kernel's websocket through the worker HAProxy chose (its cookie) and does what the
page's browser bridge does: it reports the query string and a participant token.
With a token that has already joined, the page resumes that person and follows the
session live, exactly as after a reload: its kernel reads the log on every piece
of news (or poll). That is the load 200 people put on the workers and the store,
without 200 browsers on the same two cores.
"""

from __future__ import annotations

import asyncio
import gzip
import http.client
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from tornado.httpclient import HTTPRequest
from tornado.websocket import WebSocketClientConnection, websocket_connect

PAGE = "/voila/render/participant.ipynb"
KERNEL = re.compile(r'"kernelId": "([0-9a-f-]+)"')
ROOT = re.compile(r'widget-view\+json": \{"model_id": "([0-9a-f]+)"')
#: A phone waits this long for its kernel's socket (a busy server is slow to
#: answer 100 at once; tornado's own 20 s gives up too soon).
CONNECT_SECONDS = 120


@dataclass
class Phone:
    index: int
    token: str
    seconds: float = 0.0
    worker: str = ""
    cookie: str = ""
    #: The ticket the front door handed with the page, for its kernel's socket.
    ticket: str = ""
    kernel: str = ""
    root: str = ""
    live: bool = False
    #: Seconds and bytes (as sent, compressed) to fetch the page's scripts.
    asset_seconds: float = 0.0
    asset_bytes: int = 0
    socket: WebSocketClientConnection | None = field(default=None, repr=False)

    @property
    def source(self) -> str:
        """A loopback address of its own (Linux routes all of 127/8 to lo)."""
        return f"127.0.{1 + self.index // 250}.{1 + self.index % 250}"


def open_page(port: int, code: str, phone: Phone) -> None:
    """GET the join link as this phone (accepting gzip, as browsers do);
    remember its worker, kernel and timing."""
    conn = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=600, source_address=(phone.source, 0)
    )
    started = time.perf_counter()
    conn.request("GET", f"{PAGE}?code={code}", headers={"Accept-Encoding": "gzip"})
    response = conn.getresponse()
    raw = response.read()
    phone.seconds = time.perf_counter() - started
    if response.getheader("Content-Encoding") == "gzip":
        raw = gzip.decompress(raw)
    body = raw.decode(errors="replace")
    conn.close()
    if response.status != 200:
        raise RuntimeError(f"phone {phone.index}: HTTP {response.status}")
    phone.worker = response.getheader("X-Facilitate-Worker") or ""
    for cookie in response.msg.get_all("Set-Cookie") or []:
        if cookie.startswith("FACILITATE_WORKER="):
            phone.cookie = cookie.split(";")[0].split("=", 1)[1]
        if cookie.startswith("facilitate-kernel="):
            phone.ticket = cookie.split(";")[0]
    kernel, root = KERNEL.search(body), ROOT.search(body)
    phone.kernel = kernel.group(1) if kernel else ""
    phone.root = root.group(1) if root else ""


def fetch_assets(port: int, phone: Phone, paths: tuple[str, ...]) -> None:
    """GET what a browser fetches after the page (its scripts and styles), one
    after another on one kept-alive connection, accepting gzip as browsers do."""
    if not paths:
        return
    conn = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=600, source_address=(phone.source, 0)
    )
    headers = {"Accept-Encoding": "gzip, deflate"}
    if phone.cookie:
        headers["Cookie"] = f"FACILITATE_WORKER={phone.cookie}"
    started = time.perf_counter()
    for path in paths:
        conn.request("GET", path, headers=headers)
        phone.asset_bytes += len(conn.getresponse().read())
    phone.asset_seconds = time.perf_counter() - started
    conn.close()


def open_pages(
    port: int,
    code: str,
    phones: list[Phone],
    at_once: int,
    assets: tuple[str, ...] = (),
) -> None:
    """Open every phone's page, ``at_once`` at a time (all together: a barrier),
    then fetch ``assets`` as its browser would."""
    lock, queue = threading.Lock(), list(phones)
    barrier = threading.Barrier(min(at_once, len(phones)))

    def work() -> None:
        barrier.wait()
        while True:
            with lock:
                if not queue:
                    return
                phone = queue.pop(0)
            try:
                open_page(port, code, phone)
                fetch_assets(port, phone, assets)
            except (OSError, RuntimeError) as error:
                print(f"  {error}")

    threads = [threading.Thread(target=work) for _ in range(barrier.parties)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _message(msg_type: str, content: dict[str, Any], session: str) -> str:
    header = {
        "msg_id": uuid.uuid4().hex,
        "username": "bench",
        "session": session,
        "msg_type": msg_type,
        "version": "5.3",
        "date": datetime.now(timezone.utc).isoformat(),
    }
    return json.dumps(
        {
            "header": header,
            "parent_header": {},
            "metadata": {},
            "content": content,
            "channel": "shell",
            "buffers": [],
        }
    )


async def go_live(port: int, code: str, phone: Phone, seconds: float = 120) -> None:
    """Connect the phone's kernel as its browser would, as a person already in."""
    session = uuid.uuid4().hex
    url = f"ws://127.0.0.1:{port}/api/kernels/{phone.kernel}/channels"
    headers = {"Cookie": f"FACILITATE_WORKER={phone.cookie}; {phone.ticket}"}
    request = HTTPRequest(
        f"{url}?session_id={session}",
        headers=headers,
        connect_timeout=CONNECT_SECONDS,
        request_timeout=CONNECT_SECONDS,
    )
    phone.socket = ws = await websocket_connect(
        request,
        max_message_size=50 * 1024 * 1024,
    )
    ask = {"comm_id": phone.root, "data": {"method": "request_state"}}
    await ws.write_message(_message("comm_msg", ask, session))
    deadline = time.monotonic() + seconds
    status = ""
    while time.monotonic() < deadline:
        raw = await asyncio.wait_for(ws.read_message(), deadline - time.monotonic())
        if raw is None:
            return
        if isinstance(raw, bytes):
            continue
        message = json.loads(raw)
        content = message.get("content", {})
        if content.get("comm_id") != phone.root:
            continue
        children = content.get("data", {}).get("state", {}).get("children")
        if children is None:
            continue
        if not status:
            # The page starts as [bridge, heading, status]; every step before
            # the phases ends with the status line, the phase step with the
            # "Not you?" button after it.
            status = children[-1]
            browser = children[0].removeprefix("IPY_MODEL_")
            state = {
                "query": {"code": code},
                "origin": f"http://127.0.0.1:{port}",
                "pathname": PAGE,
                "token": phone.token,
                "connected": True,
            }
            update = {"method": "update", "state": state, "buffer_paths": []}
            await ws.write_message(
                _message("comm_msg", {"comm_id": browser, "data": update}, session)
            )
        elif len(children) > 1 and children[-2] == status:
            phone.live = True
            return


async def drain(phone: Phone) -> None:
    """Read (and drop) what the kernel sends, as an open page does."""
    while phone.socket is not None:
        if await phone.socket.read_message() is None:
            return


class LivePhones:
    """The phones' websockets, on an event loop of their own in a thread."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.drains: list[asyncio.Future[None]] = []
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def connect(self, port: int, code: str, phones: list[Phone]) -> int:
        """Bring every phone live; returns how many made it."""

        async def one(phone: Phone) -> None:
            try:
                await go_live(port, code, phone)
            except Exception as error:  # a bench counts failures, and goes on
                print(f"  phone {phone.index} did not go live: {error!r}")
                return
            self.drains.append(asyncio.ensure_future(drain(phone)))

        async def every() -> None:
            await asyncio.gather(*(one(phone) for phone in phones))

        asyncio.run_coroutine_threadsafe(every(), self.loop).result()
        return sum(phone.live for phone in phones)

    def close(self, phones: list[Phone]) -> None:
        for phone in phones:
            if phone.socket is not None:
                self.loop.call_soon_threadsafe(phone.socket.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
