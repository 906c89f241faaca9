"""The leader's evidence page, driven without a browser."""

from __future__ import annotations

import ipywidgets as widgets

from facilitate.core.events import (
    ColleagueFeedbackGiven,
    LeaderNoteSaved,
    RubricChecked,
    RubricEvidenceLinked,
)
from facilitate.evidence.pack import build_pack, pack_html
from facilitate.evidence.page import EvidencePage
from facilitate.evidence.pointer import ReflectionPointer


def open_page(store, code, key):
    page = EvidencePage(store=store)
    page.start()
    page.open(code, key)
    return page


def saved_texts(store, session):
    kind = LeaderNoteSaved.kind
    return [
        (r.event.section, r.event.text) for r in store.read(session.code, kinds=[kind])
    ]


def test_without_the_key_the_page_is_one_refusal(store, session):
    page = open_page(store, session.code, "wrong")
    assert "needs the facilitator&#x27;s key" in page.refused.value
    assert page.editors["reflection"].root not in page.root.children
    assert session.title not in str(
        [getattr(w, "value", "") for w in page.root.children]
    )


def test_parts_come_in_the_credentials_order(store, session):
    page = open_page(store, session.code, session.key)
    order = []
    for widget in page.root.children:
        value = getattr(widget, "value", "")
        if isinstance(value, str) and value.startswith(("<h2>Part", "<h2>Method")):
            order.append(value[4 : value.index("</h2>")])
    assert order == [
        "Method step 1: Your self-assessment (private)",
        "Part 1: Context",
        "Part 2: Work examples / artifacts",
        "Part 3: Scoring guide",
        "Part 4: Reflection",
    ]
    classes = [
        c._dom_classes for c in page.root.children if "fc-part" in c._dom_classes
    ]
    assert [next(k for k in c if k.startswith("fc-part-")) for c in classes] == [
        "fc-part-leader_self_assessment",
        "fc-part-needs_assessment",
        "fc-part-plan_of_action",
        "fc-part-awareness",
        "fc-part-building_capacity",
        "fc-part-analysis",
        "fc-part-reflection",
    ]


def test_counts_are_live_warn_at_the_limit_and_never_cut(store, session):
    page = open_page(store, session.code, session.key)
    editor = page.editors["needs_assessment"]
    editor.text.value = "word " * 499
    assert "499 of 500 words." in editor.count.value
    editor.text.value = "word " * 500
    assert "500 of 500 words: you have reached the limit." in editor.count.value
    assert "fc-wordcount-warning" in editor.count.value
    editor.text.value = "word " * 523
    assert (
        "Over the limit: 523 words, 23 over the 500-word limit. Nothing has been cut"
        in editor.count.value
    )
    page.flush()
    assert saved_texts(store, session) == [
        ("needs_assessment", ("word " * 523).strip())
    ]


def test_awareness_has_no_limit_and_says_so(store, session):
    page = open_page(store, session.code, session.key)
    page.editors["awareness"].text.value = "word " * 900
    assert "900 words (the credential sets no word limit" in (
        page.editors["awareness"].count.value
    )


def test_autosave_records_only_changes_and_a_reload_restores_them(store, session):
    page = open_page(store, session.code, session.key)
    page.editors["reflection"].text.value = "We met"
    assert page.guard.unsaved
    assert "Saving" in page.autosave_status.value
    page.flush()
    assert not page.guard.unsaved
    assert "All changes saved at" in page.autosave_status.value
    page.editors["reflection"].text.value = "We met after school"
    page.editors["plan_of_action"].text.value = "Twelve teachers"
    page.flush()
    page.flush()
    assert saved_texts(store, session) == [
        ("reflection", "We met"),
        ("plan_of_action", "Twelve teachers"),
        ("reflection", "We met after school"),
    ]
    again = open_page(store, session.code, session.key)
    assert again.editors["reflection"].text.value == "We met after school"
    assert not again.guard.unsaved, "opening the page is not typing"


def test_a_failed_save_keeps_the_text_and_says_so(store, session):
    page = open_page(store, session.code, session.key)
    page.editors["reflection"].text.value = "x" * 30_000
    page.flush()
    assert "characters; the limit is 20,000" in page.autosave_status.value
    assert page.guard.unsaved
    assert page.editors["reflection"].text.value == "x" * 30_000
    assert saved_texts(store, session) == []


def test_rating_and_linking_a_row_save_at_once(store, session):
    page = open_page(store, session.code, session.key)
    row = page.rows["facilitate"]
    row.rating.value = "basic"
    row.links.value = ("building_capacity", "participation")
    assert "Facilitate, Basic (the leader's self-rating)" in row.levels.value
    assert [r.event for r in store.read(session.code, kinds=[RubricChecked.kind])] == [
        RubricChecked("facilitate", "basic")
    ]
    linked = store.read(session.code, kinds=[RubricEvidenceLinked.kind])
    assert linked[-1].event == RubricEvidenceLinked(
        "facilitate", ["building_capacity", "participation"]
    )
    assert "Rated Basic, with 2 pieces of evidence." in page.checklist.value
    again = open_page(store, session.code, session.key)
    assert again.rows["facilitate"].rating.value == "basic"
    assert again.rows["facilitate"].links.value == (
        "building_capacity",
        "participation",
    )


def test_colleague_feedback_is_shown_read_only_and_cannot_be_replaced(store, session):
    page = open_page(store, session.code, session.key)
    page.colleague.name.value = "Dolores"
    page.colleague.make.click()
    invitation = page.state.invitations[0]
    assert invitation.token in page.colleague.links.value
    store.append(
        session.code,
        ColleagueFeedbackGiven(
            invitation.invitation, "Dolores", "", "She used <rounds>."
        ),
    )
    page.poll_colleagues()
    assert "In the colleague's own words: Dolores" in page.colleague.received.value
    assert "She used &lt;rounds&gt;." in page.colleague.received.value
    boxes = [
        w for w in _walk(page.root) if isinstance(w, widgets.Textarea | widgets.Text)
    ]
    assert all("rounds" not in box.value for box in boxes)
    store.append(session.code, LeaderNoteSaved("analysis", "The leader's own version"))
    store.append(
        session.code, ColleagueFeedbackGiven(invitation.invitation, "X", "", "Later")
    )
    html = pack_html(build_pack(store.read(session.code), session))
    assert "She used &lt;rounds&gt;." in html
    assert "The leader&#x27;s own version" not in html
    assert "Later" not in html


def test_the_download_offers_the_pack_as_files_not_a_path(store, session, monkeypatch):
    import facilitate.core.pdf as pdf

    monkeypatch.setattr(pdf, "pdf_bytes", lambda html: b"%PDF-1.4 test")
    page = open_page(store, session.code, session.key)
    page.editors["reflection"].text.value = "Typed just before downloading"
    page.download.prepare.click()
    links = page.download.links.value
    assert f'download="evidence-{session.code}.html"' in links
    assert f'download="evidence-{session.code}.pdf"' in links
    assert 'href="data:text/html;charset=utf-8;base64,' in links
    assert "/tmp" not in links
    assert str(store.path.parent) not in links
    assert saved_texts(store, session) == [
        ("reflection", "Typed just before downloading")
    ]
    assert "The pack is ready" in page.download.status.value


def test_the_old_reflection_page_points_to_the_pack(store, session):
    pointer = ReflectionPointer(store=store)
    pointer.start()
    pointer.open(session.code, session.key)
    assert f"evidence.ipynb?code={session.code}&amp;key=" in pointer.link.value
    refused = ReflectionPointer(store=store)
    refused.start()
    refused.open(session.code, "nope")
    assert refused.link not in refused.root.children


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)
