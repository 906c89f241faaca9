"""An activity defined only in this folder plugs in through one agenda line.

It appears as a phase on the remote, the display and phones (asking the question
from its own ``poll.yaml``), records a participant's answer, shows on the console
through the release gate, is exported, offers its figures to the leader's evidence
pack, and has its own section when rooms are compared, without a single file
outside this folder knowing about it. Its own page is in ``test_poll_page.py``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from facilitate.cli import main
from facilitate.core.agenda import AGENDA_VARIABLE, current_agenda
from facilitate.core.events import ParticipantJoined, PhaseChanged, RubricEvidenceLinked
from facilitate.core.sessions import create_session, display_token
from facilitate.evidence.pack import build_pack, pack_html
from facilitate.export.event_log import event_log
from facilitate.export.summary import build_parts_safely
from facilitate.export.tables import write_csv
from facilitate.ui.display_page import DisplayPage
from facilitate.ui.participant_page import ParticipantPage
from facilitate.ui.remote_page import RemotePage
from tests.activities.poll.events import PollAnswered


@pytest.fixture(autouse=True)
def poll_agenda(monkeypatch):
    monkeypatch.setenv(AGENDA_VARIABLE, "tests.activities.poll.agenda:AGENDA")


def test_the_poll_is_a_phase_and_a_kind():
    agenda = current_agenda()
    assert agenda.phase_keys[-1] == "poll"
    assert agenda.event_kinds["poll_answered"] is PollAnswered
    assert "poll_answered" in agenda.contribution_kinds


def test_the_poll_runs_on_phones_the_display_and_in_the_export(
    store, session, tmp_path
):
    remote = RemotePage(store=store)
    remote.start()
    remote.open(session.code, session.key)
    while not remote.next_button.disabled:
        remote.next_button.click()
    assert "Phase 7 of 7" in remote.stepper.value
    display = DisplayPage(store=store)
    display.start()
    display.open(session.code, display_token(store, session))
    poll = display.slots["poll"]
    assert "fc-current" in poll.box._dom_classes
    assert "fc-poll-display" in poll.panel.root._dom_classes

    phone = ParticipantPage(store=store)
    phone.start()
    phone.browser.query = {"code": session.code}
    phone.browser.connected = True
    store.append(session.code, ParticipantJoined(phone.participant, "Ana", "teacher"))
    phone.refresh()
    phone.show_phase_step()
    assert phone.phase_title.value == "<h2>Quick poll</h2>"
    assert "Will you try one idea from today" in phone.activity.prompt.value
    phone.activity.choice.value = "yes"
    answers = store.read(session.code, kinds=["poll_answered"])
    assert [r.event for r in answers] == [PollAnswered(phone.participant, "yes")]

    for index in range(9):
        who = f"p{index}"
        store.append(session.code, ParticipantJoined(who, who, "teacher"))
        store.append(session.code, PollAnswered(who, "yes" if index < 4 else "no"))
    display.refresh()
    assert poll.panel.counts.value == "yes: 5, no: 5"

    store.append(session.code, PhaseChanged("poll"))
    records = store.read(session.code)
    parts = build_parts_safely(records, session)
    assert parts[-1].key == "poll"
    written = write_csv(parts, tmp_path / "csv")
    assert (tmp_path / "csv" / "poll-poll_answers.csv") in written
    log = event_log(records, session.min_group_size)
    polled = log.loc[log["kind"] == "poll_answered"]
    assert len(polled) == 10
    assert set(polled["answer"]) == {"yes", "no"}
    assert not any(name in log.to_csv() for name in ("Ana", phone.participant))


def answered_poll(store, title, yes, no):
    """A session where ``yes`` people answered yes and ``no`` people no."""
    session = create_session(store, title, min_group_size=5)
    for index in range(yes + no):
        who = f"p{index}"
        store.append(session.code, ParticipantJoined(who, who, "teacher"))
        store.append(session.code, PollAnswered(who, "yes" if index < yes else "no"))
    return session


def test_the_poll_has_its_own_section_when_rooms_are_compared(
    store, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("FACILITATE_STORE", "")
    rooms = [answered_poll(store, "One", 6, 5), answered_poll(store, "Two", 3, 2)]
    codes = [room.code for room in rooms]
    out = tmp_path / "out"
    args = ["--store", f"sqlite://{store.path}", "compare", *codes, "--out", str(out)]
    assert main(args) == 0
    stem = "compare-" + "-".join(codes)
    assert str(out / f"{stem}-csv" / "poll_answers.csv") in capsys.readouterr().out
    csv = pd.read_csv(out / f"{stem}-csv" / "poll_answers.csv")
    assert list(csv["session"]) == codes
    assert csv.fillna(-1)[["yes", "no"]].values.tolist() == [[6, 5], [-1, -1]]
    page = (out / f"{stem}.html").read_text(encoding="utf-8")
    section = page[page.index('<h2 id="compare-poll">Quick poll</h2>') :]
    assert "<td>6</td><td>5</td>" in section
    withheld = '<td><span class="fc-suppressed">suppressed</span></td>'
    assert f"<td>5</td>{withheld}{withheld}</tr>" in section


def test_the_poll_offers_its_answers_to_the_evidence_pack(store):
    session = answered_poll(store, "One", 6, 5)
    store.append(session.code, RubricEvidenceLinked("lead", ["poll"]))
    pack = build_pack(store.read(session.code), session)
    assert ("Session: Quick poll answers", "poll") in pack.evidence_options()
    item = pack.items["poll"]
    assert (item.summary_section, item.failed) == ("poll", False)
    assert item.tables[0].rows == (("yes", "6"), ("no", "5"))
    assert [k for k, i in pack.items.items() if i.failed] == []
    html = pack_html(pack)
    start = html.index('<div class="fc-evidence" id="evidence-poll">')
    assert "Session evidence: Quick poll answers" in html[start:]
    assert "<td>yes</td><td>6</td>" in html[start:]


def test_the_poll_adds_its_own_command_to_facilitate(capsys, monkeypatch):
    assert main(["poll-question"]) == 0
    assert capsys.readouterr().out == (
        "Will you try one idea from today before our next meeting?\n"
        "  yes: Yes, this month\n"
        "  no: Not yet\n"
    )
    monkeypatch.delenv(AGENDA_VARIABLE)
    with pytest.raises(SystemExit):
        main(["poll-question"])
    assert "invalid choice: 'poll-question'" in capsys.readouterr().err
