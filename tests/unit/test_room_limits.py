"""A whole room joins through one address; a reloading or guessing client does not.

Front-door decisions in-process, with a clock passed in: 250 people behind one
address (a school network, a proxy) all get their page within a minute; a
browser reloading 200 times a minute is soon refused, and so is a script that
drops its cookies; only wrong codes count as wrong codes.
"""

from __future__ import annotations

from facilitate.core.store import SQLiteStore
from facilitate.server.limits import BrowserCookies, RateLimit, RoomLimits
from facilitate.server.proxy import Backend, Front
from facilitate.server.refusals import STORE_DOWN, TOO_MANY_CODES
from tests.conftest import FakeClock

PAGE = "/voila/render/participant.ipynb"
SCHOOL = "203.0.113.7"


def front_with(store, clock: FakeClock) -> Front:
    room = RoomLimits(
        browsers=RateLimit(20, 10, clock),
        newcomers=RateLimit(300, 60, clock),
        addresses=RateLimit(600, 300, clock),
        browser_wrong_codes=RateLimit(10, 6, clock),
        wrong_codes_backstop=RateLimit(100, 30, clock),
    )
    return Front(
        Backend("room", 1),
        Backend("lead", 2, "/lead"),
        lambda: store,
        page_loads=RateLimit(40, 30, clock),
        wrong_codes=RateLimit(10, 6, clock),
        room_limits=room,
    )


def test_250_people_behind_one_address_all_join_within_a_minute(store, session):
    clock = FakeClock()
    front = front_with(store, clock)
    query = {"code": session.code}
    answers = []
    for person in range(250):
        clock.advance(60 / 250)
        # Each arrives without our cookie, then reloads once with it.
        answers.append(front.check_page(PAGE, query, SCHOOL).status)
        answers.append(front.check_page(PAGE, query, SCHOOL, f"phone{person}").status)
    assert answers == [0] * 500


def test_a_browser_reloading_200_times_a_minute_is_refused(store, session):
    clock = FakeClock()
    front = front_with(store, clock)
    query = {"code": session.code}
    answers = []
    for _ in range(200):
        clock.advance(60 / 200)
        answers.append(front.check_page(PAGE, query, SCHOOL, "looping").status)
    assert answers.count(429) > 150
    assert answers[:20] == [0] * 20
    # ...while the rest of the room, at the same address, still gets in.
    assert front.check_page(PAGE, query, SCHOOL, "someone-else").status == 0
    assert front.check_page(PAGE, query, SCHOOL).status == 0


def test_a_script_that_drops_its_cookies_is_held_to_a_trickle(store, session):
    clock = FakeClock()
    front = front_with(store, clock)
    query = {"code": session.code}
    answers = []
    for _ in range(4 * 200):  # four minutes at 200 a minute
        clock.advance(60 / 200)
        answers.append(front.check_page(PAGE, query, "198.51.100.9").status)
    last_minute = answers[-200:]
    assert last_minute.count(0) <= 61
    assert last_minute.count(429) >= 139


def test_a_guessing_browser_is_refused_and_the_address_is_a_backstop(store):
    clock = FakeClock()
    front = front_with(store, clock)
    guesses = [
        front.check_page(PAGE, {"code": "ZZZZZZ"}, SCHOOL, "guesser").status
        for _ in range(11)
    ]
    assert guesses == [0] * 10 + [429]
    people = [
        front.check_page(PAGE, {"code": "ZZZZZZ"}, SCHOOL, f"typo{n}").status
        for n in range(95)
    ]
    assert people.count(429) == 5, "the address's backstop is 100 wrong codes"


def test_pages_of_a_store_outage_count_no_wrong_code(tmp_path, store, session):
    broken = SQLiteStore(tmp_path / "gone.sqlite3")
    broken.close()
    clock = FakeClock()
    front = front_with(broken, clock)
    outage = [
        front.check_page(PAGE, {"code": "ZZZZZZ"}, SCHOOL, "phone") for _ in range(5)
    ]
    assert {(a.status, a.message) for a in outage} == {(503, STORE_DOWN)}
    front._store = store
    answers = [
        front.check_page(PAGE, {"code": "ZZZZZZ"}, SCHOOL, "phone") for _ in range(11)
    ]
    assert [a.status for a in answers] == [0] * 10 + [429]
    assert answers[-1].message == TOO_MANY_CODES


def test_facilitator_pages_keep_the_tight_per_address_budget(store):
    front = front_with(store, FakeClock())
    remote = "/lead/voila/render/remote.ipynb"
    answers = [front.check_page(remote, {}, SCHOOL, "b").status for _ in range(41)]
    assert set(answers[:40]) == {403}
    assert answers[40] == 429
    assert front.check_page(PAGE, {}, SCHOOL, "b").status == 0


def test_a_browser_cookie_cannot_be_invented():
    cookies = BrowserCookies()
    given = cookies.issue()
    name = cookies.browser(given)
    assert name is not None
    assert given.startswith(name)
    assert cookies.browser(f"{name}.0000") is None
    assert cookies.browser("made-up") is None
    assert cookies.browser(None) is None
    assert BrowserCookies().browser(given) is None, "another server's cookie"
