"""Every facilitator page is refused at the front door without its credential,
before any kernel starts, and keys never cross the network in clear with TLS."""

from __future__ import annotations

import ssl
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from facilitate.core.page_table import page_table
from tests.live_server import (
    free_port,
    kernel_pids,
    start_serve,
    stop_server,
    wait_for_address,
)

PAGES = sorted(
    p.stem for p in page_table().pages if p.lead
)  # every page but the open one, from the one table the front door reads


def fetch(url: str, context: ssl.SSLContext | None = None) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30, context=context) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.browser
@pytest.mark.parametrize("key", ["", "not-the-key"])
def test_facilitator_pages_are_refused_before_a_kernel_starts(server, key):
    session = server.new_session("Secret staff meeting")
    before = set(kernel_pids(server.process.pid))
    for page in PAGES:
        status, body = fetch(server.page_url(page, session, key=key))
        assert status == 403, page
        assert 'class="fc-refused"' in body, page
        assert "Secret staff meeting" not in body
        assert "Traceback" not in body
    assert set(kernel_pids(server.process.pid)) <= before, (
        "a refused page cost a kernel"
    )


@pytest.mark.browser
def test_serving_over_https(tmp_path: Path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = start_serve(
            tmp_path / "data", port, pool=0, out=out,
            extra=["--certfile", str(cert), "--keyfile", str(key)],
        )  # fmt: skip
    trusting = ssl.create_default_context(cafile=str(cert))
    trusting.check_hostname = False
    try:
        wait_for_address(f"https://localhost:{port}/lead/", process, log, trusting)
        status, body = fetch(
            f"https://localhost:{port}/lead/voila/render/remote.ipynb", trusting
        )
        assert status == 403
        assert "facilitator" in body
        with pytest.raises(ConnectionError):
            urllib.request.urlopen(f"http://localhost:{port}/", timeout=10)
    finally:
        stop_server(process)
