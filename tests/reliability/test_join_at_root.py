"""Through a real ``facilitate serve``: the room's address is the join page, the
address and a code go straight into that session, and neither a code nobody
issued nor any other short path costs a kernel."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from tests.live_server import kernel_pids

JOIN = "/voila/render/participant.ipynb"


def landing(url: str) -> tuple[int, str, str]:
    """Where ``url`` ends, following the front door's redirects."""
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.geturl(), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.geturl(), error.read().decode()


@pytest.mark.browser
def test_the_address_and_a_code_land_on_the_join_page(server):
    session = server.new_session("Join by the short link")
    before = set(kernel_pids(server.process.pid))
    for path in ("/favicon.ico", "/ZZZZZZ", "/lead/ABCDEF", "/api"):
        status, _, body = landing(server.base + path)
        assert status == 404, path
        assert 'class="fc-refused"' in body, path
    assert "is not a session code we know" in landing(server.base + "/ZZZZZZ")[2]
    assert set(kernel_pids(server.process.pid)) <= before, "a refusal cost a kernel"

    status, url, body = landing(server.base + "/")
    assert (status, url) == (200, server.base + JOIN)
    assert "Join the session" in body
    status, url, _ = landing(f"{server.base}/{session.code.lower()}")
    assert (status, url) == (200, f"{server.base}{JOIN}?code={session.code}")
