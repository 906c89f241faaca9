"""The front door: one address for the room, two Voila processes behind it.

Participants' pages come from a Voila whose kernels are preheated and which loads
only the front-end code a phone needs; facilitator pages (display, remote, leader
pages) come from a second Voila under ``/lead``, with the chart libraries. This
small tornado proxy is the only thing listening on the network. It

- brings every path to one spelling and decides on that alone (``routes``):
  a known page, a file Voila serves unchanged, or a kernel's address; anything
  else is refused, and Voila is only ever asked for that spelling;
- refuses a facilitator page without its key or token before any kernel starts
  (``gates``), and a client loading pages or guessing codes too fast (``limits``),
  counting clients by an address only a trusted proxy may speak for (``clients``);
- hands each page it lets through a ticket for that page's kernel, without which
  the kernel's socket and state are refused (``kernel_tickets``, ``sockets``);
- compresses what it sends (Voila does not), and speaks TLS when given a
  certificate, so keys and answers never cross the room's Wi-Fi in clear.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from tornado import httpclient, web

from facilitate.core.errors import InvalidInput, SessionEnded, SessionNotFound
from facilitate.core.links import LEAD_PREFIX, RENDER_PATH
from facilitate.core.page_table import PageTable
from facilitate.core.sessions import find_session
from facilitate.core.store.base import EventStore
from facilitate.server import gates
from facilitate.server.clients import TrustedProxies, client_address, forwarded_https
from facilitate.server.health import WORKER_HEADER, HealthHandler
from facilitate.server.kernel_tickets import (
    COOKIE,
    KernelTickets,
    cookie_path,
    kernel_of,
)
from facilitate.server.limits import (
    BROWSER_COOKIE,
    BrowserCookies,
    RateLimit,
    RoomLimits,
)
from facilitate.server.refusals import (
    NOT_HERE,
    NOT_YOURS,
    RESTARTING,
    STORE_DOWN,
    TOO_FAST,
    TOO_MANY_CODES,
    Answer,
    refusal_page,
)
from facilitate.server.routes import Kind, Route, route, served_pages
from facilitate.server.sockets import MAX_MESSAGE_BYTES, SocketProxy
from facilitate.server.statics import AssetHandler, StaticFiles
from facilitate.server.statics import send as send_kept

log = logging.getLogger(__name__)

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
REQUEST_TIMEOUT_SECONDS = 300
_READING = ("GET", "HEAD")
#: Where a participant arrives: a browser without our cookie is given one here.
_JOINING = (Kind.HOME, Kind.PAGE)


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
    """What every handler shares: the backends, the store, the limits, the tickets."""

    room: Backend
    lead: Backend
    open_store: Callable[[], EventStore]
    #: This front door's name among several workers ("" when it is the only one).
    worker: str = ""
    #: Facilitator pages, per address; the participant page has ``room_limits``.
    page_loads: RateLimit = field(default_factory=lambda: RateLimit(40, 30))
    #: Wrong codes from a client without our cookie, per address (one device).
    wrong_codes: RateLimit = field(default_factory=lambda: RateLimit(10, 6))
    room_limits: RoomLimits = field(default_factory=RoomLimits)
    cookies: BrowserCookies = field(default_factory=BrowserCookies)
    statics: StaticFiles = field(default_factory=StaticFiles)
    trusted: TrustedProxies = field(default_factory=TrustedProxies)
    pages: PageTable = field(default_factory=served_pages)
    tickets: KernelTickets = field(default_factory=KernelTickets)
    _store: EventStore | None = None

    @property
    def store(self) -> EventStore:
        if self._store is None:
            self._store = self.open_store()
        return self._store

    def route(self, raw_path: str) -> Route:
        return route(raw_path, self.pages)

    def backend_for(self, path: str) -> Backend:
        """The Voila serving a canonical ``path``."""
        lead = path == LEAD_PREFIX or path.startswith(f"{LEAD_PREFIX}/")
        return self.lead if lead else self.room

    def check_page(
        self,
        path: str,
        query: dict[str, str],
        client: str,
        browser: str | None = None,
    ) -> Answer:
        """Whether a GET of the raw ``path`` may go through (tests' shorthand)."""
        return self.check(self.route(path), query, client, browser=browser)

    def check(
        self,
        route: Route,
        query: dict[str, str],
        client: str,
        method: str = "GET",
        ticket: str | None = None,
        browser: str | None = None,
    ) -> Answer:
        """Whether a request may go through, and if not, what to answer.

        ``browser`` is the browser our cookie names (None: none, or forged).
        """
        if route.kind is Kind.HOME:
            return Answer(302, location=self.join_page(lang=query.get("lang", "")))
        if route.kind is Kind.JOIN:
            return self._check_join(route.code, client, browser, query.get("lang", ""))
        if route.kind is Kind.STATIC:
            return Answer() if method in _READING else Answer(405, NOT_HERE)
        if route.kind is Kind.KERNEL:
            return self._check_kernel(route, method, ticket)
        if route.kind is Kind.PAGE:
            try:
                return self._check_page(route, query, client, browser)
            except Exception:  # the store cannot be read: refuse, count nothing
                log.exception("the session log could not be read")
                return Answer(503, STORE_DOWN)
        return Answer(404, NOT_HERE)

    def join_page(self, code: str = "", lang: str = "") -> str:
        """The join page's one spelling, with ``code`` and ``lang`` when given.

        A ``?lang=es`` link to the room's address must still open in Spanish.
        """
        page = f"{RENDER_PATH}/{self.pages.join.name}"
        values = {"code": code, "lang": lang}
        return page + _query_string(
            {key: value for key, value in values.items() if value}
        )

    def _check_join(
        self, code: str, client: str, browser: str | None, lang: str = ""
    ) -> Answer:
        """``/CODE``: into that session's join page if the code was issued; a code
        nobody issued is a guess, answered here, so it starts no kernel."""
        try:
            find_session(self.store, code)
        except (SessionNotFound, InvalidInput) as error:
            if not self.room_limits.wrong_code(client, browser, self.wrong_codes):
                return Answer(429, TOO_MANY_CODES)
            return Answer(404, str(error))
        except SessionEnded:
            pass  # a real code: the page says the session has ended
        except Exception:  # the store cannot be read: refuse, count nothing
            log.exception("the session log could not be read")
            return Answer(503, STORE_DOWN)
        return Answer(302, location=self.join_page(code, lang))

    def _check_page(
        self, route: Route, query: dict[str, str], client: str, browser: str | None
    ) -> Answer:
        page = route.page
        assert page is not None
        if not self.allow_load(page.open, query, client, browser):
            return Answer(429, TOO_FAST)
        if page.lead != route.lead:
            prefix = LEAD_PREFIX if page.lead else ""
            target = f"{prefix}{RENDER_PATH}/{page.name}"
            return Answer(302, location=target + _query_string(query))
        if page.open:
            return self._check_code(query, client, browser)
        reason = gates.refusal(self.store, page.name, query)
        return Answer(403, reason) if reason else Answer()

    def allow_load(
        self, open_page: bool, query: dict[str, str], client: str, browser: str | None
    ) -> bool:
        """A page anyone may open counts against the room's budgets (``limits``),
        a facilitator's page against its address."""
        if open_page:
            code = query.get("code", "")
            return self.room_limits.page_load(client, browser, code)
        return self.page_loads.allow(client)

    def _check_code(
        self, query: dict[str, str], client: str, browser: str | None
    ) -> Answer:
        """A participant link with a code nobody issued counts as a guess; a store
        that cannot be read says nothing about the code, so it counts as none."""
        code = query.get("code", "")
        if not code:
            return Answer()
        try:
            find_session(self.store, code)
        except (SessionNotFound, InvalidInput):
            if not self.room_limits.wrong_code(client, browser, self.wrong_codes):
                return Answer(429, TOO_MANY_CODES)
        except SessionEnded:
            pass  # a real code: the page says the session has ended
        return Answer()

    def _check_kernel(self, route: Route, method: str, ticket: str | None) -> Answer:
        """A kernel's state, for the holder of its ticket; its socket only as one."""
        if route.channels or method not in _READING:
            return Answer(404, NOT_HERE)
        if not self.tickets.admits(route.lead, route.kernel, ticket):
            return Answer(403, NOT_YOURS)
        return Answer()


def _query_string(query: dict[str, str]) -> str:
    return f"?{urlencode(query)}" if query else ""


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

    @property
    def client(self) -> str:
        """The address this request counts against (see ``clients``)."""
        peer = self.request.remote_ip or ""
        return client_address(peer, self.request.headers, self.front.trusted)

    async def relay(self) -> None:
        route = self.front.route(self.request.path)
        query = dict(parse_qsl(self.request.query))
        method = self.request.method or "GET"
        ticket = self.get_cookie(COOKIE)
        browser = self.front.cookies.browser(self.get_cookie(BROWSER_COOKIE))
        if browser is None and route.kind in _JOINING and not route.lead:
            self.give_browser_cookie()
        answer = self.front.check(route, query, self.client, method, ticket, browser)
        if answer.location:
            self.redirect(answer.location)
            return
        if answer.status:
            self.set_status(answer.status)
            self.finish(refusal_page(answer.message))
            return
        await self.forward(route)

    async def forward(self, route: Route) -> None:
        """Ask Voila for ``route``'s canonical spelling, and pass its answer on."""
        request = self.request
        backend = self.front.backend_for(route.path)
        static = self.front.statics.applies(
            request.method or "", route.path, dict(request.headers)
        )
        kept = self.front.statics.get(backend.name, route.path) if static else None
        if kept is not None:
            send_kept(self, kept)
            return
        target = route.path + (f"?{request.query}" if request.query else "")
        response = await self.fetch(backend, target)
        if response is None:
            self.set_status(502)
            self.finish(refusal_page(RESTARTING))
            return
        self.pass_on(response, route, backend if static else None)

    def pass_on(
        self, response: httpclient.HTTPResponse, route: Route, keep: Backend | None
    ) -> None:
        """Send Voila's answer on (kept first when it is ``keep``'s static file),
        with a ticket for the page's kernel when it is a page."""
        passed = [
            (name, value)
            for name, value in response.headers.get_all()
            if name.lower() not in _HOP_BY_HOP and name.lower() not in _OURS
        ]
        body = response.body or b""
        if keep is not None and response.code == 200:
            send_kept(self, self.front.statics.add(keep.name, route.path, passed, body))
            return
        if route.kind is Kind.PAGE and response.code == 200:
            self.hand_ticket(route.lead, body)
        self.set_status(response.code, response.reason)
        self.clear_header("Content-Type")
        for name, value in passed:
            self.add_header(name, value)
        if body and self.request.method != "HEAD":
            self.write(body)
        self.finish()

    async def fetch(
        self, backend: Backend, target: str
    ) -> httpclient.HTTPResponse | None:
        """Voila's answer for ``target`` (None when it cannot be reached)."""
        request = self.request
        headers = {
            name: value
            for name, value in request.headers.get_all()
            if name.lower() not in _HOP_BY_HOP
        }
        body = request.body if request.method in ("POST", "PUT", "PATCH") else None
        upstream = httpclient.HTTPRequest(
            backend.url(target),
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
            log.error("%s Voila did not answer %s: %s", backend.name, target, error)
            return None
        return None if response.code == 599 else response

    def give_browser_cookie(self) -> None:
        """Name this browser, so its reloads count against itself, not against
        everyone who shares its address (``limits``)."""
        self.set_cookie(
            BROWSER_COOKIE,
            self.front.cookies.issue(),
            path="/",
            expires_days=1,
            httponly=True,
            secure=self.is_https(),
            samesite="Lax",
        )

    def is_https(self) -> bool:
        peer = self.request.remote_ip or ""
        return self.request.protocol == "https" or forwarded_https(
            peer, self.request.headers, self.front.trusted
        )

    def hand_ticket(self, lead: bool, page: bytes) -> None:
        """The ticket for the kernel this page was rendered with (see
        ``kernel_tickets``), in a cookie sent to that kernel's address only."""
        kernel = kernel_of(page)
        if kernel is None:
            return
        peer = self.request.remote_ip or ""
        secure = self.request.protocol == "https" or forwarded_https(
            peer, self.request.headers, self.front.trusted
        )
        self.set_cookie(
            COOKIE,
            self.front.tickets.issue(lead, kernel),
            path=cookie_path(LEAD_PREFIX if lead else "", kernel),
            httponly=True,
            secure=secure,
            samesite="Strict",
        )


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


class QuickGzip(web.GZipContentEncoding):
    """Gzip at level 1 what the front door passes on uncompressed (pages, API
    answers; its kept static files are gzipped once, at level 9). A join page
    is 42 KB: level 6 makes it 12.0 KB in 0.7 ms, level 1 13.9 KB in 0.1 ms,
    and 250 people asking at once wait on the sum."""

    GZIP_LEVEL = 1


def front_application(front: Front) -> web.Application:
    """The tornado application of the front door."""
    sockets = rf"({LEAD_PREFIX})?/api/kernels/[^/]+/channels"
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
        transforms=[QuickGzip],
        websocket_max_message_size=MAX_MESSAGE_BYTES,
        xsrf_cookies=False,
    )
