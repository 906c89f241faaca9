"""Every key term of the credential reaches the evidence page and the pack, in bold."""

from __future__ import annotations

from facilitate.evidence.colleague_page import ColleaguePage
from facilitate.evidence.pack import build_pack, pack_html
from facilitate.evidence.page import EvidencePage
from tests.credential import key_terms, missing_terms


def widget_html(widget) -> str:
    """All HTML a widget tree shows, as one document."""
    own = getattr(widget, "value", "")
    html = own if isinstance(own, str) and "<" in own else ""
    for child in getattr(widget, "children", ()):
        html += widget_html(child)
    return html


def test_the_credential_has_the_terms_we_expect():
    terms = key_terms()
    assert len(terms) >= 40
    assert "This is not a self-reflection" in terms
    assert "Proficient on every component of Part 2" in terms


def test_the_evidence_page_shows_every_key_term_in_bold(store, session):
    page = EvidencePage(store=store)
    page.start()
    page.open(session.code, session.key)
    assert missing_terms(widget_html(page.root)) == []


def test_the_exported_pack_shows_every_key_term_in_bold(store, session):
    pack = build_pack(store.read(session.code), session)
    assert missing_terms(pack_html(pack)) == []


def test_a_lost_term_is_caught(store, session):
    html = pack_html(build_pack(store.read(session.code), session))
    assert missing_terms(html.replace("possible roadblocks", "roadblocks")) == [
        "possible roadblocks"
    ]
    unbolded = html.replace("<strong>personal values</strong>", "personal values")
    assert missing_terms(unbolded) == ["personal values"]


def test_the_colleague_page_names_what_is_asked_of_them(store, session):
    from facilitate.evidence.colleague import invite

    invitation = invite("Dolores")
    store.append(session.code, invitation)
    page = ColleaguePage(store=store)
    page.start()
    page.open(session.code, invitation.token)
    shown = widget_html(page.root)
    assert "<strong>This is not a self-reflection</strong>" in shown
    assert "<strong>evaluation and feedback</strong>" in shown
    assert session.title in shown
