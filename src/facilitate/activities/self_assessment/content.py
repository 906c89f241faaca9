"""Loading ``data/self_assessment.yaml``: inventory, identities, zones, prompts.

Pure Python (no pandas): participant kernels load it when the phase opens. Every
problem a hand edit can cause is reported with the file name and what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitate.core.content import Choice, load_yaml, require
from facilitate.core.errors import InvalidContent

SOURCE = "self_assessment.yaml"
PREFER_NOT = "prefer_not"
_KEY = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class ScalePoint:
    key: str
    label: str
    score: int


@dataclass(frozen=True)
class Item:
    key: str
    domain: str
    text: str
    source: str


@dataclass(frozen=True)
class Domain:
    key: str
    title: str
    prompt: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Zone:
    key: str
    label: str
    description: str


@dataclass(frozen=True)
class Prompt:
    key: str
    prompt: str


@dataclass(frozen=True)
class SelfAssessment:
    """Everything the activity asks, in the order people meet it."""

    title: str
    introduction: str
    scale: tuple[ScalePoint, ...]
    prefer_not_label: str
    domains: tuple[Domain, ...]
    identity_questions: tuple[Prompt, ...]
    identities: tuple[Choice, ...]
    zone_prompt: str
    zones: tuple[Zone, ...]
    reflections: tuple[Prompt, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for domain in self.domains for item in domain.items)

    @property
    def answer_keys(self) -> tuple[str, ...]:
        """Every accepted answer: the scale, then ``prefer_not``."""
        return (*(point.key for point in self.scale), PREFER_NOT)

    def answer_label(self, key: str) -> str:
        labels = {p.key: p.label for p in self.scale} | {
            PREFER_NOT: self.prefer_not_label
        }
        return labels.get(key, key)

    def score_of(self, key: str) -> int | None:
        """The score of a scale answer; None for ``prefer_not`` or unknown keys."""
        return next((p.score for p in self.scale if p.key == key), None)

    @property
    def max_score(self) -> int:
        return max(point.score for point in self.scale)


def _key(raw: Any, where: str) -> str:
    key = str(require(raw, "key", SOURCE))
    if not _KEY.fullmatch(key):
        raise InvalidContent(
            f"{SOURCE}: '{key}' in {where} is not a valid key. Use lower-case "
            "letters, digits and underscores, starting with a letter."
        )
    return key


def _list(raw: Any, name: str, at_least: int = 1) -> list[Any]:
    value = require(raw, name, SOURCE)
    if not isinstance(value, list) or len(value) < at_least:
        raise InvalidContent(f"{SOURCE}: '{name}' needs at least {at_least} entries.")
    return value


def _unique(keys: list[str], what: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise InvalidContent(
                f"{SOURCE}: the key '{key}' is used twice in {what}. Give each "
                "its own key."
            )
        seen.add(key)


def _scale(raw: Any) -> tuple[ScalePoint, ...]:
    points = []
    for entry in _list(raw, "scale", at_least=2):
        key = _key(entry, "scale")
        if key == PREFER_NOT:
            raise InvalidContent(
                f"{SOURCE}: '{PREFER_NOT}' is added by the app; remove it from 'scale'."
            )
        score = require(entry, "score", SOURCE)
        if not isinstance(score, int) or isinstance(score, bool):
            raise InvalidContent(
                f"{SOURCE}: the score of '{key}' is '{score}'; use a whole number."
            )
        points.append(ScalePoint(key, str(require(entry, "label", SOURCE)), score))
    _unique([p.key for p in points], "'scale'")
    return tuple(points)


def _domain(raw: Any) -> Domain:
    key = _key(raw, "domains")
    items = tuple(
        Item(
            key=_key(entry, f"domain '{key}'"),
            domain=key,
            text=str(require(entry, "text", SOURCE)),
            source=str(require(entry, "source", SOURCE)),
        )
        for entry in _list(raw, "items")
    )
    return Domain(
        key=key,
        title=str(require(raw, "title", SOURCE)),
        prompt=" ".join(str(require(raw, "prompt", SOURCE)).split()),
        items=items,
    )


def _prompts(raw: list[Any], where: str) -> tuple[Prompt, ...]:
    prompts = tuple(
        Prompt(_key(entry, where), str(require(entry, "prompt", SOURCE)))
        for entry in raw
    )
    _unique([p.key for p in prompts], where)
    return prompts


def _choices(raw: Any, where: str) -> tuple[Choice, ...]:
    choices = tuple(
        Choice(_key(entry, where), str(require(entry, "label", SOURCE)))
        for entry in _list(raw, "choices", at_least=2)
    )
    _unique([c.key for c in choices], where)
    return choices


def _zones(raw: Any) -> tuple[Zone, ...]:
    zones = tuple(
        Zone(
            _key(entry, "zones"),
            str(require(entry, "label", SOURCE)),
            str(entry.get("description", "")),
        )
        for entry in _list(raw, "choices", at_least=2)
    )
    _unique([z.key for z in zones], "'zones'")
    return zones


def load_self_assessment(folder: Path | None = None) -> SelfAssessment:
    """The whole activity's content, validated."""
    raw = load_yaml(SOURCE, folder)
    domains = tuple(_domain(entry) for entry in _list(raw, "domains"))
    _unique([d.key for d in domains], "'domains'")
    _unique([i.key for d in domains for i in d.items], "the statements")
    identities = require(raw, "identities", SOURCE)
    zones = require(raw, "zones", SOURCE)
    return SelfAssessment(
        title=str(require(raw, "title", SOURCE)),
        introduction=" ".join(str(raw.get("introduction", "")).split()),
        scale=_scale(raw),
        prefer_not_label=str(raw.get("prefer_not_label", "Prefer not to say")),
        domains=domains,
        identity_questions=_prompts(_list(identities, "questions"), "'identities'"),
        identities=_choices(identities, "'identities'"),
        zone_prompt=str(require(zones, "prompt", SOURCE)),
        zones=_zones(zones),
        reflections=_prompts(_list(raw, "reflections"), "'reflections'"),
    )
