"""The leader's own part of the pack (self-assessment, what they heard, their
attachments) never reaches the projected display, whatever phase it shows."""

from __future__ import annotations

from facilitate.activities import AGENDA
from facilitate.core.events import (
    LeaderNoteSaved,
    PhaseChanged,
    QualitativeEvidenceSaved,
    ResultsRevealed,
)
from facilitate.core.sessions import display_token
from facilitate.demo import seed_demo
from facilitate.evidence.attachments import attach_link
from facilitate.evidence.pack import build_pack, pack_html
from tests.unit.test_pages import open_display, walk

SELF = "Myselfbias about who speaks first"
HEARD = "Heardquote about homework tables"
LINK = "https://video.example.org/leaders-own"


def test_the_display_never_shows_the_leaders_own_words(store):
    session = seed_demo(store)
    store.append(session.code, LeaderNoteSaved("leader_self_assessment", SELF))
    entry = {"source": "Survey", "date": "", "themes": HEARD, "quotes": HEARD}
    store.append(session.code, QualitativeEvidenceSaved([entry]))
    store.append(
        session.code, attach_link(("analysis", "colleague_video"), LINK, "On video")
    )
    page = open_display(store, session, view=display_token(store, session))
    shown = []
    for phase in AGENDA.phase_keys:
        store.append(session.code, PhaseChanged(phase))
        store.append(session.code, ResultsRevealed(phase, True))
        page.refresh()
        shown += [str(getattr(w, "value", "")) for w in walk(page.root)]
    text = "".join(shown)
    assert len(text) > 1000, "the display showed every phase"
    for words in (SELF, HEARD, LINK, "On video"):
        assert words not in text

    pack = pack_html(build_pack(store.read(session.code), session))
    for words in (SELF, HEARD, LINK, "On video"):
        assert words in pack, "the leader's own pack does carry them"
