"""The front door's decisions, without a network: who gets in, who is sent where,
whatever the spelling of the path, and who is counted as whom."""

from __future__ import annotations

import asyncio

import pytest
from tornado import httpclient, httpserver, netutil

from facilitate.core.errors import InvalidInput
from facilitate.core.page_table import page_table
from facilitate.core.sessions import create_session, display_token
from facilitate.server import gates
from facilitate.server.addresses import public_url
from facilitate.server.clients import TrustedProxies, client_address
from facilitate.server.kernel_tickets import KernelTickets, kernel_of
from facilitate.server.limits import RateLimit
from facilitate.server.proxy import Backend, Front, front_application
from facilitate.server.refusals import STORE_DOWN
from facilitate.server.routes import REFUSED, Kind, route, served_pages
from tests.path_spellings import spellings


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def front_for(store) -> Front:
    return Front(Backend("room", 1), Backend("lead", 2, "/lead"), lambda: store)


def test_pages_need_their_own_credential(store, session):
    code = session.code
    view = display_token(store, session)
    assert gates.refusal(store, "participant.ipynb", {}) is None
    assert (
        gates.refusal(store, "remote.ipynb", {"code": code, "key": session.key}) is None
    )
    assert "facilitator's key" in gates.refusal(store, "remote.ipynb", {"code": code})
    assert "facilitator's key" in gates.refusal(
        store, "summary.ipynb", {"code": code, "key": "guess"}
    )
    assert gates.refusal(store, "display.ipynb", {"code": code, "view": view}) is None
    refused = gates.refusal(store, "display.ipynb", {"code": code, "key": session.key})
    assert refused.startswith("This display link is not valid any more.")
    assert "facilitator's key" in gates.refusal(store, "any-new-page.ipynb", {})


def test_a_replaced_display_token_stops_working(store, session):
    from facilitate.core.sessions import replace_display_token

    old = display_token(store, session)
    new = replace_display_token(store, session)
    query = {"code": session.code}
    assert gates.refusal(store, "display.ipynb", query | {"view": new}) is None
    assert gates.refusal(store, "display.ipynb", query | {"view": old}) is not None


def test_compare_needs_every_rooms_key(store, session):
    other = create_session(store, "Second room")
    both = f"{session.code}:{session.key},{other.code}:{other.key}"
    assert gates.refusal(store, "compare.ipynb", {"rooms": both}) is None
    wrong = f"{session.code}:{session.key},{other.code}:{session.key}"
    assert gates.refusal(store, "compare.ipynb", {"rooms": wrong}) is not None
    assert gates.refusal(store, "compare.ipynb", {}) is not None


def test_old_links_are_sent_to_the_lead_and_phones_to_the_room(store, session):
    front = front_for(store)
    old = front.check_page(
        "/voila/render/console.ipynb", {"code": session.code}, "10.0.0.9"
    )
    assert old.status == 302
    assert old.location == f"/lead/voila/render/console.ipynb?code={session.code}"
    stray = front.check_page("/lead/voila/render/participant.ipynb", {}, "10.0.0.9")
    assert stray.location == "/voila/render/participant.ipynb"
    keyless = front.check_page("/lead/voila/render/remote.ipynb", {}, "10.0.0.9")
    assert keyless.status == 403
    assert front.check_page("/voila/static/x.js", {}, "10.0.0.9").status == 0
    assert front.backend_for("/lead/api/kernels/abc/channels").name == "lead"
    assert front.backend_for("/api/kernels/abc/channels").name == "room"


def test_guessing_codes_is_capped_per_device(store, session):
    front = front_for(store)
    page = "/voila/render/participant.ipynb"
    answers = [
        front.check_page(page, {"code": "ZZZZZZ"}, "10.0.0.7").status for _ in range(11)
    ]
    assert answers[:10] == [0] * 10
    assert answers[10] == 429
    assert front.check_page(page, {"code": session.code}, "10.0.0.7").status == 0
    assert front.check_page(page, {"code": "ZZZZZZ"}, "10.0.0.8").status == 0


def test_rate_limit_refills_with_time():
    clock = Clock()
    limit = RateLimit(burst=2, per_minute=60, clock=clock)
    assert [limit.allow("a") for _ in range(3)] == [True, True, False]
    clock.now += 1.0
    assert limit.allow("a")
    assert not limit.allow("a")


@pytest.mark.parametrize(
    ("host", "port", "secure", "url"),
    [
        ("127.0.0.1", 8866, False, "http://127.0.0.1:8866"),
        ("localhost", 443, True, "https://localhost"),
        ("192.168.4.20", 80, False, "http://192.168.4.20"),
    ],
)
def test_public_url(host, port, secure, url):
    assert public_url(host, port, secure) == url


def test_every_interface_becomes_an_address_a_phone_can_type():
    url = public_url("0.0.0.0", 8866)
    assert not url.startswith("http://0.0.0.0")
    assert url.endswith(":8866")


def test_the_front_door_checks_keys_in_the_store_the_kernels_use(
    postgres_url, monkeypatch, tmp_path
):
    from facilitate.core.store.postgres import PostgresStore
    from facilitate.server import session_log

    monkeypatch.setenv("FACILITATE_STORE", postgres_url)
    shared = PostgresStore(postgres_url)
    session = create_session(shared, "Shared room")
    front = Front(
        Backend("room", 1), Backend("lead", 2, "/lead"), lambda: session_log(tmp_path)
    )
    query = {"code": session.code, "key": session.key}
    try:
        assert (
            front.check_page("/lead/voila/render/remote.ipynb", query, "h").status == 0
        )
        assert isinstance(front.store, PostgresStore)
    finally:
        front.store.close()
        shared.close()


# --- one spelling: every path is decided on its canonical form --------------------

FACILITATOR_PAGES = sorted(
    p.name for p in page_table().pages if p.lead
)  # every page but the open one, from the one table the front door reads


@pytest.mark.parametrize(
    "raw",
    [
        "/lead/voila/render/remote.ipynb",
        "/lead/voila/render/remote%2Eipynb",
        "/lead/voila/render/remote%2eipynb",
        "/lead/voila/render/remote.ipynb/",
        "/lead/voila/render/./remote.ipynb",
        "/lead/voila/render//remote.ipynb",
        "/lead/voila/render/x/../remote.ipynb",
        "/lead/voila%2Frender%2Fremote.ipynb",
        "//lead///voila/render/remote.ipynb//",
        "/lead/voila/render/REMOTE.IPYNB",
        "/lead/voila/static/../render/remote.ipynb",
        "/x/../lead/voila/render/remote.ipynb",
    ],
)
def test_every_spelling_of_a_page_is_that_page(raw):
    found = route(raw, served_pages())
    assert found.kind is Kind.PAGE
    assert found.path == "/lead/voila/render/remote.ipynb"
    assert found.page is not None
    assert found.page.name == "remote.ipynb"


@pytest.mark.parametrize(
    "raw",
    [
        "/lead/voila/render/remote%252Eipynb",  # encoded twice
        "/lead/voila/render/remote%EF%BC%8Eipynb",  # a full-width dot
        "/lead/voila/render/remote\uff0eipynb",  # the same, sent raw
        "/lead/voila/render/r\u0435mote.ipynb",  # a Cyrillic e
        "/lead/voila/render/remote.ipynb%00",
        "/lead/voila/render/remote.ipynb;x",
        "/lead/voila/render/..\\remote.ipynb",
        "/lead/voila/render/remote",
        "/lead/voila/render/sub/remote.ipynb",
        "/../lead/voila/render/remote.ipynb",
        "/lead/voila/render/" + "x/" * 1100 + "../" * 1100 + "remote.ipynb",
        "/voila/api/contents",
        "/voila/tree",
        "/voila/files/remote.ipynb",
        "/api/kernels",
        "/voila/query/00000000-0000-0000-0000-00000000001d",
        "/voila/api/shutdown/00000000-0000-0000-0000-00000000001d",
        "/api/kernels/not-a-kernel/channels",
    ],
)
def test_what_names_nothing_of_ours_is_refused(raw):
    assert route(raw, served_pages()) == REFUSED


def test_files_and_kernels_keep_their_one_spelling():
    pages = served_pages()
    kernel = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
    static = route("/lead/voila//static/./x/../voila.js", pages)
    assert (static.kind, static.path, static.lead) == (
        Kind.STATIC, "/lead/voila/static/voila.js", True,
    )  # fmt: skip
    socket = route(f"/api/kernels/{kernel}/channels/", pages)
    assert (socket.kind, socket.kernel, socket.channels, socket.lead) == (
        Kind.KERNEL, kernel, True, False,
    )  # fmt: skip
    assert route("/lead/.", pages).kind is Kind.HOME


def test_no_spelling_of_a_facilitator_page_opens_without_its_key(store, session):
    """Thousands of spellings, decided in-process: each one is refused, or sent to
    the page's one spelling under /lead, where it is refused too (or, when its dot
    segments climbed back to the room's address, to the join page)."""
    front = Front(
        Backend("room", 1),
        Backend("lead", 2, "/lead"),
        lambda: store,
        page_loads=RateLimit(1_000_000, 60),
    )
    paths = [f"{p}/voila/render/{n}" for n in FACILITATOR_PAGES for p in ("/lead", "")]
    spelled = spellings(paths, at_least=2_000)
    query = {"code": session.code}
    answers = {path: front.check_page(path, query, "10.0.0.9") for path in spelled}
    let_through = [path for path, answer in answers.items() if not answer.status]
    assert let_through == []
    for path, answer in answers.items():
        if answer.location == "/voila/render/participant.ipynb":
            continue  # it came to the room's address: sent to the join page
        if answer.status == 302:
            target = front.check_page(answer.location.split("?")[0], query, "x")
            assert answer.location.startswith("/lead/voila/render/"), path
            assert target.status == 403, path
        else:
            assert answer.status in (403, 404), path


def test_keyless_page_loads_count_against_the_limit_whatever_their_spelling(store):
    front = front_for(store)
    spelled = spellings(["/lead/voila/render/remote.ipynb"], at_least=200)
    pages = [p for p in spelled if front.route(p).kind is Kind.PAGE]
    assert len(pages) > 40
    answers = [front.check_page(p, {}, "10.0.0.5").status for p in pages[:41]]
    assert set(answers[:40]) <= {403, 302}  # 302: to the one spelling, under /lead
    assert answers[40] == 429


def test_a_store_outage_is_not_a_wrong_code(tmp_path, store, session):
    from facilitate.core.store import SQLiteStore

    broken = SQLiteStore(tmp_path / "gone.sqlite3")
    broken.close()  # every read now fails, as in an outage
    front = front_for(broken)
    page = "/voila/render/participant.ipynb"
    outage = [front.check_page(page, {"code": "ZZZZZZ"}, "10.0.0.7") for _ in range(15)]
    assert {answer.status for answer in outage} == {503}
    assert outage[0].message == STORE_DOWN
    front._store = store  # the store is back: no guess was counted meanwhile
    answers = [
        front.check_page(page, {"code": "ZZZZZZ"}, "10.0.0.7").status for _ in range(11)
    ]
    assert answers == [0] * 10 + [429]
    front._store = broken  # and a facilitator page is refused, not opened
    remote = front.check_page(
        "/lead/voila/render/remote.ipynb", {"code": session.code, "key": "k"}, "h"
    )
    assert remote.status in (403, 503)


# --- who is asking: forwarding headers only from trusted proxies ------------------


def test_forwarding_headers_count_only_from_a_trusted_proxy():
    trusted = TrustedProxies.parse(["127.0.0.1", "10.1.0.0/16"])
    forged = {"X-Real-Ip": "1.2.3.4", "X-Forwarded-For": "5.6.7.8"}
    assert client_address("192.168.4.20", forged, trusted) == "192.168.4.20"
    assert client_address("192.168.4.20", forged, TrustedProxies()) == "192.168.4.20"
    assert client_address("127.0.0.1", forged, trusted) == "5.6.7.8"
    chain = {"X-Forwarded-For": "9.9.9.9, 192.168.4.20, 10.1.2.3"}
    assert client_address("127.0.0.1", chain, trusted) == "192.168.4.20"
    assert client_address("127.0.0.1", {"X-Real-Ip": "8.8.4.4"}, trusted) == "8.8.4.4"
    assert client_address("127.0.0.1", {"X-Forwarded-For": "me"}, trusted) == (
        "127.0.0.1"
    )
    assert client_address("127.0.0.1", {}, trusted) == "127.0.0.1"
    with pytest.raises(InvalidInput) as bad:
        TrustedProxies.parse(["10.0.0.300"])
    assert str(bad.value).startswith("'10.0.0.300' is not an address or a network.")


# --- kernel tickets ---------------------------------------------------------------


def test_a_kernel_ticket_admits_its_own_kernel_only():
    tickets = KernelTickets()
    kernel = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
    other = "1f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
    ticket = tickets.issue(True, kernel)
    assert tickets.admits(True, kernel, ticket)
    assert not tickets.admits(True, other, ticket)
    assert not tickets.admits(False, kernel, ticket)
    assert not tickets.admits(True, kernel, None)
    assert not tickets.admits(True, kernel, ticket[:-1])
    page = (
        b'<html><script id="jupyter-config-data" type="application/json">'
        b'{"baseUrl": "/lead/", "kernelId": "' + kernel.encode() + b'"}</script>'
        b'<p>"kernelId": "' + other.encode() + b'"</p>'
    )
    assert kernel_of(page) == kernel
    assert kernel_of(b"<html>no page configuration</html>") is None


def test_a_kernels_state_needs_its_ticket_and_its_socket_is_not_plain_http(store):
    front = front_for(store)
    kernel = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
    ticket = front.tickets.issue(True, kernel)
    state = front.route(f"/lead/api/kernels/{kernel}")
    assert front.check(state, {}, "h", "GET", ticket).status == 0
    assert front.check(state, {}, "h", "GET", None).status == 403
    assert front.check(state, {}, "h", "DELETE", ticket).status == 404
    channels = front.route(f"/lead/api/kernels/{kernel}/channels")
    assert front.check(channels, {}, "h", "GET", ticket).status == 404


def test_a_client_cannot_choose_the_address_it_is_counted_by(store):
    """Through the front door's own server: forwarding headers from an untrusted
    connection change nothing; from a trusted proxy, they name the client."""

    async def keyless_loads(trusted: TrustedProxies) -> list[int]:
        front = Front(
            Backend("room", 1), Backend("lead", 2, "/lead"), lambda: store,
            trusted=trusted,
        )  # fmt: skip
        [sock] = netutil.bind_sockets(0, "127.0.0.1")
        server = httpserver.HTTPServer(front_application(front))
        server.add_sockets([sock])
        page = (
            f"http://127.0.0.1:{sock.getsockname()[1]}/lead/voila/render/remote.ipynb"
        )
        statuses = []
        for n in range(41):
            forged = {"X-Real-Ip": f"10.0.0.{n}", "X-Forwarded-For": f"10.1.0.{n}"}
            answer = await httpclient.AsyncHTTPClient().fetch(
                page, headers=forged, raise_error=False, follow_redirects=False
            )
            statuses.append(answer.code)
        server.stop()
        return statuses

    untrusted = asyncio.run(keyless_loads(TrustedProxies()))
    assert untrusted == [403] * 40 + [429]
    trusted = asyncio.run(keyless_loads(TrustedProxies.parse(["127.0.0.1"])))
    assert trusted == [403] * 41, "a trusted proxy's word is taken"
