"""A participant reads the page in their language; answers stay the same events."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from facilitate.activities.checkin.content import load_checkin
from facilitate.activities.checkin.events import CheckinAnswered
from facilitate.core import language
from facilitate.core.events import ParticipantJoined, SettingChanged
from facilitate.core.sessions import display_token
from facilitate.core.translations import overlay, words
from facilitate.ui.participant_page import ParticipantPage


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """One kernel, one language: put English back for the tests that follow."""
    yield
    language.use(language.SOURCE)


def open_page(
    store, code: str, lang: str = "", browser_languages=()
) -> ParticipantPage:
    page = ParticipantPage(store=store)
    page.start()
    page.browser.query = {"code": code, **({"lang": lang} if lang else {})}
    page.browser.languages = list(browser_languages)
    page.browser.connected = True
    return page


def test_the_link_the_stored_choice_then_the_browser_pick_the_language():
    assert language.negotiate("es", "en", ["en-US"]) == "es"
    assert language.negotiate("", "es", ["en-US"]) == "es"
    assert language.negotiate("", "", ["es-MX", "en"]) == "es"
    assert language.negotiate("xx", "", ["de-DE"]) == language.SOURCE
    assert language.negotiate(None, None, None) == language.SOURCE


def test_a_lang_link_opens_the_join_form_in_spanish(store, session):
    page = open_page(store, session.code, lang="es")
    assert page.browser.language == "es", "the choice is kept in the browser"
    assert page.submit.description == "Unirme a la sesión"
    assert ("Familiar", "family") in page.role.options
    checkin = page.join_questions[0]
    assert "¿Cómo llega hoy?" in checkin.prompt.value
    assert ("Con energía", "energised") in checkin.choice.options


def test_the_browser_language_is_preselected(store, session):
    page = open_page(store, session.code, browser_languages=["es-US", "en"])
    assert page.language.choice.value == "es"
    assert page.join.description == "Entrar"


def test_switching_keeps_what_was_typed_and_chosen(store, session):
    page = open_page(store, session.code, lang="es")
    page.name.value = "Lucía"
    page.role.value = "family"
    page.join_questions[0].choice.value = "hopeful"
    page.language.choice.value = "en"
    assert page.submit.description == "Join the session"
    assert page.name.value == "Lucía"
    assert page.role.value == "family"
    assert page.join_questions[0].choice.value == "hopeful"
    assert ("Hopeful", "hopeful") in page.join_questions[0].choice.options
    assert page.join_questions[0].root in page.root.children


def test_a_spanish_and_an_english_answer_are_the_same_event(store, session):
    spanish = open_page(store, session.code, lang="es")
    spanish.name.value = "Lucía"
    spanish.join_questions[0].choice.value = "tired"
    spanish.submit.click()
    english = open_page(store, session.code, lang="en")
    english.name.value = "Sam"
    english.join_questions[0].choice.value = "tired"
    english.submit.click()
    answers = [
        r.event.answer for r in store.read(session.code, kinds=[CheckinAnswered.kind])
    ]
    assert answers == ["tired", "tired"]
    assert len(store.read(session.code, kinds=[ParticipantJoined.kind])) == 2


def test_errors_are_said_in_the_page_language(store, session):
    page = open_page(store, session.code, lang="es")
    page.submit.click()
    assert "Por favor, escriba un nombre para mostrar." in page.status.value
    wrong = open_page(store, "ZZZZZZ", lang="es")
    assert "no es un código de sesión que conozcamos" in wrong.status.value


def test_switching_after_joining_keeps_the_phase_and_says_it_again(store, session):
    page = open_page(store, session.code, lang="en")
    page.name.value = "Ana"
    page.join_questions[0].choice.value = "curious"
    page.submit.click()
    assert page.phase_title.value == "<h2>Welcome &amp; check-in</h2>"
    page.language.choice.value = "es"
    assert page.phase_title.value == "<h2>Bienvenida y cómo llegamos</h2>"
    assert page.activity.choice.value == "curious"
    assert ("Con curiosidad", "curious") in page.activity.choice.options


def test_a_right_to_left_language_turns_the_page(store, session):
    page = open_page(store, session.code, lang="ar")
    assert page.browser.rtl is True
    assert page.join.description == "انضمام"
    page.language.choice.value = "es"
    assert page.browser.rtl is False


def test_a_display_in_both_languages_shows_each_phrase_twice():
    language.use("en+es")
    assert load_checkin().prompt == "How are you arriving today? / ¿Cómo llega hoy?"
    assert language.gettext("Join") == "Join / Entrar"
    assert language.ngettext(
        "{number} person has joined", "{number} people have joined", 2
    ) == ("{number} people have joined / Se han unido {number} personas")


def test_content_translations_follow_keys_not_positions():
    raw = {"choices": [{"key": "b", "label": "Bee"}, {"key": "a", "label": "Ay"}]}
    spanish = {"choices.a.label": "A-es", "choices.b.label": "B-es"}
    assert overlay(raw, [spanish]) == {
        "choices": [{"key": "b", "label": "B-es"}, {"key": "a", "label": "A-es"}]
    }
    assert [path for path, _ in words(raw)] == ["choices.b.label", "choices.a.label"]


def title_of(display) -> str:
    return str(display.slots["welcome"].panel.frame.title.value)


def test_the_display_follows_the_language_the_remote_chooses(store, session):
    from tests.unit.test_pages import open_display, open_remote

    remote = open_remote(store, session)
    display = open_display(store, session, view=display_token(store, session))
    assert "How are you arriving today?" in title_of(display)
    assert remote.screen_language is not None
    remote.screen_language.choice.value = "es"
    setting = store.read(session.code, kinds=[SettingChanged.kind])[-1].event
    assert (setting.name, setting.value) == ("display_language", "es")
    display.refresh()
    assert "Únase desde su teléfono" in display.join.words.value
    assert display.browser.language == "es"
    assert "¿Cómo llega hoy?" in title_of(display)
    assert "How are you" not in title_of(display)
    state = display.slots["welcome"].panel.frame.state.value
    assert "Cuéntenos cómo llega al unirse" in state

    remote.screen_language.choice.value = "en+es"
    display.refresh()
    assert "Join on your phone: scan the code, or go to / Únase" in (
        display.join.words.value
    )
    assert "How are you arriving today? / ¿Cómo llega hoy?" in title_of(display)
    again = open_display(store, session, view=display_token(store, session))
    assert "/ Únase desde su teléfono" in again.join.words.value, "a reopened display"


def test_the_display_s_fixed_words_are_collected_for_translators():
    from facilitate.cli.languages import screen_words

    words = {text for _, _, text in screen_words()}
    assert "Check in as you join: one tap, and nobody sees your answer." in words
    language.use("es")
    assert language.gettext(
        "Check in as you join: one tap, and nobody sees your answer."
    ) == ("Cuéntenos cómo llega al unirse: un toque, y nadie ve su respuesta.")
