"""Every facilitator workbook refuses a missing or wrong key, in a real browser."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

FACILITATOR_WORKBOOKS = ["console", "tracker", "reflection", "summary", "evidence"]


@pytest.mark.parametrize("key", ["", "not-the-key"])
@pytest.mark.parametrize("notebook", FACILITATOR_WORKBOOKS)
def test_facilitator_workbooks_refuse_without_the_key(server, new_page, notebook, key):
    session = server.new_session("Secret staff meeting")
    page = new_page()
    page.goto(server.page_url(notebook, session, key=key))
    page.wait_for_selector(".fc-refused")
    page.wait_for_function(
        "() => document.querySelector('.fc-refused').innerText.includes('key')"
    )
    assert "needs the facilitator's key" in page.inner_text(".fc-refused")
    body = page.inner_text("body")
    assert "Secret staff meeting" not in body
    assert "Traceback" not in page.content()
