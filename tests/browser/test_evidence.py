"""The evidence pack as a leader and a colleague use it, in Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitate.core.events import ColleagueFeedbackGiven, LeaderNoteSaved
from facilitate.evidence.colleague_page import SENT
from tests.browser.people import wait_for_text
from tests.live_server import WIDGET_TIMEOUT_MS

pytestmark = pytest.mark.browser

FEEDBACK = (
    "She moved us to rounds when three of us were doing all the talking, "
    "and the families' idea became our plan."
)
TYPED = "We met after school and talked about homework with families."


def unsaved_flag(page, value: str) -> None:
    """Wait until the page says text is (``1``) or is not (``0``) awaiting save."""
    page.wait_for_function(
        "(want) => document.body.dataset.fcUnsaved === want", arg=value
    )


def test_colleague_feedback_reaches_the_pack_once_and_stays_theirs(server, new_page):
    session = server.new_session("Evidence with a colleague")
    leader = new_page()
    leader.goto(server.page_url("evidence", session))
    leader.wait_for_selector(".fc-colleague-name input")
    assert "from facilitate" not in leader.content()
    leader.fill(".fc-colleague-name input", "Dolores")
    leader.fill(".fc-colleague-relationship input", "Literacy specialist")
    leader.click(".fc-colleague-invite")
    link = leader.locator(".fc-colleague-link").first
    link.wait_for()
    url = link.get_attribute("href")
    assert url.startswith(f"{server.base}/lead/voila/render/colleague.ipynb?code=")

    colleague = new_page()
    colleague.goto(url)
    colleague.wait_for_selector(".fc-feedback-text textarea")
    assert "Evidence with a colleague" in colleague.inner_text("body")
    colleague.fill(".fc-feedback-text textarea", FEEDBACK)
    colleague.click(".fc-feedback-send")
    wait_for_text(colleague, ".fc-colleague-page-status .fc-say", SENT)
    colleague.locator(".fc-feedback-text").wait_for(state="detached")

    again = new_page()
    again.goto(url)
    again.wait_for_selector(".fc-refused")  # the front door: no kernel for it
    assert "already been used" in again.inner_text(".fc-refused")
    assert again.locator(".fc-feedback-send").count() == 0
    kept = server.store.read(session.code, kinds=[ColleagueFeedbackGiven.kind])
    assert [r.event.text for r in kept] == [FEEDBACK]

    leader.wait_for_function(
        "(words) => document.querySelector('.fc-colleague-feedback')"
        ".innerText.includes(words)",
        arg=FEEDBACK,
    )
    assert "In the colleague's own words: Dolores" in leader.inner_text(
        ".fc-colleague-feedback"
    )
    editable = leader.eval_on_selector_all(
        "textarea, input", "(boxes) => boxes.map((b) => b.value)"
    )
    assert all(FEEDBACK not in value for value in editable), "the leader cannot edit it"

    leader.click(".fc-pack-prepare")
    with leader.expect_download() as html_download:
        leader.click(".fc-pack-html")
    pack = Path(html_download.value.path()).read_text(encoding="utf-8")
    heading = pack.index("In the colleague's own words: Dolores, Literacy specialist")
    assert (
        pack.index('id="part-analysis"')
        < heading
        < pack.index(FEEDBACK.replace("'", "&#x27;"))
    )
    wait_for_text(
        leader, ".fc-pack-status .fc-say", "The pack is ready: HTML and PDF.", 60_000
    )
    with leader.expect_download() as pdf_download:
        leader.click(".fc-pack-pdf")
    assert pdf_download.value.suggested_filename == f"evidence-{session.code}.pdf"
    assert Path(pdf_download.value.path()).read_bytes().startswith(b"%PDF")


def test_reload_mid_typing_keeps_everything_autosave_saved(server, chromium):
    session = server.new_session("Evidence autosave")
    context = chromium.new_context()
    try:
        typing_and_reloading(server, session, context.new_page())
    finally:
        context.close()


def typing_and_reloading(server, session, page) -> None:
    """The leader types, reloads, goes over a limit and tries to leave unsaved.

    Its own page, not ``new_page``: this page expects exactly one dialog, the
    browser's question before leaving with unsaved text.
    """
    page.set_default_timeout(WIDGET_TIMEOUT_MS)
    dialogs = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.type) or dialog.dismiss())
    page.goto(server.page_url("evidence", session))
    box = ".fc-text-reflection textarea"
    page.wait_for_selector(box)
    page.click(box)
    page.keyboard.type(TYPED[:20], delay=15)
    unsaved_flag(page, "1")
    page.keyboard.type(TYPED[20:], delay=15)
    unsaved_flag(page, "0")
    wait_for_text(page, ".fc-words-reflection", "10 of 500 words.")
    saved = server.store.read(session.code, kinds=[LeaderNoteSaved.kind])
    assert saved[-1].event.text == TYPED

    page.reload()
    page.wait_for_selector(box)
    page.wait_for_function(
        "([sel, want]) => document.querySelector(sel).value === want",
        arg=[box, TYPED],
    )
    page.fill(".fc-text-needs_assessment textarea", "word " * 510)
    wait_for_text(
        page,
        ".fc-words-needs_assessment",
        "Over the limit: 510 words, 10 over the 500-word limit. Nothing has been "
        "cut; shorten it before you submit.",
    )
    unsaved_flag(page, "0")

    assert dialogs == []
    page.click(box)
    page.keyboard.type(" And then", delay=15)
    unsaved_flag(page, "1")
    with page.expect_event("dialog"):
        page.close(run_before_unload=True)
    assert dialogs == ["beforeunload"], "leaving with unsaved text is asked first"
