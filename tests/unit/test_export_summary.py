"""The summary workbook's object: the key is checked, parts come out in order."""

from __future__ import annotations

from facilitate.activities.feedback.events import FeedbackGiven
from facilitate.core.config import Config
from facilitate.core.events import LeaderNoteSaved, RubricChecked, RubricEvidenceLinked
from facilitate.export.summary import open_summary, session_address


def test_session_comes_from_the_exporter_else_the_page_address():
    env = {"QUERY_STRING": "code=ABCDEF&key=k1"}
    assert session_address(env) == ("ABCDEF", "k1")
    env |= {"FACILITATE_SUMMARY_CODE": "GHJKMN", "FACILITATE_SUMMARY_KEY": "k2"}
    assert session_address(env) == ("GHJKMN", "k2")


def test_wrong_key_shows_only_the_refusal(store, session, tmp_path, monkeypatch):
    monkeypatch.setenv("QUERY_STRING", f"code={session.code}&key=nope")
    monkeypatch.delenv("FACILITATE_SUMMARY_CODE", raising=False)
    monkeypatch.delenv("FACILITATE_SUMMARY_KEY", raising=False)
    summary = open_summary(config=Config(data_dir=tmp_path))
    assert summary.session is None
    assert summary.status()._repr_html_().startswith('<p class="fc-refused">')
    assert summary.context()._repr_html_() == ""
    assert summary.activities()._repr_html_() == ""


def test_right_key_shows_sections_with_feedback_last(tmp_path, monkeypatch):
    from facilitate.core.sessions import create_session
    from facilitate.core.store import open_store

    store = open_store(tmp_path)
    session = create_session(store, "Team meeting")
    store.append(
        session.code, LeaderNoteSaved("needs_assessment", "A <b>bold</b> start")
    )
    store.append(session.code, LeaderNoteSaved("reflection", "word " * 501))
    store.append(session.code, RubricChecked("lead", "basic"))
    store.append(
        session.code,
        RubricEvidenceLinked("lead", ["awareness", "participation", "reflection"]),
    )
    store.append(session.code, FeedbackGiven("p1", {"voice": 5}, "Rounds", ""))
    store.close()
    monkeypatch.setenv("FACILITATE_SUMMARY_CODE", session.code)
    monkeypatch.setenv("FACILITATE_SUMMARY_KEY", session.key)
    summary = open_summary(config=Config(data_dir=tmp_path))
    assert summary.status()._repr_html_() == ""
    assert summary.parts[-1].key == "feedback"
    assert "A &lt;b&gt;bold&lt;/b&gt; start" in summary.context()._repr_html_()
    activities = summary.activities()._repr_html_()
    assert (
        "Shown once at least 5 people have given feedback (smaller groups stay "
        "private)." in activities
    )
    assert "Rounds" not in activities
    rubric = summary.rubric()._repr_html_()
    assert "<h3>Facilitate: Not checked yet</h3>" in rubric
    assert "<h3>Lead: Basic</h3>" in rubric
    assert (
        "“Evidence demonstrates or describes learning environments, skills, and "
        "practices which create opportunities to celebrate and value cultural "
        "differences.”" in rubric
    )
    assert '<a href="#part-reflection">Part 4: Reflection</a>' in rubric
    assert "<li>Part 2.1: Awareness (in the evidence pack)</li>" in rubric
    assert '<a href="#part-participation">Participation equity</a>' in rubric
    context = summary.context()._repr_html_()
    assert "<h3>Part 1: Plan of action</h3>" in context
    assert "Not written yet." in context
    reflection = summary.reflection()._repr_html_()
    assert "Over the limit: 501 words, 1 over the 500-word limit." in reflection
    assert reflection.count("word") >= 501, "nothing is cut"
