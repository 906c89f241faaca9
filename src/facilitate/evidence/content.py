"""The micro-credential's parts, prompts, limits and scoring guide, from YAML.

Pure Python (no pandas), so the colleague's page stays light. The wording lives in
``evidence.yaml`` and ``rubric.yaml`` beside this module, where the credential's key
terms are marked ``**like this**``; ``emphasis`` turns them bold wherever the text is
shown or exported. Word limits are reported, never enforced by cutting text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitate.core.content import load_yaml, require, require_list
from facilitate.core.errors import InvalidContent
from facilitate.core.text import escape
from facilitate.evidence.session_evidence import sources, supporting, titles

#: Characters allowed in one answer: generous, so going over a word limit is shown
#: and reported rather than refused.
NOTE_CHARACTER_LIMIT = 20_000
_WORD = re.compile(r"\S*[^\W_]\S*")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of non-space holding a letter or digit.

    Hyphenated words and contractions count once; a lone dash or bullet does not.
    """
    return len(_WORD.findall(text or ""))


def emphasis(text: str) -> str:
    """Escaped HTML with the credential's ``**key terms**`` in bold."""
    return _BOLD.sub(r"<strong>\1</strong>", escape(" ".join(text.split())))


def plain(text: str) -> str:
    """The text without bold markers, for plain-text places."""
    return _BOLD.sub(r"\1", " ".join(text.split()))


@dataclass(frozen=True)
class WordCount:
    """One answer's words against its limit (``None``: the credential sets none)."""

    words: int
    limit: int | None

    @property
    def over_by(self) -> int:
        return max(self.words - self.limit, 0) if self.limit else 0

    @property
    def tone(self) -> str:
        """``error`` over the limit, ``warning`` at it, else ``info``."""
        if self.over_by:
            return "error"
        return "warning" if self.limit and self.words == self.limit else "info"

    def sentence(self) -> str:
        """One line for the page and the pack; going over is said, never hidden."""
        n, limit = self.words, self.limit
        noun = "word" if n == 1 else "words"
        if limit is None:
            return f"{n} {noun} (the credential sets no word limit for this part)."
        if self.over_by:
            return (
                f"Over the limit: {n} words, {self.over_by} over the {limit}-word "
                "limit. Nothing has been cut; shorten it before you submit."
            )
        if n == limit:
            return f"{n} of {limit} words: you have reached the limit."
        return f"{n} of {limit} words."


def word_count(text: str, limit: int | None) -> WordCount:
    return WordCount(count_words(text), limit)


# --- the parts -------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """One of the credential's four parts, as a heading over its components."""

    key: str
    heading: str
    note: str


@dataclass(frozen=True)
class AttachmentForm:
    """One kind of attachment a part accepts: a link always, files when ``files``."""

    key: str
    label: str
    files: bool


@dataclass(frozen=True)
class PartGuide:
    """One answer the pack holds: its prompts, limit, passing criterion, evidence.

    ``passing_line`` is the credential's own sentence, quoted; ``passes`` is our
    restatement where the credential gives none to quote. A ``private`` part is the
    leader's alone: it is in their pack and nowhere else. ``qualitative`` parts
    take what the leader heard beside the session's figures.
    """

    key: str
    group: str
    number: str
    title: str
    limit: int | None
    prompts: tuple[str, ...]
    passes: str
    evidence: tuple[str, ...]
    by_colleague: bool = False
    passing_line: str = ""
    private: bool = False
    qualitative: bool = False
    attachments: tuple[AttachmentForm, ...] = ()

    heading: str = ""

    @property
    def label(self) -> str:
        """ "Part 2.1: Awareness": how the checklist and links name it."""
        return self.heading or f"Part {self.number}: {self.title}"


@dataclass(frozen=True)
class ColleagueGuide:
    """What the colleague's page says: ``{session}`` becomes the session's title."""

    heading: str
    introduction: str
    prompts: tuple[str, ...]
    limit: int
    once: str


@dataclass(frozen=True)
class Guide:
    title: str
    introduction: str
    method: tuple[str, ...]
    earning_rule_quote: str
    earning_rule: str
    groups: tuple[Group, ...]
    parts: tuple[PartGuide, ...]
    colleague: ColleagueGuide

    def part(self, key: str) -> PartGuide:
        return next(p for p in self.parts if p.key == key)

    def parts_in(self, group: str) -> tuple[PartGuide, ...]:
        return tuple(p for p in self.parts if p.group == group)


def load_guide(folder: Path | None = None) -> Guide:
    """The credential's parts from ``evidence.yaml``, checked."""
    source = "evidence.yaml"
    raw = load_yaml(source, __package__, folder)
    groups = tuple(
        Group(
            str(require(g, "key", source)),
            str(require(g, "heading", source)),
            str(g.get("note", "")),
        )
        for g in require_list(raw, "groups", source)
    )
    parts = tuple(
        _part(item, {g.key for g in groups}, source)
        for item in require_list(raw, "parts", source)
    )
    keys = [p.key for p in parts]
    twice = sorted({k for k in keys if keys.count(k) > 1})
    if twice:
        raise InvalidContent(f"{source}: the part '{twice[0]}' is listed twice.")
    _check_supported(keys, source)
    return Guide(
        title=str(require(raw, "title", source)),
        introduction=str(require(raw, "introduction", source)),
        method=tuple(str(m) for m in require_list(raw, "method", source)),
        earning_rule_quote=" ".join(
            str(require(raw, "earning_rule_quote", source)).split()
        ),
        earning_rule=str(require(raw, "earning_rule", source)),
        groups=groups,
        parts=parts,
        colleague=_colleague(require(raw, "colleague", source), source),
    )


def _check_supported(keys: list[str], source: str) -> None:
    """Every part an activity's evidence names as the one it supports is here."""
    for found in sources():
        unknown = [k for k in found.part.supports if k not in keys]
        if unknown:
            raise InvalidContent(
                f"The evidence item '{found.part.key}' supports the part "
                f"'{unknown[0]}', which {source} does not list; use one of "
                f"{', '.join(keys)}."
            )


def _part(item: Any, groups: set[str], source: str) -> PartGuide:
    key = str(require(item, "key", source))
    group = str(require(item, "group", source))
    if group not in groups:
        raise InvalidContent(
            f"{source}: part '{key}' names the group '{group}'; "
            f"use one of {', '.join(sorted(groups))}."
        )
    limit = require(item, "limit", source)
    if limit is not None and (not isinstance(limit, int) or limit <= 0):
        raise InvalidContent(
            f"{source}: part '{key}' has the limit {limit!r}; give a number of "
            "words, or null for none."
        )
    named = tuple(str(e) for e in item.get("evidence") or [])
    evidence = (*named, *(e for e in supporting(key) if e not in named))
    known = titles()
    unknown = [e for e in evidence if e not in known]
    if unknown:
        raise InvalidContent(
            f"{source}: part '{key}' attaches '{unknown[0]}'; "
            f"use any of {', '.join(known)}."
        )
    return PartGuide(
        key=key,
        group=group,
        number=str(require(item, "number", source)),
        title=str(require(item, "title", source)),
        limit=limit,
        prompts=tuple(str(p) for p in require_list(item, "prompts", source)),
        passes=str(item.get("passes") or ""),
        evidence=evidence,
        by_colleague=item.get("kind") == "colleague",
        passing_line=" ".join(str(item.get("passing_line") or "").split()),
        heading=str(item.get("label") or ""),
        private=item.get("kind") == "private",
        qualitative=bool(item.get("qualitative")),
        attachments=tuple(
            _attachment_form(form, key, source)
            for form in item.get("attachments") or []
        ),
    )


def _attachment_form(raw: Any, part: str, source: str) -> AttachmentForm:
    accepts = str(require(raw, "accepts", source))
    if accepts not in ("link", "files_or_link"):
        raise InvalidContent(
            f"{source}: part '{part}' accepts '{accepts}'; use link or files_or_link."
        )
    return AttachmentForm(
        key=str(require(raw, "key", source)),
        label=str(require(raw, "label", source)),
        files=accepts == "files_or_link",
    )


def _colleague(raw: Any, source: str) -> ColleagueGuide:
    return ColleagueGuide(
        heading=str(require(raw, "heading", source)),
        introduction=str(require(raw, "introduction", source)),
        prompts=tuple(str(p) for p in require_list(raw, "prompts", source)),
        limit=int(require(raw, "limit", source)),
        once=str(require(raw, "once", source)),
    )


# --- the scoring guide -----------------------------------------------------------


@dataclass(frozen=True)
class Level:
    key: str
    label: str


@dataclass(frozen=True)
class Criterion:
    """One row of the scoring guide: each level's criteria, the credential's words."""

    key: str
    label: str
    question: str
    descriptors: dict[str, str]


@dataclass(frozen=True)
class Rubric:
    """The scoring guide; ``preamble`` and every descriptor are the credential's
    own words, quoted exactly."""

    preamble: str
    introduction: str
    levels: tuple[Level, ...]
    criteria: tuple[Criterion, ...]

    def level_label(self, key: str) -> str:
        return next((level.label for level in self.levels if level.key == key), "")


def load_rubric(folder: Path | None = None) -> Rubric:
    """The Facilitate / Lead scoring guide from ``rubric.yaml``."""
    source = "rubric.yaml"
    raw = load_yaml(source, __package__, folder)
    levels = tuple(
        Level(str(require(item, "key", source)), str(require(item, "label", source)))
        for item in require_list(raw, "levels", source)
    )
    level_keys = [level.key for level in levels]
    criteria = tuple(
        _criterion(item, level_keys, source)
        for item in require_list(raw, "criteria", source)
    )
    return Rubric(
        preamble=" ".join(str(raw.get("preamble", "")).split()),
        introduction=str(raw.get("introduction", "")),
        levels=levels,
        criteria=criteria,
    )


def _criterion(item: Any, level_keys: list[str], source: str) -> Criterion:
    key = str(require(item, "key", source))
    descriptors = require(item, "descriptors", source)
    missing = [
        k
        for k in level_keys
        if not isinstance(descriptors, dict) or k not in descriptors
    ]
    if missing:
        raise InvalidContent(
            f"{source}: criterion '{key}' needs a descriptor for {', '.join(missing)}."
        )
    return Criterion(
        key=key,
        label=str(require(item, "label", source)),
        question=str(require(item, "question", source)),
        descriptors={k: " ".join(str(descriptors[k]).split()) for k in level_keys},
    )
