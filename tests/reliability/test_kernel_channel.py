"""What a client can send on a kernel socket: no code (Voila refuses execute
requests), and widget messages that change nothing the page does not allow; and
nobody without the page's ticket (handed out with the page, after its key or
view token was checked) gets a socket at all."""

from __future__ import annotations

import asyncio
import json
import re
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

from facilitate.core.events import PhaseChanged

pytestmark = pytest.mark.browser


def message(msg_type: str, content: dict) -> str:
    header = {
        "msg_id": uuid.uuid4().hex,
        "msg_type": msg_type,
        "session": "probe",
        "username": "probe",
        "version": "5.3",
        "date": "",
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


def connect(ws_url: str, cookie: str, **options):
    """The kernel's socket, opened with ``cookie`` (its page's ticket)."""
    request = HTTPRequest(ws_url, headers={"Cookie": cookie} if cookie else {})
    return websocket_connect(request, **options)


def refused(ws_url: str, cookie: str = "") -> int:
    """The status the socket is refused with, or 0 if it opened."""

    async def attempt() -> int:
        try:
            connection = await connect(ws_url, cookie)
        except HTTPClientError as error:
            return error.code
        connection.close()
        return 0

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(attempt())).result()


async def probe(ws_url: str, cookie: str, code: str) -> list[str]:
    """Send kernel_info, then execute; return the reply types seen in a few seconds."""
    connection = await connect(ws_url, cookie)
    connection.write_message(message("kernel_info_request", {}))
    connection.write_message(
        message(
            "execute_request",
            {
                "code": code,
                "silent": False,
                "store_history": False,
                "user_expressions": {},
                "allow_stdin": False,
                "stop_on_error": True,
            },
        )
    )
    seen: list[str] = []
    try:
        while True:
            raw = await asyncio.wait_for(connection.read_message(), timeout=4)
            if raw is None:
                break
            if isinstance(raw, str):
                seen.append(json.loads(raw)["header"]["msg_type"])
    except asyncio.TimeoutError:
        pass
    connection.close()
    return seen


def test_execute_request_over_the_kernel_websocket_is_refused(server, tmp_path):
    session = server.new_session("Websocket probe")
    marker = tmp_path / "executed.txt"
    with urllib.request.urlopen(server.participant_url(session.code)) as response:
        html = response.read().decode()
        cookie = next(
            value.split(";")[0]
            for value in response.headers.get_all("Set-Cookie")
            if value.startswith("facilitate-kernel=")
        )
    kernel_id = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', html)
    assert kernel_id, "the page names its kernel"
    ws_url = (
        server.base.replace("http", "ws")
        + f"/api/kernels/{kernel_id.group(1)}/channels?session_id=probe"
    )
    code = f"open({str(marker)!r}, 'w').write('ran')"
    assert refused(ws_url) == 403, "no socket without the page's ticket"
    # Its own thread and loop: Playwright's sync API may hold this thread's loop.
    with ThreadPoolExecutor(1) as pool:
        seen = pool.submit(lambda: asyncio.run(probe(ws_url, cookie, code))).result()
    assert "kernel_info_reply" in seen, (
        "the channel works, so a refusal means something"
    )
    assert "execute_reply" not in seen
    assert not marker.exists()


# --- widget messages: what a client may send, the kernel must check --------------


async def read_until(connection, wanted, seconds: float = 15) -> list[dict]:
    """Messages read until ``wanted(message)`` is true (that one included)."""
    seen: list[dict] = []
    while True:
        raw = await asyncio.wait_for(connection.read_message(), timeout=seconds)
        if raw is None:
            raise AssertionError("the kernel channel closed")
        if isinstance(raw, str):
            seen.append(json.loads(raw))
            if wanted(seen[-1]):
                return seen


def comm_msg(comm_id: str, data: dict) -> str:
    return message("comm_msg", {"comm_id": comm_id, "data": data})


async def press_everything(
    ws_url: str, cookie: str, only_class: str | None
) -> dict[str, dict]:
    """As a forged client holding the page's ticket: read every widget's state,
    then click every button (or those with ``only_class``), set values and the
    browser's query, and wait until the kernel has handled it all. Returns the
    states read."""
    connection = await connect(ws_url, cookie, max_message_size=64 * 2**20)
    info = message("comm_info_request", {"target_name": "jupyter.widget"})
    connection.write_message(info)
    replies = await read_until(
        connection, lambda m: m["header"]["msg_type"] == "comm_info_reply"
    )
    comms = list(replies[-1]["content"]["comms"])
    states: dict[str, dict] = {}
    for comm_id in comms:
        connection.write_message(comm_msg(comm_id, {"method": "request_state"}))

    def all_states(msg: dict) -> bool:
        data = msg["content"].get("data", {})
        if msg["header"]["msg_type"] == "comm_msg" and data.get("method") == "update":
            states.setdefault(msg["content"]["comm_id"], data.get("state", {}))
        if only_class is not None:  # enough once the widget to press is known
            return any(
                only_class in st.get("_dom_classes", []) for st in states.values()
            )
        return len(states) >= len(comms)

    await read_until(connection, all_states, seconds=30)
    for comm_id, state in states.items():
        classes = state.get("_dom_classes") or []
        if only_class is not None and only_class not in classes:
            continue
        connection.write_message(
            comm_msg(comm_id, {"method": "custom", "content": {"event": "click"}})
        )
        forged = {"value": True, "connected": True, "query": {"key": "forged"}}
        connection.write_message(
            comm_msg(comm_id, {"method": "update", "state": forged, "buffer_paths": []})
        )
    # Shell messages are handled in order: once this is answered, all were. A new
    # message, not the first one again: the kernel refuses a replayed signature.
    connection.write_message(
        message("comm_info_request", {"target_name": "jupyter.widget"})
    )
    await read_until(connection, lambda m: m["header"]["msg_type"] == "comm_info_reply")
    connection.close()
    return states


def kernel_socket(server, page) -> str:
    """The socket of the page's kernel (facilitator pages are served under /lead)."""
    kernel_id = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', page.content())
    assert kernel_id, "the page names its kernel"
    return (
        server.base.replace("http", "ws")
        + f"/lead/api/kernels/{kernel_id.group(1)}/channels?session_id=probe"
    )


def ticket_of(page, ws_url: str) -> str:
    """The cookie the browser sends to this kernel's address: its page's ticket."""
    sent = page.context.cookies(ws_url.replace("ws", "http", 1).split("?")[0])
    return "; ".join(f"{c['name']}={c['value']}" for c in sent)


def forge(server, page, only_class: str | None = None) -> dict[str, dict]:
    url = kernel_socket(server, page)
    cookie = ticket_of(page, url)
    assert cookie, "the page was handed a ticket for its kernel"
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(
            lambda: asyncio.run(press_everything(url, cookie, only_class))
        ).result()


def test_the_view_token_cannot_move_the_room_over_the_kernel_socket(server, new_page):
    session = server.new_session("Forged display")
    display = new_page()
    display.goto(server.display_url(session))
    display.wait_for_selector(".fc-welcome.fc-current .fc-big-code")
    before = server.store.read(session.code)
    # Without the ticket the display's page was handed (with its view token),
    # its kernel's socket does not open at all.
    assert refused(kernel_socket(server, display)) == 403
    assert refused(kernel_socket(server, display), "facilitate-kernel=guess") == 403

    states = forge(server, display)
    assert len(states) > 10, "the probe reached the display's widgets"
    assert session.key not in json.dumps(states), "no key in any widget's state"
    assert server.store.read(session.code) == before, "nothing was written"

    # The same probe against the remote, which holds the key, does move the
    # room: so the display's silence above is the page's doing, not the probe's.
    remote = new_page()
    remote.goto(server.remote_url(session))
    remote.wait_for_selector(".fc-next-phase")
    assert refused(kernel_socket(server, remote)) == 403, "not without the key"
    forge(server, remote, only_class="fc-next-phase")
    phases = server.store.read(session.code, kinds=[PhaseChanged.kind])
    assert [r.event.phase for r in phases][-1] == "self_assessment"
