"""The whole credential in a leader's hands, in Chromium: every part written, an
image and a PDF uploaded, a video linked, the pack downloaded as HTML and PDF,
and the files private on disk until the session is deleted."""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from facilitate.core.events import AttachmentAdded, LeaderNoteSaved
from facilitate.core.session_files import kept_files
from tests.browser.people import wait_for_text
from tests.evidence_files import tiny_pdf, tiny_png

pytestmark = pytest.mark.browser

WRITTEN = {
    "leader_self_assessment": "Myselfbias: I expect the loudest voices to be right.",
    "needs_assessment": "Families told us homework assumes a quiet room at home.",
    "plan_of_action": "Teachers, two parents and a counsellor; I chaired.",
    "awareness": "We proposed homework-free evenings twice a week.",
    "building_capacity": "I know each of them from the family council.",
    "reflection": "Next steps: a second listening session; roadblock: time.",
}
VIDEO = "https://video.example.org/watch?v=colleague-feedback"
DESCRIBED = {
    "chart.png": "Photo of the chart paper from our meeting",
    "agenda.pdf": "The agenda we wrote together",
    VIDEO: "Dolores on how the meeting went",
}


ARTIFACTS = "(c) Artifacts (agendas, photos, documents) with a description"


def submit(page, part: str, description: str, file: Path | None, link: str = ""):
    """Fill the part's attachment form and press Attach; wait for the outcome."""
    panel = f".fc-attachments-{part}"
    before = page.locator(f"{panel} .fc-attached").count()
    if file is not None:
        page.select_option(f".fc-attach-form-{part} select", label=ARTIFACTS)
    page.fill(f".fc-attach-description-{part} textarea", description)
    if file is not None:  # the widget's file input is never in the page itself
        with page.expect_file_chooser() as chooser:
            page.click(f".fc-attach-file-{part}")
        chooser.value.set_files(str(file))
        page.wait_for_function(
            "(sel) => document.querySelector(sel).innerText.includes('(1)')",
            arg=f".fc-attach-file-{part}",
        )
    if link:
        page.fill(f".fc-attach-link-{part} input", link)
    page.click(f".fc-attach-add-{part}")
    page.wait_for_function(
        "([panel, before]) => document.querySelectorAll(panel + ' .fc-attached')"
        ".length > before || document.querySelector(panel + ' .fc-say-error')",
        arg=[panel, before],
    )


def attach(page, part: str, description: str, file: Path | None, link: str = ""):
    """Submit, and fail with the page's own sentence if it was refused."""
    submit(page, part, description, file, link)
    panel = f".fc-attachments-{part}"
    assert page.locator(f"{panel} .fc-say-error").count() == 0, page.inner_text(
        f".fc-attach-status-{part}"
    )


def fill_every_part(page) -> None:
    for part, text in WRITTEN.items():
        page.fill(f".fc-text-{part} textarea", text)
    page.fill(".fc-heard-source-0 input", "Family listening session")
    page.fill(".fc-heard-themes-0 textarea", "Homework and space at home")
    page.fill(".fc-heard-quotes-0 textarea", "We share one table after dinner.")
    for row in ("facilitate", "lead"):
        page.locator(f".fc-rating-{row} input[type=radio]").first.check()
        page.locator(f".fc-links-{row} input[type=checkbox]").first.check()


COLLEAGUE = "She asked the families first and changed the plan with them."


def colleague_writes(leader, new_page) -> None:
    """Part 2.3: a feedback link, sent, and the colleague's words back."""
    leader.fill(".fc-colleague-name input", "Dolores")
    leader.click(".fc-colleague-invite")
    link = leader.locator(".fc-colleague-link").first
    link.wait_for()
    colleague = new_page()
    colleague.goto(link.get_attribute("href"))
    colleague.fill(".fc-feedback-text textarea", COLLEAGUE)
    colleague.click(".fc-feedback-send")
    leader.wait_for_function(
        "(words) => document.querySelector('.fc-colleague-feedback')"
        ".innerText.includes(words)",
        arg=COLLEAGUE,
    )


def test_every_part_and_three_attachments_reach_the_pack(server, new_page, tmp_path):
    session = server.new_session("The whole credential")
    files = {"chart.png": tiny_png(), "agenda.pdf": tiny_pdf()}
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    leader = new_page()
    leader.goto(server.page_url("evidence", session))
    leader.wait_for_selector(".fc-text-leader_self_assessment textarea")
    limits = leader.inner_text(".fc-attachments-building_capacity .fc-attach-limits")
    assert "PDF, PNG or JPEG, up to 8 MB each" in limits

    fill_every_part(leader)
    colleague_writes(leader, new_page)
    for name in files:
        attach(leader, "building_capacity", DESCRIBED[name], tmp_path / name)
    attach(leader, "analysis", DESCRIBED[VIDEO], None, VIDEO)
    leader.wait_for_function(
        "() => document.body.dataset.fcUnsaved === '0' && document.querySelector("
        "'.fc-autosave-status').innerText.includes('All changes saved')"
    )
    saved = {
        r.event.section: r.event.text
        for r in server.store.read(session.code, kinds=[LeaderNoteSaved.kind])
    }
    assert saved == WRITTEN
    added = server.store.read(session.code, kinds=[AttachmentAdded.kind])
    assert [r.event.name or r.event.link for r in added] == [*files, VIDEO]

    kept = kept_files(server.data_dir, session.code)
    assert len(kept) == 2
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in kept)
    for path in kept:
        assert not served(server.base, path.relative_to(server.data_dir))

    html, pdf = download_pack(leader, session.code)
    assert '<img src="data:image/png;base64,' in html
    assert 'download="agenda.pdf"' in html
    assert f'href="{VIDEO}"' in html
    assert WRITTEN["leader_self_assessment"] in html, "in the leader's own pack"
    assert COLLEAGUE in html
    assert "Still missing before you submit" not in html, "every part is done"
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils")
    printed = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    text = " ".join(printed.split())
    for what, description in DESCRIBED.items():
        assert what in text, what
        assert description in text, description

    delete = [sys.executable, "-m", "facilitate", "--data-dir", str(server.data_dir)]
    done = subprocess.run(
        [*delete, "session", "delete", session.code, "--yes"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "2 kept files" in done.stdout
    assert kept_files(server.data_dir, session.code) == []
    assert not any(path.exists() for path in kept)


def download_pack(page, code: str) -> tuple[str, Path]:
    """Prepare the pack, then download its HTML and, once printed, its PDF."""
    page.click(".fc-pack-prepare")
    with page.expect_download() as html_download:
        page.click(".fc-pack-html")
    html = Path(html_download.value.path()).read_text(encoding="utf-8")
    wait_for_text(
        page, ".fc-pack-status .fc-say", "The pack is ready: HTML and PDF.", 60_000
    )
    with page.expect_download() as pdf_download:
        page.click(".fc-pack-pdf")
    assert pdf_download.value.suggested_filename == f"evidence-{code}.pdf"
    return html, Path(pdf_download.value.path())


def served(base: str, relative: Path) -> bool:
    """True if the front door answers with the file at any obvious address."""
    for prefix in ("", "/files", "/lead/files", "/voila/files", "/static"):
        try:
            with urllib.request.urlopen(f"{base}{prefix}/{relative}", timeout=10):
                return True
        except urllib.error.HTTPError:
            continue
    return False


def test_a_file_near_the_limit_uploads_and_one_over_it_is_refused(
    server, new_page, tmp_path
):
    """The stated 8 MB travels through the page; more is refused in one sentence."""
    session = server.new_session("Large files")
    near, over = tmp_path / "near.pdf", tmp_path / "over.pdf"
    near.write_bytes(b"%PDF-1.4\n" + b"0" * 7_900_000)
    over.write_bytes(b"%PDF-1.4\n" + b"0" * 8_400_000)
    leader = new_page()
    leader.goto(server.page_url("evidence", session))
    leader.wait_for_selector(".fc-attach-add-building_capacity")
    attach(leader, "building_capacity", "A long document", near)
    kept = kept_files(server.data_dir, session.code)
    assert [path.stat().st_size for path in kept] == [near.stat().st_size]

    submit(leader, "building_capacity", "Too long", over)
    assert leader.inner_text(".fc-attach-status-building_capacity") == (
        "over.pdf is 8.4 MB; files can be up to 8 MB. Make it smaller, or put it "
        "online and give the link instead."
    )
    assert len(kept_files(server.data_dir, session.code)) == 1
