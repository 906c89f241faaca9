"""The leader's audit page without a browser, and where the uploaded file lives."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

from facilitate.activities.root_cause.audit_workbook import (
    META_NAME,
    UPLOAD_NAME,
    AuditPage,
)
from facilitate.activities.root_cause.events import FindingShared, FindingWithdrawn
from facilitate.activities.root_cause.sample import sample_path
from facilitate.cli import main
from facilitate.core.session_files import kept_files, session_folder
from facilitate.core.sessions import create_session
from facilitate.core.store import open_store


def opened(store, session, data_dir: Path) -> AuditPage:
    page = AuditPage(store=store, data_dir=data_dir)
    page.start()
    page.open(session.code, session.key)
    return page


def upload(page: AuditPage, name: str, content: bytes) -> None:
    page.upload.value = (
        {
            "name": name,
            "type": "text/csv",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": dt.datetime.now(dt.timezone.utc),
        },
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_page_refuses_without_the_key(store, session, tmp_path):
    page = AuditPage(store=store, data_dir=tmp_path)
    page.start()
    page.open(session.code, "wrong")
    assert "needs the facilitator&#x27;s key" in page.refused.value
    assert page.upload not in page.root.children


def test_upload_map_audit_and_share_only_released_words(store, session, tmp_path):
    page = opened(store, session, tmp_path)
    upload(page, "sample_district.csv", sample_path().read_bytes())
    assert page.upload.value == (), "the file does not linger in the page"
    folder = session_folder(tmp_path, session.code)
    assert mode(folder) == 0o700
    assert mode(folder / UPLOAD_NAME) == 0o600
    assert (folder / UPLOAD_NAME).read_bytes() == sample_path().read_bytes()
    assert "SYNTHETIC DATA" in page.kept.value
    assert page.roles["student_id"].value == "ignore"
    assert page.roles["special_education"].value == "group"
    page.run.click()
    assert page.audit is not None
    shown = "".join(getattr(w, "value", "") for w in page.results.children)
    assert "S000001" not in shown, "no student row or identifier is shown"
    assert page.share is not None
    assert page.share.choice.value == "suspended|special_education|Yes"
    page.share.who.value = "Students receiving special-education services"
    page.share.what.value = "to be suspended"
    page.share.share.click()
    (shared,) = [r.event for r in store.read(session.code, kinds=["finding_shared"])]
    assert shared == FindingShared(
        "suspended|special_education|Yes",
        "Students receiving special-education services are 3.9 times as likely to "
        "be suspended (n = 241)",
        "23% of them, compared with 5.9% of all other students. 95% interval: "
        "2.87 to 5.20 times.",
    )
    page.share.withdraw.click()
    last = store.read(session.code)[-1].event
    assert last == FindingWithdrawn("suspended|special_education|Yes")


def test_a_reload_finds_the_kept_file_and_its_mapping(store, session, tmp_path):
    page = opened(store, session, tmp_path)
    upload(page, "sample_district.csv", sample_path().read_bytes())
    page.roles["gender"].value = "ignore"
    page.run.click()
    again = opened(store, session, tmp_path)
    assert again.table is not None
    assert again.roles["gender"].value == "ignore"
    assert "sample_district.csv" in again.kept.value


def test_a_bad_upload_is_one_sentence_and_nothing_is_kept(store, session, tmp_path):
    page = opened(store, session, tmp_path)
    upload(page, "bad.csv", b"id,race,suspended\n1,A,1\n2,B\n")
    assert "bad.csv, row 3: 2 cells where the header has 3." in page.status.value
    assert kept_files(tmp_path, session.code) == []
    assert page.mapping.children == ()


def test_forget_removes_the_file_now(store, session, tmp_path):
    page = opened(store, session, tmp_path)
    upload(page, "sample_district.csv", sample_path().read_bytes())
    page.forget.click()
    assert kept_files(tmp_path, session.code) == []
    assert "removed from this computer" in page.status.value


def test_session_delete_removes_the_kept_file(tmp_path, capsys):
    store = open_store(tmp_path)
    session = create_session(store, "Audit")
    page = opened(store, session, tmp_path)
    upload(page, "sample_district.csv", sample_path().read_bytes())
    assert {p.name for p in kept_files(tmp_path, session.code)} == {
        UPLOAD_NAME,
        META_NAME,
    }
    command = ["--data-dir", str(tmp_path), "session", "delete", session.code]
    assert main([*command, "--yes"]) == 0
    assert "and 2 kept files" in capsys.readouterr().out
    assert not session_folder(tmp_path, session.code).exists()
