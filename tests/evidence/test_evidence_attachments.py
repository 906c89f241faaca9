"""Attachments on the evidence page: what is accepted, where files are kept, what
the pack carries and lists, and that they leave with the session."""

from __future__ import annotations

import datetime as dt
import io
import stat
from contextlib import redirect_stdout

import pytest

from facilitate.cli import main
from facilitate.core.events import AttachmentAdded, QualitativeEvidenceSaved
from facilitate.core.session_files import kept_files, session_folder
from facilitate.core.sessions import create_session
from facilitate.core.store import open_store
from facilitate.evidence.pack import build_pack, pack_html
from facilitate.evidence.page import EvidencePage
from tests.evidence_files import tiny_pdf, tiny_png

VIDEO = "https://video.example.org/watch?v=meeting-1"


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def page(store, session, tmp_path):
    opened = EvidencePage(store=store, data_dir=tmp_path)
    opened.start()
    opened.open(session.code, session.key)
    return opened


def upload(panel, name: str, content: bytes) -> None:
    panel.upload.value = (
        {
            "name": name,
            "type": "",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": dt.datetime.now(dt.timezone.utc),
        },
    )


def attach(page, part, form, description, name="", content=b"", link=""):
    panel = page.attachments[part]
    panel.form.value = form
    panel.description.value = description
    panel.link.value = link
    if name:
        upload(panel, name, content)
    panel.attach.click()
    return panel


def attach_all_three(page):
    attach(page, "building_capacity", "artifacts", "Our agenda", "a.pdf", tiny_pdf())
    attach(page, "building_capacity", "artifacts", "The chart", "c.png", tiny_png())
    attach(page, "analysis", "colleague_video", "Dolores on video", link=VIDEO)


def test_limits_are_said_before_any_upload(page):
    panel = page.attachments["building_capacity"]
    said = panel.root.children[0].value
    assert "PDF, PNG or JPEG, up to 8 MB each" in said
    assert "Video: give a link" in said
    assert panel.root.children.index(panel.upload) > 0
    assert set(page.attachments) == {"building_capacity", "analysis"}


def test_files_are_kept_owner_only_and_the_pack_embeds_and_lists(
    page, store, session, tmp_path
):
    attach_all_three(page)
    added = store.read(session.code, kinds=[AttachmentAdded.kind])
    assert [(r.event.form, r.event.media_type) for r in added] == [
        ("artifacts", "application/pdf"),
        ("artifacts", "image/png"),
        ("colleague_video", "link"),
    ]
    folder = session_folder(tmp_path, session.code)
    assert mode(folder) == 0o700
    files = kept_files(tmp_path, session.code)
    assert len(files) == 2
    assert all(mode(f) == 0o600 for f in files)
    assert "a.pdf" not in {f.name for f in files}, "kept under a name we choose"
    listed = page.attachments["building_capacity"].listed.children
    assert len(listed) == 2

    pack = build_pack(store.read(session.code), session, tmp_path)
    html = pack_html(pack)
    assert '<img src="data:image/png;base64,' in html
    assert 'href="data:application/pdf;base64,' in html
    assert 'download="a.pdf"' in html
    assert f'href="{VIDEO}"' in html.replace("&amp;", "&")
    printed = pack_html(pack, printing=True)
    assert "data:application/pdf" not in printed, "the PDF lists files, no payload"
    for words in ("a.pdf", "c.png", VIDEO, "Our agenda", "The chart", "Dolores on"):
        assert words in printed.replace("&amp;", "&"), words


@pytest.mark.parametrize(
    ("form", "name", "content", "link", "sentence"),
    [
        (
            "artifacts",
            "notes.txt",
            b"just words",
            "",
            "notes.txt is not a PDF, PNG or JPEG file. Save it as one of those, or "
            "give a link instead.",
        ),
        (
            "artifacts",
            "huge.pdf",
            b"%PDF-" + b"0" * 8_000_000,
            "",
            "huge.pdf is 8.0 MB; files can be up to 8 MB. Make it smaller, or put "
            "it online and give the link instead.",
        ),
        (
            "recording",
            "meeting.png",
            tiny_png(),
            "",
            "(a) An unedited recording of the meeting (10 minutes maximum) is "
            "attached as a link, not a file: paste the link to the video instead.",
        ),
        (
            "recording",
            "",
            b"",
            "video.example.org/x",
            "'video.example.org/x' is not a web address. Paste the full link, "
            "starting with https://.",
        ),
        (
            "artifacts",
            "",
            b"",
            "",
            "Choose a file or paste a link first, then press Attach.",
        ),
    ],
)
def test_a_refused_attachment_says_why_and_keeps_nothing(
    page, store, session, tmp_path, form, name, content, link, sentence
):
    panel = attach(page, "building_capacity", form, "What it is", name, content, link)
    assert sentence in panel.status.value.replace("&#x27;", "'")
    assert store.read(session.code, kinds=[AttachmentAdded.kind]) == []
    assert kept_files(tmp_path, session.code) == []


def test_a_description_is_required(page, store, session):
    panel = attach(page, "building_capacity", "artifacts", " ", "c.png", tiny_png())
    assert "Please enter a description." in panel.status.value
    assert store.read(session.code, kinds=[AttachmentAdded.kind]) == []


def test_removing_deletes_the_file(page, store, session, tmp_path):
    attach(page, "building_capacity", "artifacts", "The chart", "c.png", tiny_png())
    assert len(kept_files(tmp_path, session.code)) == 1
    row = page.attachments["building_capacity"].listed.children[0]
    row.children[1].click()
    assert kept_files(tmp_path, session.code) == []
    assert page.attachments["building_capacity"].listed.children == ()
    html = pack_html(build_pack(store.read(session.code), session, tmp_path))
    assert "The chart" not in html


def test_session_delete_removes_the_attached_files(tmp_path):
    store = open_store(tmp_path)
    session = create_session(store, "Attachments to delete")
    page = EvidencePage(store=store, data_dir=tmp_path)
    page.start()
    page.open(session.code, session.key)
    attach_all_three(page)
    assert len(kept_files(tmp_path, session.code)) == 2
    store.close()
    with redirect_stdout(io.StringIO()) as said:
        code = main(
            ["--data-dir", str(tmp_path), "session", "delete", session.code, "--yes"]
        )
    assert code == 0
    assert "and 2 kept files" in said.getvalue()
    assert kept_files(tmp_path, session.code) == []


def test_what_the_leader_heard_sits_beside_the_quantitative_finding(
    page, store, session
):
    heard = page.heard
    heard.rows[0]["source"].value = "Family listening session"
    heard.rows[0]["date"].value = "March 2026"
    heard.rows[0]["themes"].value = "Homework assumes a quiet room"
    heard.rows[0]["quotes"].value = "“We share one table after dinner.”"
    heard.add.click()
    heard.rows[1]["source"].value = "Staff survey"
    page.flush()
    saved = store.read(session.code, kinds=[QualitativeEvidenceSaved.kind])
    assert [e["source"] for e in saved[-1].event.entries] == [
        "Family listening session",
        "Staff survey",
    ]
    html = pack_html(build_pack(store.read(session.code), session))
    part = html[html.index('id="part-needs_assessment"') :]
    part = part[: part.index('id="part-plan_of_action"')]
    heard_at = part.index("What the leader heard (qualitative data)")
    assert "Family listening session" in part
    assert "March 2026" in part
    assert heard_at < part.index("Session evidence: "), "then the quantitative"

    reopened = EvidencePage(store=store)
    reopened.start()
    reopened.open(session.code, session.key)
    assert reopened.heard.rows[1]["source"].value == "Staff survey"


def test_an_empty_self_assessment_is_a_note_not_missing(page, store, session):
    from facilitate.evidence.checklist import PRIVATE_NOT_WRITTEN, checklist
    from facilitate.evidence.state import evidence_state

    lines = checklist(page.guide, page.rubric, evidence_state(store.read(session.code)))
    own = next(line for line in lines if line.anchor == "part-leader_self_assessment")
    assert (own.status, own.detail) == ("note", PRIVATE_NOT_WRITTEN)


def test_a_recording_or_a_colleagues_video_completes_its_part(page, store, session):
    from facilitate.evidence.checklist import checklist
    from facilitate.evidence.state import evidence_state

    def status(part: str) -> tuple[str, str]:
        state = evidence_state(store.read(session.code))
        lines = checklist(page.guide, page.rubric, state)
        line = next(line for line in lines if line.anchor == f"part-{part}")
        return line.status, line.detail

    assert status("building_capacity") == ("missing", "Not written yet.")
    assert status("analysis")[0] == "missing"
    attach(page, "building_capacity", "recording", "The meeting", link=VIDEO)
    attach(page, "analysis", "colleague_video", "Dolores on video", link=VIDEO)
    done = ("done", "Nothing written; 1 attachment instead.")
    assert status("building_capacity") == done
    assert status("analysis") == done
