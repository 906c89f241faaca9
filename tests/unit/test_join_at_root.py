"""Joining at the room's address: ``/`` is the join page, ``/CODE`` goes straight
into that session, and nothing else shaped like a path starts a kernel."""

from __future__ import annotations

import pytest

from facilitate.core.links import join_page_link, participant_link
from facilitate.server.proxy import Backend, Front
from facilitate.server.refusals import TOO_MANY_CODES
from facilitate.server.routes import REFUSED, Kind, route, served_pages
from facilitate.ui.join_screen import JoinScreen

JOIN = "/voila/render/participant.ipynb"


def front_for(store) -> Front:
    return Front(Backend("room", 1), Backend("lead", 2, "/lead"), lambda: store)


@pytest.mark.parametrize("raw", ["/", "//", "/.", "/lead", "/lead/", "/x/.."])
def test_the_rooms_address_is_the_join_page(store, raw):
    assert route(raw, served_pages()).kind is Kind.HOME
    assert front_for(store).check_page(raw, {}, "10.0.0.1").location == JOIN


@pytest.mark.parametrize("raw", ["/ABCDEF", "/abcdef", "/AbCdEf/", "/%41BCDEF"])
def test_a_code_after_the_address_is_a_join_by_that_code(raw):
    found = route(raw, served_pages())
    assert (found.kind, found.code, found.lead) == (Kind.JOIN, "ABCDEF", False)


@pytest.mark.parametrize(
    "raw",
    [
        "/favicon.ico",
        "/api",
        "/voila",
        "/ABCDE",
        "/ABCDEFG",
        "/ABCDE0",  # 0, 1, I, L and O are never in a code
        "/ABCDEI",
        "/lead/ABCDEF",
        "/ABCDEF/x",
        "/ABC-EF",
    ],
)
def test_what_is_not_a_code_is_not_a_join(raw):
    assert route(raw, served_pages()) == REFUSED


def test_a_known_code_goes_straight_into_its_session(store, session):
    front = front_for(store)
    answer = front.check_page(f"/{session.code.lower()}", {}, "10.0.0.1")
    assert (answer.status, answer.location) == (302, f"{JOIN}?code={session.code}")
    landed = front.check_page(JOIN, {"code": session.code}, "10.0.0.1")
    assert landed.status == 0
    store.delete_session(session.code)
    ended = front.check_page(f"/{session.code}", {}, "10.0.0.1")
    assert ended.location == f"{JOIN}?code={session.code}", (
        "the page says the session has ended"
    )


def test_an_unknown_code_is_refused_at_the_door_and_counted_as_a_guess(store):
    front = front_for(store)
    answers = [front.check_page("/ZZZZZZ", {}, "10.0.0.7") for _ in range(11)]
    assert {a.status for a in answers[:10]} == {404}
    assert answers[0].message == (
        "'ZZZZZZ' is not a session code we know. "
        "Check the code on the projected screen and try again."
    )
    assert (answers[10].status, answers[10].message) == (429, TOO_MANY_CODES)
    assert front.check_page("/ZZZZZZ", {}, "10.0.0.8").status == 404


def test_links_people_type_are_the_short_ones(session):
    base = "http://10.0.0.2:8866"
    assert participant_link(base, session) == f"{base}/{session.code}"
    assert participant_link(f"{base}/", session) == f"{base}/{session.code}"
    assert join_page_link(f"{base}/") == base


def test_the_display_shows_the_short_address_and_its_qr_code_opens_the_session(
    session,
):
    screen = JoinScreen()
    screen.show(session, "http://10.0.0.2:8866")
    assert screen.drawn == (session.code, f"http://10.0.0.2:8866/{session.code}")
    assert '<p class="fc-join-link">10.0.0.2:8866</p>' in screen.words.value


def test_a_language_link_keeps_its_language_through_the_short_paths(store, session):
    front = front_for(store)
    home = front.check_page("/", {"lang": "es"}, "10.0.0.1")
    assert home.location == f"{JOIN}?lang=es"
    straight = front.check_page(f"/{session.code}", {"lang": "es"}, "10.0.0.1")
    assert straight.location == f"{JOIN}?code={session.code}&lang=es"
