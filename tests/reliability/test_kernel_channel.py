"""No client can execute code: Voila refuses execute requests on the kernel socket."""

from __future__ import annotations

import asyncio
import json
import re
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from tornado.websocket import websocket_connect

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


async def probe(ws_url: str, code: str) -> list[str]:
    """Send kernel_info, then execute; return the reply types seen in a few seconds."""
    connection = await websocket_connect(ws_url)
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
    kernel_id = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', html)
    assert kernel_id, "the page names its kernel"
    ws_url = (
        server.base.replace("http", "ws")
        + f"/api/kernels/{kernel_id.group(1)}/channels?session_id=probe"
    )
    code = f"open({str(marker)!r}, 'w').write('ran')"
    # Its own thread and loop: Playwright's sync API may hold this thread's loop.
    with ThreadPoolExecutor(1) as pool:
        seen = pool.submit(lambda: asyncio.run(probe(ws_url, code))).result()
    assert "kernel_info_reply" in seen, (
        "the channel works, so a refusal means something"
    )
    assert "execute_reply" not in seen
    assert not marker.exists()
