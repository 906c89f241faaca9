"""Bytes on the wire for a first page load: a participant's phone and the display.

A real ``facilitate serve`` (its front door compresses what it sends) holds a demo
session; Chromium opens each page in a fresh browser context (empty cache), as a
phone joining or a projector opened for the first time would, and the DevTools
protocol counts what crossed the wire:

- HTTP: every request's ``encodedDataLength`` (compressed body plus headers), the
  request count, and how much of it was compressed;
- websocket: the kernel channel's frames (widget state arrives this way), by
  payload length; when the socket negotiated permessage-deflate, each payload
  is deflated as the two ends do (one compressor per direction, context kept
  between frames, RFC 7692's flush) and counted at that size, since DevTools
  reports payloads unpacked.

A load ends when the page's first screen is there (the join form; the join code
on the display, or a chart when one is shown, which brings plotly.js; the
remote's Next) and nothing more has moved on the wire for two seconds. Prints
each page's totals (MB = 1,000,000 bytes; targets judged on HTTP and websocket
together) against its target, then its biggest resources. Run by hand:
``python bench/page_weight.py``.
"""

from __future__ import annotations

import base64
import time
import zlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, sync_playwright

from _server import running_server
from facilitate.core.events import PhaseChanged
from facilitate.core.links import display_link, facilitator_link, participant_link
from facilitate.core.pdf import CHROMIUM_QUIET_FLAGS
from facilitate.core.sessions import display_token
from facilitate.core.store import open_store
from facilitate.demo import seed_demo

MB = 1_000_000
QUIET_SECONDS = 2.0
LONGEST_SECONDS = 60.0
BIGGEST = 6
PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1920, "height": 1080}
CHART_PHASE = "self_assessment"
CHART_DRAWN = (
    f".fc-slot-{CHART_PHASE}.fc-current .fc-state-revealed .js-plotly-plot .main-svg"
)


@dataclass
class Resource:
    url: str
    kind: str = ""
    wire: int = 0
    decoded: int = 0
    encoding: str = ""
    done: bool = False


@dataclass
class Socket:
    """One websocket: whether it deflates, and a compressor per direction."""

    deflates: bool = False
    packers: dict[bool, Any] = field(default_factory=dict)

    def on_wire(self, payload: bytes, incoming: bool) -> int:
        if not self.deflates:
            return len(payload)
        packer = self.packers.setdefault(
            incoming, zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        )
        packed = packer.compress(payload) + packer.flush(zlib.Z_SYNC_FLUSH)
        return len(packed) - 4  # the flush's empty block is not sent


@dataclass
class Wire:
    """What one page moved, gathered from DevTools network events."""

    resources: dict[str, Resource] = field(default_factory=dict)
    socket_in: int = 0
    socket_out: int = 0
    socket_unpacked: int = 0
    sockets: dict[str, Socket] = field(default_factory=dict)
    frames: int = 0
    failed: int = 0
    last: float = field(default_factory=time.monotonic)

    def moved(self) -> None:
        self.last = time.monotonic()

    def request(self, event: dict[str, Any]) -> None:
        self.resources.setdefault(event["requestId"], Resource(event["request"]["url"]))
        self.moved()

    def response(self, event: dict[str, Any]) -> None:
        resource = self.resources.setdefault(
            event["requestId"], Resource(event["response"]["url"])
        )
        resource.kind = event.get("type", "")
        headers = {k.lower(): v for k, v in event["response"]["headers"].items()}
        resource.encoding = headers.get("content-encoding", "")
        self.moved()

    def data(self, event: dict[str, Any]) -> None:
        if event["requestId"] in self.resources:
            self.resources[event["requestId"]].decoded += event["dataLength"]
        self.moved()

    def finished(self, event: dict[str, Any]) -> None:
        if event["requestId"] in self.resources:
            resource = self.resources[event["requestId"]]
            resource.wire, resource.done = int(event["encodedDataLength"]), True
        self.moved()

    def failure(self, event: dict[str, Any]) -> None:
        if not event.get("canceled"):
            self.failed += 1
        self.moved()

    def handshake(self, event: dict[str, Any]) -> None:
        headers = {k.lower(): v for k, v in event["response"]["headers"].items()}
        extensions = headers.get("sec-websocket-extensions", "")
        self.sockets[event["requestId"]] = Socket("permessage-deflate" in extensions)

    def frame(self, event: dict[str, Any], incoming: bool) -> None:
        response = event["response"]
        payload = response["payloadData"]
        raw = (
            base64.b64decode(payload)
            if response.get("opcode") == 2
            else payload.encode()
        )
        socket = self.sockets.setdefault(event["requestId"], Socket())
        size = socket.on_wire(raw, incoming)
        self.socket_unpacked += len(raw)
        if incoming:
            self.socket_in += size
        else:
            self.socket_out += size
        self.frames += 1
        self.moved()

    @property
    def http_bytes(self) -> int:
        return sum(r.wire for r in self.resources.values())

    @property
    def compressed_share(self) -> float:
        total = self.http_bytes
        packed = sum(r.wire for r in self.resources.values() if r.encoding)
        return packed / total if total else 0.0


def listen(page: Any, wire: Wire) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on("Network.requestWillBeSent", wire.request)
    cdp.on("Network.responseReceived", wire.response)
    cdp.on("Network.dataReceived", wire.data)
    cdp.on("Network.loadingFinished", wire.finished)
    cdp.on("Network.loadingFailed", wire.failure)
    cdp.on("Network.webSocketHandshakeResponseReceived", wire.handshake)
    cdp.on("Network.webSocketFrameReceived", lambda e: wire.frame(e, incoming=True))
    cdp.on("Network.webSocketFrameSent", lambda e: wire.frame(e, incoming=False))


def first_load(
    browser: Browser, url: str, ready: str, viewport: dict[str, int]
) -> Wire:
    """Open ``url`` in an empty context; return once ``ready`` shows and the wire
    has been still for ``QUIET_SECONDS`` (or ``LONGEST_SECONDS`` have passed)."""
    context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
    page = context.new_page()
    page.set_default_timeout(120_000)
    wire = Wire()
    listen(page, wire)
    started = time.monotonic()
    page.goto(url)
    page.wait_for_selector(ready)
    while time.monotonic() - started < LONGEST_SECONDS:
        page.wait_for_timeout(250)  # lets DevTools events arrive
        pending = any(not r.done for r in wire.resources.values())
        if not pending and time.monotonic() - wire.last >= QUIET_SECONDS:
            break
    else:
        print(f"  (the wire was never still for {QUIET_SECONDS:.0f} s; counted so far)")
    context.close()
    return wire


def short(url: str) -> str:
    path = urlsplit(url).path
    return path if len(path) <= 70 else "…" + path[-69:]


def report(name: str, wire: Wire, target_mb: float | None) -> None:
    http = wire.http_bytes
    total = http + wire.socket_in + wire.socket_out
    verdict = ""
    if target_mb is not None:
        within = total <= target_mb * MB
        verdict = f" ({'within' if within else 'OVER'} the {target_mb:g} MB target)"
    print(
        f"{name}: {total / MB:.3f} MB in all{verdict}; HTTP {http / MB:.3f} MB in "
        f"{len(wire.resources)} requests ({wire.compressed_share:.0%} of it "
        f"compressed, {sum(r.decoded for r in wire.resources.values()) / MB:.2f} MB "
        f"unpacked), websocket {wire.socket_in / MB:.3f} MB in and "
        f"{wire.socket_out / MB:.3f} MB out ({wire.frames} frames, "
        f"{wire.socket_unpacked / MB:.3f} MB unpacked)"
        + (f", {wire.failed} failed requests" if wire.failed else "")
    )
    biggest = sorted(wire.resources.values(), key=lambda r: r.wire, reverse=True)
    for resource in biggest[:BIGGEST]:
        print(
            f"  {resource.wire / 1000:8.1f} kB on the wire "
            f"({resource.decoded / 1000:8.1f} kB, {resource.encoding or 'plain'}) "
            f"{short(resource.url)}"
        )


def main() -> None:
    with running_server(pool=2) as (base, data_dir, _), sync_playwright() as pw:
        store = open_store(data_dir)
        session = seed_demo(store)
        token = display_token(store, session)
        later = seed_demo(store)  # a room in the self-assessment, results shown
        store.append(later.code, PhaseChanged(CHART_PHASE))
        later_token = display_token(store, later)
        store.close()
        pages = [
            ("participant", participant_link(base, session), ".fc-name input",
             PHONE, 1.5),
            ("display at the welcome", display_link(base, session, token),
             ".fc-welcome .fc-big-code", PROJECTOR, 3.0),
            ("display with a chart shown", display_link(base, later, later_token),
             CHART_DRAWN, PROJECTOR, 3.0),
            ("remote", facilitator_link(base, session, "remote"), ".fc-next-phase",
             PHONE, None),
        ]  # fmt: skip
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=list(CHROMIUM_QUIET_FLAGS)
        )
        for name, url, ready, viewport, target in pages:
            report(
                f"{name}, first load", first_load(browser, url, ready, viewport), target
            )
        browser.close()


if __name__ == "__main__":
    main()
