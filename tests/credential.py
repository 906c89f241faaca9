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
    """Every ``**bold**`` term of the credential, once each, in order."""
    found = re.findall(r"\*\*(.+?)\*\*", CREDENTIAL.read_text(encoding="utf-8"), re.S)
    return list(dict.fromkeys(" ".join(term.split()) for term in found))


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
