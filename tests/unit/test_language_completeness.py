"""Spanish is complete: every word a participant can meet has its translation.

Two nets: the catalogue and content files are compared with what the code and
the English content hold (``facilitate languages`` lists the same gaps), and
every participant screen is built in Spanish and read for English left behind
(words never wrapped for translation would slip past the first net).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from typing import Any

import pytest

from facilitate.activities.root_cause.events import FindingShared
from facilitate.cli.languages import missing
from facilitate.core import language
from facilitate.core.content import load_yaml
from facilitate.core.events import PhaseChanged
from facilitate.core.translations import missing as missing_content
from facilitate.ui.participant_page import ParticipantPage

#: Words that only English puts on a page.
ENGLISH = re.compile(
    r"\b(the|you|your|and|of|to|is|are|with|this|what|please|not|for|choose)\b", re.I
)


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.use(language.SOURCE)


def test_spanish_lacks_no_word():
    gaps = missing("es")
    assert gaps == [], "run `facilitate languages --update`, then translate:\n" + (
        "\n".join(gaps)
    )


def test_a_word_the_translation_lacks_is_named():
    raw = load_yaml("checkin.yaml", "facilitate.activities.checkin")
    raw["choices"].append({"key": "brand_new", "label": "Brand new"})
    gaps = missing_content(raw, "checkin.yaml", "facilitate.activities.checkin", "es")
    assert gaps == ["choices.brand_new.label"]


def texts(widget: Any) -> Iterator[str]:
    """Every word a widget tree shows or reads aloud."""
    value = getattr(widget, "value", None)
    if widget.__class__.__name__ in {"HTML", "HTMLMath", "Label"} and value:
        yield unescape(re.sub(r"<[^>]+>", " ", str(value)))
    for name in ("description", "placeholder", "tooltip", "download_label"):
        text = getattr(widget, name, None)
        if isinstance(text, str) and text:
            yield text
    for option in getattr(widget, "options", None) or ():
        yield str(option[0] if isinstance(option, tuple) else option)
    for tip in getattr(widget, "tooltips", None) or ():
        yield str(tip)
    for child in getattr(widget, "children", None) or ():
        yield from texts(child)


def english_in(widget: Any) -> list[str]:
    return sorted({text for text in texts(widget) if ENGLISH.search(text)})


def joined_in_spanish(store, session) -> ParticipantPage:
    page = ParticipantPage(store=store)
    page.start()
    page.browser.query = {"code": session.code, "lang": "es"}
    page.browser.connected = True
    assert english_in(page.root) == []
    page.name.value = "Lucía"
    page.role.value = "family"
    page.join_questions[0].choice.value = "hopeful"
    page.submit.click()
    return page


def test_every_participant_screen_reads_in_spanish(store, session):
    page = joined_in_spanish(store, session)
    left: dict[str, list[str]] = {}
    store.append(session.code, FindingShared("f1", "Asistencia"))
    for phase in ("welcome", "self_assessment", "alignment", "root_causes"):
        store.append(session.code, PhaseChanged(phase))
        page.refresh()
        left[phase] = english_in(page.root)
        activity = page.activity
        for step in range(getattr(activity, "step_count", 0)):
            activity.go(step)
            left[f"{phase} part {step + 1}"] = english_in(page.root)
    alignment = page.views["alignment"].activity
    alignment.show_done()
    left["alignment done"] = english_in(alignment.root)
    store.append(session.code, PhaseChanged("reflection"))
    page.refresh()
    left["reflection"] = english_in(page.root)
    assert {where: words for where, words in left.items() if words} == {}


def test_facilitate_languages_says_what_each_language_lacks(capsys):
    from facilitate.cli import main

    assert main(["languages"]) == 1, "Arabic is a sample of a few words"
    said = capsys.readouterr().out
    assert "es (Español): complete" in said
    assert "ar (العربية): " in said
    assert "catalogue: 'Join the session'" not in said, "Arabic has those words"
    assert "(--all lists them)" in said
