"""The front door's decisions, without a network: who gets in, who is sent where."""

from __future__ import annotations

import pytest

from facilitate.core.sessions import create_session, display_token
from facilitate.server import gates
from facilitate.server.addresses import public_url
from facilitate.server.limits import RateLimit
from facilitate.server.proxy import Backend, Front


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
