"""The front door: one address for the room, two Voila processes behind it.

Participants' pages come from a Voila whose kernels are preheated and which loads
only the front-end code a phone needs; facilitator pages (display, remote, leader
pages) come from a second Voila under ``/lead``, with the chart libraries. This
small tornado proxy is the only thing listening on the network. It

- sends ``/lead/...`` to the facilitator Voila and everything else to the room's;
- refuses a facilitator page without its key or token before any kernel starts
  (``gates``), and a client loading pages or guessing codes too fast (``limits``);
- compresses what it sends (Voila does not), and speaks TLS when given a
  certificate, so keys and answers never cross the room's Wi-Fi in clear.

Websockets (kernel channels) are relayed frame by frame, compressed with
permessage-deflate, with the kernel subprotocol Voila chose passed back to the
browser.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from tornado import httpclient, web, websocket

from facilitate.core.links import LEAD_PREFIX, RENDER_PATH
from facilitate.core.sessions import find_session
from facilitate.core.store.base import EventStore
from facilitate.core.text import escape
from facilitate.server import gates
from facilitate.server.health import WORKER_HEADER, HealthHandler
from facilitate.server.limits import RateLimit
from facilitate.server.statics import AssetHandler, StaticFiles
from facilitate.server.statics import send as send_kept

log = logging.getLogger(__name__)

PARTICIPANT_PAGE = "participant.ipynb"
_RENDER = re.compile(rf"^({LEAD_PREFIX})?{RENDER_PATH}/([^/]+\.ipynb)$")
_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "content-length",
        "content-encoding",
        "accept-encoding",
    }
)
#: Headers the front door writes itself: Voila's copies would be sent twice, on
#: each of the hundred files a phone loads.
_OURS = frozenset({"server", "date"})
MAX_MESSAGE_BYTES = 200 * 1024 * 1024
REQUEST_TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class Backend:
    """One Voila process on loopback, serving the paths under ``prefix``."""

    name: str
    port: int
    prefix: str = ""

    def url(self, uri: str, scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}{uri}"


@dataclass
class Front:
    """What every handler shares: the two backends, the store, the limits."""

    room: Backend
    lead: Backend
    open_store: Callable[[], EventStore]
    #: This front door's name among several workers ("" when it is the only one).
    worker: str = ""
    page_loads: RateLimit = field(default_factory=lambda: RateLimit(40, 30))
    wrong_codes: RateLimit = field(default_factory=lambda: RateLimit(10, 6))
    statics: StaticFiles = field(default_factory=StaticFiles)
    _store: EventStore | None = None

    @property
    def store(self) -> EventStore:
        if self._store is None:
            self._store = self.open_store()
        return self._store

    def backend_for(self, path: str) -> Backend:
        lead = path == LEAD_PREFIX or path.startswith(f"{LEAD_PREFIX}/")
        return self.lead if lead else self.room

    def check_page(self, path: str, query: dict[str, str], client: str) -> Answer:
        """Whether a page load may go through, and if not, what to answer."""
        match = _RENDER.match(path)
        if match is None:
            return Answer()
        lead, notebook = bool(match.group(1)), match.group(2)
        if not self.page_loads.allow(client):
            return Answer(429, TOO_FAST)
        if not lead and notebook != PARTICIPANT_PAGE:
            target = f"{LEAD_PREFIX}{RENDER_PATH}/{notebook}"
            return Answer(302, location=target + _query_string(query))
        if lead and notebook == PARTICIPANT_PAGE:
            return Answer(
                302, location=f"{RENDER_PATH}/{notebook}" + _query_string(query)
            )
        if not lead:
            return self._check_code(query, client)
        reason = gates.refusal(self.store, notebook, query)
        return Answer(403, reason) if reason else Answer()

    def _check_code(self, query: dict[str, str], client: str) -> Answer:
        """A participant link with a code nobody issued counts as a guess."""
        code = query.get("code", "")
        if not code:
            return Answer()
        try:
            find_session(self.store, code)
        except Exception:
            if not self.wrong_codes.allow(client):
                return Answer(429, TOO_MANY_CODES)
        return Answer()


@dataclass(frozen=True)
class Answer:
    """``status`` 0 means "let it through"; otherwise answer with ``message``."""

    status: int = 0
    message: str = ""
    location: str = ""


RESTARTING = "The server is starting or restarting. Try again in a moment."
TOO_FAST = "Too many pages opened from this device. Wait a minute and try again."
TOO_MANY_CODES = (
    "Too many session codes tried from this device. Wait a few minutes, then type "
    "the code shown on the projected screen."
)


def _query_string(query: dict[str, str]) -> str:
    return f"?{urlencode(query)}" if query else ""


def refusal_page(message: str) -> str:
    """A small page saying why, readable on a phone; nothing about the session."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>facilitate</title><style>body{font:1.25rem/1.5 system-ui,sans-serif;"
        "max-width:34em;margin:3rem auto;padding:0 1rem;color:#1a1a1a;"
        "background:#fafaf7}</style></head><body><main>"
        f'<p class="fc-refused">{escape(message)}</p></main></body></html>'
    )


class ProxyHandler(web.RequestHandler):
    """Relays one HTTP request to the right Voila, after the front-door checks."""

    SUPPORTED_METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")  # type: ignore[assignment]

    def initialize(self, front: Front) -> None:
        self.front = front

    async def get(self, *_: str) -> None:
        await self.relay()

    async def head(self, *_: str) -> None:
        await self.relay()

    async def post(self, *_: str) -> None:
        await self.relay()

    async def put(self, *_: str) -> None:
        await self.relay()

    async def delete(self, *_: str) -> None:
        await self.relay()

    async def patch(self, *_: str) -> None:
        await self.relay()

    async def options(self, *_: str) -> None:
        await self.relay()

    def check_xsrf_cookie(self) -> None:
        """Voila checks its own XSRF token; the front passes requests through."""

    def set_default_headers(self) -> None:
        self.clear_header("Server")  # no version for anyone to look up

    def prepare(self) -> None:
        if self.front.worker:
            self.set_header(WORKER_HEADER, self.front.worker)

    async def relay(self) -> None:
        path = self.request.path
        if path in ("/", LEAD_PREFIX, f"{LEAD_PREFIX}/"):
            self.redirect(f"{RENDER_PATH}/{PARTICIPANT_PAGE}")
            return
        query = dict(parse_qsl(self.request.query))
        answer = self.front.check_page(path, query, self.request.remote_ip or "")
        if answer.location:
            self.redirect(answer.location)
            return
        if answer.status:
            self.set_status(answer.status)
            self.finish(refusal_page(answer.message))
            return
        await self.forward(self.front.backend_for(path))

    async def forward(self, backend: Backend) -> None:
        request = self.request
        static = self.front.statics.applies(
            request.method or "", request.path, dict(request.headers)
        )
        kept = (
            self.front.statics.get(backend.name, request.uri or "") if static else None
        )
        if kept is not None:
            send_kept(self, kept)
            return
        headers = {
            name: value
            for name, value in request.headers.get_all()
            if name.lower() not in _HOP_BY_HOP
        }
        body = request.body if request.method in ("POST", "PUT", "PATCH") else None
        upstream = httpclient.HTTPRequest(
            backend.url(request.uri or "/"),
            method=request.method or "GET",
            headers=headers,
            body=body,
            follow_redirects=False,
            request_timeout=REQUEST_TIMEOUT_SECONDS,
            allow_nonstandard_methods=True,
            decompress_response=True,
        )
        try:
            response = await httpclient.AsyncHTTPClient().fetch(
                upstream, raise_error=False
            )
        except OSError as error:
            response = None
            log.error(
                "%s Voila did not answer %s: %s", backend.name, request.uri, error
            )
        if response is None or response.code == 599:
            self.set_status(502)
            self.finish(refusal_page(RESTARTING))
            return
        passed = [
            (name, value)
            for name, value in response.headers.get_all()
            if name.lower() not in _HOP_BY_HOP and name.lower() not in _OURS
        ]
        if static and response.code == 200:
            send_kept(
                self,
                self.front.statics.add(
                    backend.name, request.uri or "", passed, response.body or b""
                ),
            )
            return
        self.set_status(response.code, response.reason)
        self.clear_header("Content-Type")
        for name, value in passed:
            self.add_header(name, value)
        if response.body and request.method != "HEAD":
            self.write(response.body)
        self.finish()


class SocketProxy(websocket.WebSocketHandler):
    """Relays a kernel's websocket between the browser and its Voila.

    Voila is connected first, offering the subprotocols the browser offered, so
    the browser is answered with the one Voila chose. Messages Voila sends
    before the browser's side is open wait in a short queue.
    """

    def initialize(self, front: Front) -> None:
        self.front = front
        self.upstream: websocket.WebSocketClientConnection | None = None
        self.chosen: str | None = None
        self.waiting: list[str | bytes | None] | None = []

    def check_origin(self, origin: str) -> bool:
        """Voila checks the origin against the host; both are passed on as sent."""
        return True

    def get_compression_options(self) -> dict[str, Any] | None:
        """permessage-deflate when the browser offers it (every current one does):
        widget state is JSON, which shrinks to about a fifth."""
        return {}

    def select_subprotocol(self, subprotocols: list[str]) -> str | None:
        return self.chosen if self.chosen in subprotocols else None

    async def get(self, *args: Any, **kwargs: Any) -> None:
        backend = self.front.backend_for(self.request.path)
        headers = {
            name: value
            for name in ("Cookie", "Origin", "Host", "User-Agent")
            if (value := self.request.headers.get(name))
        }
        offered = [
            name.strip()
            for name in self.request.headers.get("Sec-WebSocket-Protocol", "").split(
                ","
            )
            if name.strip()
        ]
        upstream = httpclient.HTTPRequest(
            backend.url(self.request.uri or "/", scheme="ws"),
            headers=headers,
            connect_timeout=REQUEST_TIMEOUT_SECONDS,
            request_timeout=REQUEST_TIMEOUT_SECONDS,
        )
        try:
            self.upstream = await websocket.websocket_connect(
                upstream,
                on_message_callback=self.from_voila,
                max_message_size=MAX_MESSAGE_BYTES,
                subprotocols=offered or None,
            )
        except Exception as error:
            log.warning("kernel socket %s refused: %s", self.request.uri, error)
            self.set_status(502)
            self.finish()
            return
        self.chosen = self.upstream.selected_subprotocol
        await super().get(*args, **kwargs)

    def open(self, *_: str) -> None:
        waiting, self.waiting = self.waiting or [], None
        for message in waiting:
            self.from_voila(message)

    def from_voila(self, message: str | bytes | None) -> None:
        if self.waiting is not None:
            self.waiting.append(message)
            return
        if message is None:
            self.close()
            return
        try:
            self.write_message(message, binary=isinstance(message, bytes))
        except websocket.WebSocketClosedError:
            self._close_upstream()

    async def on_message(self, message: str | bytes) -> None:
        if self.upstream is None:
            return
        binary = isinstance(message, bytes)
        try:
            await self.upstream.write_message(message, binary=binary)
        except websocket.WebSocketClosedError:
            self.close()

    def on_close(self) -> None:
        self._close_upstream()

    def _close_upstream(self) -> None:
        if self.upstream is not None:
            self.upstream.close()
            self.upstream = None


async def wait_until_answering(backend: Backend, seconds: float = 180) -> bool:
    """Poll ``backend`` until it answers any HTTP request (True) or time runs out."""
    import asyncio
    import time

    deadline = time.monotonic() + seconds
    client = httpclient.AsyncHTTPClient()
    while time.monotonic() < deadline:
        try:
            await client.fetch(backend.url(f"{backend.prefix}/"), raise_error=False,
                               request_timeout=5, follow_redirects=False)  # fmt: skip
            return True
        except (OSError, httpclient.HTTPClientError):  # not yet, or busy starting
            await asyncio.sleep(0.2)
    return False


def plotly_script() -> Path:
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def front_application(front: Front) -> web.Application:
    """The tornado application of the front door."""
    sockets = rf"({LEAD_PREFIX})?/(api/kernels/[^/]+/channels|voila/query/[^/]+)"
    httpclient.AsyncHTTPClient.configure(None, max_clients=500)
    return web.Application(
        [
            (sockets, SocketProxy, {"front": front}),
            (
                r"/assets/plotly\.min\.js",
                AssetHandler,
                {"path": plotly_script(), "kind": "text/javascript", "kept": {}},
            ),
            (r"/healthz", HealthHandler, {"worker": front.worker}),
            (r"/.*", ProxyHandler, {"front": front}),
        ],
        compress_response=True,
        websocket_max_message_size=MAX_MESSAGE_BYTES,
        xsrf_cookies=False,
    )
