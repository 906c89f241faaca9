"""The language a page speaks, and its words in that language.

Words on the pages are English in the code, wrapped in ``_()`` (``ngettext`` for
counts), and each other language is one gettext catalogue,
``facilitate/locale/<code>/LC_MESSAGES/facilitate.po``, found through
``importlib.resources`` so a plain ``pip install`` carries it. The catalogue is
read as it is written (Babel's reader): there is no compiled file to go stale,
and a translator's edit shows on the next page opened.

One kernel serves one page (one phone, or the projected display), so the
language is the kernel's: ``use()`` sets it and every ``_()`` after that speaks
it. The display may speak two at once (``"en+es"``): each phrase then reads
"English / Español". Content files (statements, practices, prompts) are
translated beside their English by ``facilitate.core.translations``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from gettext import c2py
from importlib.resources import files

#: The language the code and the content files are written in.
SOURCE = "en"
#: Between the two languages of a display that speaks both.
BOTH_SEPARATOR = " / "
DOMAIN = "facilitate"

_current = SOURCE


def _english_plural(count: int) -> int:
    return 0 if count == 1 else 1


@dataclass(frozen=True)
class Language:
    """A language people may choose: its code, its own name, its direction."""

    code: str
    name: str
    rtl: bool = False


@lru_cache(maxsize=1)
def available() -> tuple[Language, ...]:
    """English first, then every language with a catalogue, by code."""
    found = [_describe(SOURCE)]
    root = files("facilitate") / "locale"
    if root.is_dir():
        for folder in sorted(root.iterdir(), key=lambda f: f.name):
            if (folder / "LC_MESSAGES" / f"{DOMAIN}.po").is_file():
                found.append(_describe(folder.name))
    return tuple(found)


def _describe(code: str) -> Language:
    from babel import Locale

    locale = Locale.parse(code)
    name = (locale.get_display_name(locale) or code).capitalize()
    return Language(code, name, locale.character_order == "right-to-left")


def offered(also: str = SOURCE) -> tuple[Language, ...]:
    """The languages a person may pick: those whose catalogue is complete, and
    ``also`` (a ``?lang=`` link reaches a language still being translated)."""
    return tuple(
        item
        for item in available()
        if item.code == also or catalogue(item.code).complete
    )


def codes() -> tuple[str, ...]:
    return tuple(language.code for language in available())


def language(code: str) -> Language:
    """The language with this code (English when there is none)."""
    return next((item for item in available() if item.code == code), available()[0])


def negotiate(*wishes: str | Iterable[str] | None) -> str:
    """The first wish we speak: each wish is a code (``es``, ``es-MX``), a list of
    them (a browser's languages, best first) or None; English when none fits."""
    known = codes()
    for wish in wishes:
        tags = [wish] if isinstance(wish, str) else list(wish or [])
        for tag in tags:
            base = str(tag).strip().replace("_", "-").split("-")[0].lower()
            if base in known:
                return base
    return SOURCE


def use(code: str) -> None:
    """Speak ``code`` (or ``"en+es"`` for two at once) from now on in this kernel."""
    global _current
    _current = code


def current() -> str:
    return _current


def spoken() -> tuple[str, ...]:
    """The one or two languages now spoken, the first leading."""
    return tuple(_current.split("+"))


def is_rtl() -> bool:
    return language(spoken()[0]).rtl


@dataclass(frozen=True)
class Catalogue:
    """One language's translations by English message, plurals as tuples."""

    messages: dict[str, str | tuple[str, ...]]
    plural: Callable[[int], int] = _english_plural
    #: Every message in the catalogue has its translation.
    complete: bool = True


@lru_cache(maxsize=8)
def catalogue(code: str) -> Catalogue:
    """``code``'s catalogue; English (and a language without one) has none."""
    path = files("facilitate") / "locale" / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if code == SOURCE or not path.is_file():
        return Catalogue({})
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        read = read_po(handle, locale=code)
    found: dict[str, str | tuple[str, ...]] = {}
    wanted = 0
    for message in read:
        if not message.id or message.fuzzy:
            continue
        wanted += 1
        key = str(message.id[0] if isinstance(message.id, tuple) else message.id)
        if isinstance(message.string, tuple):
            if all(message.string):
                found[key] = tuple(str(form) for form in message.string)
        elif message.string:
            found[key] = str(message.string)
    return Catalogue(found, c2py(read.plural_expr), len(found) == wanted)


def translate(message: str, code: str) -> str:
    """``message`` in ``code`` (itself when that language lacks it)."""
    found = catalogue(code).messages.get(message)
    return found if isinstance(found, str) else message


def translate_plural(singular: str, plural: str, count: int, code: str) -> str:
    """The form of ``singular``/``plural`` that fits ``count``, in ``code``."""
    book = catalogue(code)
    found = book.messages.get(singular)
    if isinstance(found, tuple):
        return found[min(book.plural(count), len(found) - 1)]
    return singular if count == 1 else plural


def joined(parts: list[str]) -> str:
    """The versions of one phrase, each once, as a two-language display shows them."""
    unique = list(dict.fromkeys(parts))
    return BOTH_SEPARATOR.join(unique)


def versions(message: str) -> list[tuple[str, str]]:
    """(code, words) of ``message`` in each language spoken, each wording once."""
    found: dict[str, str] = {}
    for code in spoken():
        found.setdefault(translate(message, code), code)
    return [(code, words) for words, code in found.items()]


def gettext(message: str) -> str:
    """``message`` in the page's language (both, joined, on a two-language display)."""
    if _current == SOURCE:
        return message
    return joined([translate(message, code) for code in spoken()])


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural ``message`` for ``count``, in the page's language."""
    return joined([translate_plural(singular, plural, count, c) for c in spoken()])


def in_each(build: Callable[[], str]) -> str:
    """``build()`` in each language spoken, joined: for words built around
    numbers, whose parts must be put together within one language."""
    global _current
    before = _current
    parts = []
    try:
        for code in spoken():
            _current = code
            parts.append(build())
    finally:
        _current = before
    return joined(parts)


def phrased(message: str, **values: object) -> str:
    """``message`` with ``values`` put in (``{k}``), in each language spoken."""
    return in_each(lambda: gettext(message).format(**values))


def counted(singular: str, plural: str, count: int, **values: object) -> str:
    """The form of a sentence that fits ``count``, ``values`` (and ``count``)
    put in, in each language spoken."""
    return in_each(
        lambda: ngettext(singular, plural, count).format(count=count, **values)
    )


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet."""
    return message


_ = gettext
