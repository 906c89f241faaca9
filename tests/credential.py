"""Reading the credential's key terms, and finding them in what we show or export.

``docs/CREDENTIAL.md`` restates the Purposeful Collaboration micro-credential; every
term it sets in bold is a criterion an assessor looks for, so the evidence page and
the pack must carry each one word for word, and in bold (a strong element, a table
header or a heading) so it stays recognisable.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

CREDENTIAL = Path(__file__).parents[1] / "docs" / "CREDENTIAL.md"
BOLD_TAGS = {"strong", "b", "th", "h1", "h2", "h3", "h4"}


def normalised(text: str) -> str:
    """Case and spacing as a reader ignores them; curly quotes as straight."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split()).casefold()


def key_terms() -> list[str]:
    """Every ``**bold**`` term of the credential, once each, in order (a heading's
    closing full stop, as in "Part 3: Scoring guide.", is not part of the term)."""
    found = re.findall(r"\*\*(.+?)\*\*", CREDENTIAL.read_text(encoding="utf-8"), re.S)
    return list(dict.fromkeys(" ".join(term.split()).rstrip(".") for term in found))


class _Bold(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.chunks: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in BOLD_TAGS:
            if self.depth == 0:
                self.chunks.append("")
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in BOLD_TAGS and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.depth:
            self.chunks[-1] += data


def text_and_bold(markup: str) -> tuple[str, list[str]]:
    """The visible text of ``markup`` and each bold run in it, both normalised."""
    parser = _Bold()
    parser.feed(markup)
    return normalised(" ".join(parser.text)), [normalised(c) for c in parser.chunks]


def missing_terms(markup: str, bold: bool = True) -> list[str]:
    """Key terms absent from ``markup`` (or, with ``bold``, never shown in bold)."""
    text, chunks = text_and_bold(markup)
    absent = []
    for term in key_terms():
        want = normalised(term)
        if want not in text or (bold and not any(want in c for c in chunks)):
            absent.append(term)
    return absent


def plain_missing(text: str) -> list[str]:
    """Key terms absent from plain text (a PDF's, say)."""
    have = normalised(html.unescape(text))
    return [t for t in key_terms() if normalised(t) not in have]


# --- the credential's own words, quoted ----------------------------------------------

_CELL = re.compile(r'^\| \*\*(\w+)\*\* \| "(.+?)" \| "(.+?)" \| "(.+?)" \|$', re.M)
_LINE = re.compile(r'- ([\w ]+): "(.+?)"(?= - |$)')
PASSING = "Passing lines, word for word (quote them in the pack)"
LEVELS = ("proficient", "basic", "developing")


def _section(title: str) -> str:
    """The text under a ``## title`` heading, lines joined with single spaces."""
    text = CREDENTIAL.read_text(encoding="utf-8")
    start = text.index(f"## {title}\n") + len(title) + 4
    end = text.find("\n## ", start)
    return text[start : end if end != -1 else None]


def rubric_cells() -> dict[tuple[str, str], str]:
    """``(row, level) -> cell`` of the scoring guide, e.g. ``("lead", "basic")``."""
    table = _section("What is submitted")
    cells = {}
    for row, *texts in _CELL.findall(table):
        for level, text in zip(LEVELS, texts, strict=True):
            cells[(row.lower(), level)] = text
    return cells


def rubric_preamble() -> str:
    """The sentence quoted above the scoring guide (the ``>`` lines)."""
    lines = _section("What is submitted").splitlines()
    return " ".join(line[2:] for line in lines if line.startswith("> "))


def passing_lines() -> dict[str, str]:
    """``part name -> passing line``, e.g. ``"Needs assessment"``."""
    block = " ".join(_section(PASSING).split())
    return dict(_LINE.findall(block))


def earning_sentence() -> str:
    """The credential's own earning rule, as quoted beside our reading."""
    rule = " ".join(_section("Earning rule").split())
    start = rule.index(': "') + 3
    return rule[start : rule.index('" Our reading')]


def visible_text(markup: str) -> str:
    """What a reader sees of ``markup``: text only, spacing collapsed."""
    parser = _Bold()
    parser.feed(markup)
    return " ".join(" ".join(parser.text).split())
