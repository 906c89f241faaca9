"""The self-assessment in a real browser: a teacher and a family member each meet
the statements written for them, and the display shows each set's results on
its own, only once k people using it have finished.

Ana (a teacher) answers every statement in Chromium on a 390 px phone, where the
zone options must not overlap and tapping a circle must choose its own option,
with a reload half-way to prove it resumes, writes a private reflection and
reads a profile without a single percentage. Hana (a family member) opens the
first part and answers it: she sees the families' statements, not the
teachers'. Everyone else's answers are appended to the store as their own pages
would. With k = 3, the educators' chart waits while two have finished and
appears with the third; the families' chart waits while two families have
finished and appears once enough have. The names never reach the display's
HTML. The private reflection never reaches the server: it is not in the
database file, its journal or an export, while Ana's page shows it again after
a reload and downloads it; "Not you?" then clears it from the browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitate.activities.self_assessment.content import load_self_assessment
from facilitate.activities.self_assessment.events import (
    PrivateReflectionSaved,
    SelfAssessmentAnswered,
)
from facilitate.core.events import ParticipantJoined, PhaseChanged
from facilitate.core.store import DATABASE_NAME
from facilitate.export import export_session
from tests.activities.self_assessment.fixtures import complete_inventory
from tests.browser.people import (
    PHONE,
    join,
    option_problems,
    plot_data,
    plot_selector,
    tap_circle,
    wait_for_text,
)
from tests.live_server import WIDGET_TIMEOUT_MS as PAGE_MS

pytestmark = pytest.mark.browser

CONTENT = load_self_assessment()
EDUCATORS = CONTENT.variant("educators")
FAMILIES = CONTENT.variant("families")
SECRET = "Sometimes I trust colleagues who sound like me more than others"
OFTEN = 2  # position of "Often" among the radio buttons
K = 3


def part_label(number: int, title: str) -> str:
    return f"Part {number} of {len(EDUCATORS.domains) + 3}: {title}"


WAITS = (
    f"Shown once at least {K} people using the same statements have finished "
    "(smaller groups stay private)."
)


def answer_domains(page, first: int, last: int) -> None:
    """Answer "Often" to every statement of domains ``first``..``last`` (1-based)."""
    for number in range(first, last + 1):
        domain = EDUCATORS.domains[number - 1]
        wait_for_text(
            page, ".fc-sa-progress-label", part_label(number + 1, domain.title)
        )
        for item in domain.items:
            page.locator(f".fc-sa-item-{item.key} input[type=radio]").nth(OFTEN).check()
        page.click(".fc-sa-next")


def complete_in_browser(page) -> None:
    wait_for_text(
        page, ".fc-sa-progress-label", part_label(1, "Before we start"), PAGE_MS
    )
    assert option_problems(page, ".fc-zone-start") == []
    tap_circle(page, page.locator(".fc-zone-start input[type=radio]").nth(1))
    page.click(".fc-sa-next")
    answer_domains(page, 1, 2)
    wait_for_text(
        page, ".fc-sa-progress-label", part_label(4, EDUCATORS.domains[2].title)
    )
    page.reload()
    page.wait_for_selector(".fc-sa-progress-label")
    answer_domains(page, 3, len(EDUCATORS.domains))
    for label in ("Race or ethnicity", "Gender"):
        page.locator(".fc-sa-identity-most .fc-choice", has_text=label).locator(
            "input"
        ).check()
    page.click(".fc-sa-next")
    page.wait_for_selector(".fc-notes-promise")
    page.fill(".fc-notes-text-leadership", SECRET)
    page.click(".fc-sa-submit")
    page.wait_for_selector(".fc-sa-profile-title")


def first_part_as_a_family(page) -> None:
    """Hana's first part: the families' statements, answered "Often"."""
    wait_for_text(
        page, ".fc-sa-progress-label", part_label(1, "Before we start"), PAGE_MS
    )
    assert FAMILIES.introduction in page.inner_text(".fc-sa-variant")
    page.locator(".fc-zone-start input[type=radio]").nth(0).check()
    page.click(".fc-sa-next")
    first = FAMILIES.domains[0]
    wait_for_text(page, ".fc-sa-progress-label", part_label(2, first.title))
    for item in first.items:
        page.locator(f".fc-sa-item-{item.key} input[type=radio]").nth(OFTEN).check()
    assert page.locator(f".fc-sa-item-{EDUCATORS.items[0].key}").count() == 0
    page.click(".fc-sa-next")
    wait_for_text(
        page, ".fc-sa-progress-label", part_label(3, FAMILIES.domains[1].title)
    )


SCREEN = ".fc-slot-self_assessment .fc-sa-screen"


def domain_titles(page, variant: str) -> list[str]:
    traces = plot_data(page, f"fc-sa-domain-chart-{variant}") or []
    titles = (t.replace("<br>", " ") for trace in traces for t in trace.get("y") or [])
    return list(dict.fromkeys(titles))


def on_the_server(server) -> bytes:
    """The database file and its journal, as anyone with the disk would read them."""
    found = b""
    for suffix in ("", "-wal"):
        path = server.data_dir / f"{DATABASE_NAME}{suffix}"
        found += path.read_bytes() if path.exists() else b""
    return found


def test_each_role_meets_its_statements_and_each_set_waits_for_k(
    server, new_page, tmp_path
):
    session = server.new_session("Self-assessment for everyone", k=K)
    code = session.code
    display = new_page()
    display.goto(server.display_url(session))
    display.wait_for_selector(".fc-count-number")
    remote = new_page()
    remote.goto(server.remote_url(session))
    ana, hana = new_page(), new_page()
    ana.set_viewport_size(PHONE)
    join(ana, server.participant_url(code), "Ana Quill", role="Teacher")
    join(hana, server.participant_url(code), "Hana Brook", role="Family member")
    server.store.append(code, PhaseChanged("self_assessment"))

    first_part_as_a_family(hana)
    complete_in_browser(ana)
    answered = server.store.read(code, kinds=[SelfAssessmentAnswered.kind])
    joined = {
        r.event.name: r.event.participant
        for r in server.store.read(code, kinds=[ParticipantJoined.kind])
    }
    by = {name: {r.event.item for r in answered if r.event.participant == who}
          for name, who in joined.items()}  # fmt: skip
    assert by["Ana Quill"] == {item.key for item in EDUCATORS.items}
    assert by["Hana Brook"] == {item.key for item in FAMILIES.domains[0].items}
    assert server.store.read(code, kinds=[PrivateReflectionSaved.kind]) == []
    profile = ana.inner_text(".fc-self-assessment")
    assert "%" not in profile
    assert "for all of the statements about" in profile

    complete_inventory(server.store, code, "b")
    for person in ("f1", "f2"):
        complete_inventory(server.store, code, person, role="family")
    remote.click(".fc-reveal-self-assessment")
    wait_for_text(display, f"{SCREEN} .fc-state-headline", WAITS, PAGE_MS)
    assert display.locator(plot_selector("fc-sa-domain-chart")).count() == 0

    complete_inventory(server.store, code, "c")  # the third educator
    # The first chart on this display loads plotly's script, which can take a
    # while on a busy machine: wait as long as for a page.
    display.wait_for_selector(
        plot_selector("fc-sa-domain-chart-educators"), timeout=PAGE_MS
    )
    assert domain_titles(display, "educators") == [d.title for d in EDUCATORS.domains]
    assert FAMILIES.label in display.inner_text(".fc-sa-still-private")
    assert display.locator(plot_selector("fc-sa-domain-chart-families")).count() == 0

    complete_inventory(server.store, code, "f3", role="family")
    for person in ("f4", "f5", "f6"):
        complete_inventory(server.store, code, person, "sometimes", role="family")
    display.wait_for_function(
        "(sel) => { const p = document.querySelector(sel); return p && "
        "p.data.some(t => t.name === 'Never or sometimes' && t.x[0] === 50); }",
        arg=plot_selector("fc-sa-domain-chart-families"),
        timeout=PAGE_MS,
    )
    assert domain_titles(display, "families") == [d.title for d in FAMILIES.domains]
    drawn = display.locator(".fc-sa-domain-chart-families .barlayer .point path")
    assert drawn.count() >= len(FAMILIES.domains)  # bars on the page, not just data

    html = display.content()
    assert SECRET not in html
    assert "Ana Quill" not in html
    assert "Hana Brook" not in html
    assert "Person b" not in html

    ana.reload()
    ana.wait_for_selector(".fc-notes-text-leadership")
    assert ana.input_value(".fc-notes-text-leadership") == SECRET
    assert "never sent to the server" in ana.inner_text(".fc-notes-promise")
    with ana.expect_download() as download:
        ana.click(".fc-notes-download")
    kept = Path(download.value.path()).read_text(encoding="utf-8")
    assert SECRET in kept
    assert EDUCATORS.domains[0].title in kept
    assert "%" not in kept
    export_session(
        server.store, session, server.data_dir, tmp_path, ["csv"], print, True
    )
    exported = [p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.csv")]
    assert exported
    assert not any(SECRET in text for text in exported)
    assert SECRET.encode() not in on_the_server(server)

    ana.click(".fc-leave")  # a shared device: the next person must not see it
    ana.wait_for_selector(".fc-code-input")
    kept_keys = ana.evaluate("() => Object.keys(window.localStorage)")
    assert not [k for k in kept_keys if k.startswith("facilitate.")], kept_keys
