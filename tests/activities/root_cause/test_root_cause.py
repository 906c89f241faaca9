"""The root-cause phase without a browser: rules, phone, shared screen, summary."""

from __future__ import annotations

import pytest

from facilitate.activities.root_cause.board import board_of
from facilitate.activities.root_cause.content import NO_FINDING
from facilitate.activities.root_cause.controls import (
    CONSOLE_NO_FINDING,
    RootCauseControls,
)
from facilitate.activities.root_cause.display import NO_FINDING_YET, RootCausePanel
from facilitate.activities.root_cause.events import (
    CauseAdded,
    CauseHidden,
    CauseVoted,
    FindingShared,
    FindingWithdrawn,
)
from facilitate.activities.root_cause.metrics import cause_map, top_causes, vote_words
from facilitate.activities.root_cause.participant import RootCauseActivity
from facilitate.activities.root_cause.report import root_cause_part
from facilitate.audit.findings import Finding
from facilitate.core.events import ParticipantJoined
from facilitate.core.roster import roster_of
from facilitate.core.text import escape
from facilitate.ui.contexts import ControlsContext, DisplayContext, ParticipantContext

SHARED = FindingShared(
    "suspended|special_education|Yes",
    "Students receiving special-education services are 3.1 times as likely to be "
    "suspended (n = 240)",
    "23% of them, compared with 7.4% of all other students.",
)
HTML_CAUSE = "<b>Rules</b> & <script>alert(1)</script>"


def add(store, session, who, category, text, parent=0) -> int:
    return store.append(session.code, CauseAdded(who, category, text, parent)).id


def vote(store, session, who, cause, voted=True) -> None:
    store.append(session.code, CauseVoted(who, cause, voted))


def test_a_finding_reads_as_the_room_will_see_it():
    finding = Finding(
        "suspended", "special_education", "Yes", 240, 0.2325, 3.1, 2.2, 4.4, "higher"
    )
    assert finding.statement(
        "Students receiving special-education services", "to be suspended"
    ) == (
        "Students receiving special-education services are 3.1 times as likely to "
        "be suspended (n = 240)"
    )
    assert finding.statement() == (
        "Students marked special education are 3.1 times as likely to be "
        "suspended (n = 240)"
    )
    assert finding.detail() == (
        "23% of them, compared with 7.5% of all other students. 95% interval: "
        "2.20 to 4.40 times."
    )
    unclear = Finding("absent", "race", "White", 600, 0.14, 1.02, 0.8, 1.3, "")
    assert unclear.statement() == (
        "White students are 1.02 times as likely to be absent (n = 600)"
    )
    assert unclear.detail().endswith("The interval includes 1, so this may be chance.")


def test_the_board_keeps_the_rules_whatever_a_browser_sends(store, session):
    root = add(store, session, "p1", "policies", "Zero tolerance")
    chain = [root]
    for depth in range(2, 6):
        chain.append(add(store, session, "p1", "practices", f"why {depth}", chain[-1]))
    too_deep = add(store, session, "p1", "practices", "why 6", chain[-1])
    unknown = add(store, session, "p1", "weather", "Rain")
    for cause in chain[:4]:
        vote(store, session, "p2", cause)
    board = board_of(store.read(session.code))
    assert [board.causes[c].depth for c in chain] == [1, 2, 3, 4, 5]
    assert too_deep not in board.causes
    assert unknown not in board.causes
    assert board.votes_of("p2") == chain[:3], "a fourth dot is ignored"
    store.append(session.code, CauseHidden(chain[1]))
    board = board_of(store.read(session.code))
    assert [c.id for c in board.visible()] == [root]
    assert board.votes_of("p2") == [root], "dots on hidden causes are given back"


def test_vote_counts_pass_the_release_gate(store, session):
    popular = add(store, session, "p1", "practices", "Plans not followed")
    rare = add(store, session, "p2", "beliefs", "Defiance")
    for n in range(6):
        vote(store, session, f"v{n}", popular)
    vote(store, session, "v0", rare)
    board = board_of(store.read(session.code))
    columns = cause_map(board, 5)
    # released at the fifth voter: the sixth's dot waits for four more people
    assert [card.votes for card in columns["practices"]] == [5]
    assert [card.votes for card in columns["beliefs"]] == [None]
    assert columns["policies"] == []
    assert columns["messages"] == []
    assert vote_words(None, 5) == "fewer than 5 votes"
    assert vote_words(None, 2) == "fewer than 3 votes", "the floor holds"
    assert [card.id for card in top_causes(board, 5)] == [popular]


def test_a_count_moves_only_when_k_more_people_have_voted(store, session):
    cause = add(store, session, "p1", "practices", "Plans not followed")
    for n in range(5):
        vote(store, session, f"v{n}", cause)
    before = cause_map(board_of(store.read(session.code)), 5)["practices"][0].votes
    vote(store, session, "late", cause)  # one more tap: the screen does not move
    after = cause_map(board_of(store.read(session.code)), 5)["practices"][0].votes
    assert (before, after) == (5, 5)
    for n in range(4):
        vote(store, session, f"w{n}", cause)
    released = cause_map(board_of(store.read(session.code)), 5)["practices"][0]
    assert released.votes == 10


def test_display_and_remote_say_so_until_a_finding_is_shared(store, session):
    panel = RootCausePanel(DisplayContext(store, session))
    remote = RootCauseControls(ControlsContext(store, session))
    records = store.read(session.code)
    panel.refresh(roster_of(records), records)
    remote.refresh(roster_of(records), records)
    assert NO_FINDING_YET in panel.frame.state.value
    assert panel.board.value == ""
    assert CONSOLE_NO_FINDING in remote.note.value
    assert session.key not in panel.frame.state.value
    store.append(session.code, SHARED)
    records = store.read(session.code)
    panel.refresh(roster_of(records), records)
    remote.refresh(roster_of(records), records)
    assert remote.note.value == ""
    assert panel.findings in panel.frame.body.children


def test_the_console_groups_causes_with_released_votes_and_escaped_text(store, session):
    store.append(session.code, SHARED)
    first = add(store, session, "p1", "policies", HTML_CAUSE)
    deeper = add(store, session, "p2", "policies", "No handover time", first)
    add(store, session, "p3", "messages", "Praise for compliance")
    for n in range(5):
        vote(store, session, f"v{n}", first)
    vote(store, session, "v0", deeper)
    panel = RootCausePanel(DisplayContext(store, session))
    records = store.read(session.code)
    panel.refresh(roster_of(records), records)
    assert "3.1 times as likely to be suspended (n = 240)" in panel.findings.value
    board = panel.board.value
    assert "&lt;b&gt;Rules&lt;/b&gt; &amp; &lt;script&gt;" in board
    assert "<script>" not in board
    assert "<b>Rules" not in board
    assert "5 votes" in board
    assert board.count("fewer than 5 votes") == 2
    policies = board.split('class="fc-rc-category fc-rc-policies"')[1].split(
        "</section>"
    )[0]
    assert "No handover time" in policies
    assert "At least 5 have voted." in panel.progress.value
    assert "fc-rc-messages" in board
    assert "Praise for compliance" in board


def test_the_facilitator_takes_a_cause_off_the_screen(store, session):
    store.append(session.code, SHARED)
    cause = add(store, session, "p1", "beliefs", "Something hurtful")
    panel = RootCausePanel(DisplayContext(store, session))
    remote = RootCauseControls(ControlsContext(store, session))
    records = store.read(session.code)
    panel.refresh(roster_of(records), records)
    remote.refresh(roster_of(records), records)
    assert "Something hurtful" in panel.board.value
    assert remote.hide_choice.value == cause
    remote.hide.click()
    assert store.read(session.code)[-1].event == CauseHidden(cause)
    records = store.read(session.code)
    panel.refresh(roster_of(records), records)
    remote.refresh(roster_of(records), records)
    assert "Something hurtful" not in panel.board.value
    assert remote.hide_row.layout.display == "none"


def join(store, session, who: str) -> RootCauseActivity:
    store.append(session.code, ParticipantJoined(who, who.title(), "teacher"))
    return RootCauseActivity(ParticipantContext(store, session, who))


def test_the_phone_waits_for_a_finding_then_shows_the_form(store, session):
    phone = join(store, session, "p1")
    assert escape(NO_FINDING) in phone.findings.value
    assert phone.root.children == (phone.findings,)
    shared = store.append(session.code, SHARED)
    phone.refresh(roster_of([]), [shared])
    assert "(n = 240)" in phone.findings.value
    assert phone.form.root in phone.root.children
    withdrawn = store.append(session.code, FindingWithdrawn(SHARED.finding))
    phone.refresh(roster_of([]), [withdrawn])
    assert phone.root.children == (phone.findings,)


def test_a_participant_adds_a_cause_asks_why_and_votes_three_times(store, session):
    store.append(session.code, SHARED)
    phone = join(store, session, "p1")
    phone.form.add.click()
    assert "Please choose the kind of cause first." in phone.form.status.value
    phone.form.category.value = "policies"
    phone.form.text.value = HTML_CAUSE
    phone.form.add.click()
    added = store.read(session.code, kinds=[CauseAdded.kind])
    assert [r.event for r in added] == [CauseAdded("p1", "policies", HTML_CAUSE, 0)]
    assert phone.form.text.value == ""
    row = phone.rows[added[0].id]
    assert "&lt;b&gt;Rules" in row.words.value
    row.why.click()
    assert phone.why_form.root in row.root.children
    assert phone.why_form.category.value == "policies"
    phone.why_form.text.value = "Nobody reviews the rule"
    phone.why_form.add.click()
    why = store.read(session.code, kinds=[CauseAdded.kind])[-1]
    assert (why.event.parent, why.event.category) == (added[0].id, "policies")
    others = [add(store, session, "p2", "practices", f"Cause {n}") for n in range(3)]
    phone.refresh(roster_of([]), store.read(session.code))
    for cause in [added[0].id, *others[:2]]:
        phone.rows[cause].vote.value = True
    assert "0 of 3 votes left" in phone.votes_left.value
    phone.rows[others[2]].vote.value = True
    assert "You have used your 3 votes." in phone.vote_status.value
    assert phone.rows[others[2]].vote.value is False, "the toggle is put back"
    votes = store.read(session.code, kinds=[CauseVoted.kind])
    assert [r.event.cause for r in votes] == [added[0].id, *others[:2]]
    phone.rows[others[0]].vote.value = False
    assert "1 of 3 votes left" in phone.votes_left.value


def test_a_reload_shows_the_persons_own_dots(store, session):
    store.append(session.code, SHARED)
    cause = add(store, session, "p2", "practices", "Plans not shared")
    vote(store, session, "p1", cause)
    phone = join(store, session, "p1")
    assert phone.rows[cause].vote.value is True
    assert phone.rows[cause].vote.description == "Voted"
    assert len(store.read(session.code, kinds=[CauseVoted.kind])) == 1


def test_why_stops_at_five_deep(store, session):
    store.append(session.code, SHARED)
    chain = [add(store, session, "p2", "practices", "root")]
    for depth in range(2, 6):
        chain.append(add(store, session, "p2", "practices", f"why {depth}", chain[-1]))
    phone = join(store, session, "p1")
    assert phone.rows[chain[3]].why.disabled is False
    assert phone.rows[chain[4]].why.disabled is True


def test_the_summary_holds_findings_top_causes_and_the_map(store, session):
    assert root_cause_part(store.read(session.code), session).notes == [
        "No finding from the equity audit was shared with the room."
    ]
    store.append(session.code, SHARED)
    popular = add(store, session, "p1", "practices", HTML_CAUSE)
    add(store, session, "p2", "beliefs", "Defiance")
    for n in range(7):
        vote(store, session, f"v{n}", popular)
    part = root_cause_part(store.read(session.code), session)
    assert part.notes[0] == f"Shared with the room: {SHARED.statement}."
    assert part.notes[2] == f"1. {HTML_CAUSE} (Practices, 5 votes)"
    top = part.tables["root_causes_top"]
    assert top.to_dict("records") == [
        {"category": "Practices", "cause": HTML_CAUSE, "depth": 1, "votes": "5 votes"}
    ]
    assert part.tables["root_causes_all"]["votes"].tolist() == [
        "5 votes",
        "fewer than 5 votes",
    ]
    assert "<script>" not in part.html
    assert "&lt;script&gt;" in part.html
    assert len(part.figures) == 1


def test_the_demo_shares_the_sample_finding_with_causes_and_votes(store, session):
    import random

    from facilitate.activities.root_cause.demo import seed_root_causes

    people = [f"demo-{n:02d}" for n in range(24)]
    seed_root_causes(store, session, people, random.Random(7))
    board = board_of(store.read(session.code))
    (finding,) = board.findings.values()
    assert finding.statement.startswith(
        "Students receiving special-education services are 3.9 times as likely to "
        "be suspended"
    )
    assert len(board.visible()) == 10
    assert {c.category for c in board.visible()} == {
        "policies",
        "practices",
        "beliefs",
        "messages",
    }
    assert all(len(board.votes_of(p)) == 3 for p in people)
    cards = cause_map(board, 5)
    counts = [c.votes for cs in cards.values() for c in cs]
    assert None in counts
    assert any(isinstance(v, int) for v in counts)


@pytest.mark.parametrize("k", [3, 5])
def test_top_causes_never_rank_withheld_counts(store, session, k):
    smaller = add(store, session, "p1", "practices", "smaller")
    small = add(store, session, "p1", "practices", "small")
    vote(store, session, "v1", small)
    vote(store, session, "v2", small)
    vote(store, session, "v1", smaller)
    board = board_of(store.read(session.code))
    assert top_causes(board, k) == []
    # 2 and 1 are both withheld: they stay in the order they came, not by count.
    assert [c.id for c in cause_map(board, k)["practices"]] == [smaller, small]


def test_the_leaders_words_are_limited_escaped_and_the_numbers_are_not_typed(
    store, session
):
    from facilitate.activities.root_cause.share import SharePanel

    panel = SharePanel(store, session)
    panel.offer(
        [Finding("suspended", "race", "Black", 320, 0.13, 1.9, 1.4, 2.7, "higher")]
    )
    assert panel.who.value == "Black students"
    panel.who.value = "x" * 121
    assert "The group&#x27;s description is 121 characters; the limit is 120." in (
        panel.preview.value
    )
    panel.share.click()
    assert store.read(session.code, kinds=[FindingShared.kind]) == []
    panel.who.value = "<b>Black</b> students"
    assert "&lt;b&gt;Black&lt;/b&gt; students are 1.9 times" in panel.preview.value
    panel.share.click()
    (shared,) = store.read(session.code, kinds=[FindingShared.kind])
    assert shared.event.statement == (
        "<b>Black</b> students are 1.9 times as likely to be suspended (n = 320)"
    )
    assert "&lt;b&gt;Black" in panel.shared.value


def test_the_evidence_packs_needs_assessment_carries_the_finding_and_top_causes(
    store, session
):
    from facilitate.evidence.session_evidence import session_evidence

    empty = session_evidence(store.read(session.code), session)["root_causes"]
    assert not empty.available
    assert empty.notes == (
        "No finding from the equity audit was shared with the room.",
    )
    store.append(session.code, SHARED)
    popular = add(store, session, "p1", "practices", HTML_CAUSE)
    for n in range(5):
        vote(store, session, f"v{n}", popular)
    item = session_evidence(store.read(session.code), session)["root_causes"]
    finding, causes = item.tables
    assert finding.rows == ((SHARED.statement, SHARED.detail),)
    assert causes.rows == (("Practices", HTML_CAUSE, "5 votes"),)
    assert item.summary_section == "root_cause"


def column(board: str, category: str) -> str:
    return board.split(f'class="fc-rc-category fc-rc-{category}"')[1].split(
        "</section>"
    )[0]


def test_a_crowded_column_shows_what_the_screen_holds_and_counts_the_rest(
    store, session
):
    store.append(session.code, SHARED)
    long = "Nobody owns the follow-up after an incident, so the same students " * 2
    causes = [add(store, session, f"p{n}", "policies", f"{long}{n}") for n in range(6)]
    add(store, session, "p9", "beliefs", "Defiance")
    for n, cause in enumerate(causes):
        for voter in range(6 - n):  # the first cause has the most votes
            vote(store, session, f"v{voter}", cause)
    panel = RootCausePanel(DisplayContext(store, session))
    records = store.read(session.code)
    panel.refresh(roster_of(records), records)
    shown = column(panel.board.value, "policies")
    assert 1 <= shown.count("data-cause=") < 6
    assert f"{long}0" in shown  # the most voted first
    assert f"and {6 - shown.count('data-cause=')} more causes" in shown
    assert "Defiance" in column(panel.board.value, "beliefs")
    printed = root_cause_part(records, session).html
    assert column(printed, "policies").count("data-cause=") == 6
