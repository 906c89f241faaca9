"""Every page people use passes axe-core with no serious or critical violation.

axe-core comes packaged with ``axe-playwright-python`` (nothing is downloaded
while the tests run). Each page is checked once its widgets are on it.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PAGES = {
    "display": (lambda s, session: s.display_url(session), ".fc-welcome .fc-big-code"),
    "remote": (lambda s, session: s.remote_url(session), ".fc-next-phase"),
    "participant": (lambda s, session: s.participant_url(session.code), ".fc-name"),
    "tracker": (lambda s, session: s.page_url("tracker", session), ".fc-silence"),
    "reflection": (  # the leader's reflection: the evidence pack's page
        lambda s, session: s.page_url("evidence", session),
        ".fc-evidence-intro",
    ),
}


def test_no_serious_or_critical_violations(server, new_page):
    session = server.new_session("Accessible pages")
    axe = Axe()
    found = {}
    for name, (url, ready) in PAGES.items():
        page = new_page()
        page.goto(url(server, session))
        page.wait_for_selector(ready)
        results = axe.run(page)
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(str(n["target"]) for n in v["nodes"][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            found[name] = serious
    assert not found, "\n".join(
        f"{page}: {v}" for page, vs in found.items() for v in vs
    )
