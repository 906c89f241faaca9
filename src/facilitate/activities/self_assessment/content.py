"""Loading ``self_assessment.yaml``: inventories per role, identities, zones.

The inventory comes in variants, one per audience (educators, support staff,
families and community members, students), because a family member cannot
answer "my grades". Every variant has the same parts (domains) in the same
order, so every role meets a complete inventory, and statement keys are unique
across variants, so a person's answers say which variant they used: answers
logged before variants existed belong to the educators' variant, whose keys are
the original ones.

Pure Python (no pandas): participant kernels load it when the phase opens. Every
problem a hand edit can cause is reported with the file name and what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from facilitate.core.content import Choice, load_yaml, require
from facilitate.core.errors import InvalidContent
from facilitate.core.roster import ROLES

SOURCE = "self_assessment.yaml"
PREFER_NOT = "prefer_not"
_KEY = re.compile(r"[a-z][a-z0-9_]*")
#: Join roles a variant may list ("" is "Prefer not to say").
ROLE_KEYS = tuple(key for key, _ in ROLES if key)


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
    variant: str = ""


@dataclass(frozen=True)
class Domain:
    """One part of a variant; ``about`` completes "the statements about ..."."""

    key: str
    title: str
    about: str
    notice: str
    try_next: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Variant:
    """The inventory as one audience meets it, and the join roles it serves."""

    key: str
    label: str
    roles: tuple[str, ...]
    introduction: str
    domains: tuple[Domain, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for domain in self.domains for item in domain.items)


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
    guidance: str
    scale: tuple[ScalePoint, ...]
    prefer_not_label: str
    profile_introduction: str
    profile_closing: str
    variants: tuple[Variant, ...]
    default_variant: str
    variant_prompt: str
    identity_questions: tuple[Prompt, ...]
    identities: tuple[Choice, ...]
    identity_source: str
    zone_prompt: str
    zone_source: str
    zones: tuple[Zone, ...]
    reflections: tuple[Prompt, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        """Every statement of every variant (keys are unique across variants)."""
        return tuple(item for variant in self.variants for item in variant.items)

    @cached_property
    def _item_variant(self) -> dict[str, str]:
        return {item.key: item.variant for item in self.items}

    def variant(self, key: str) -> Variant:
        """The variant ``key``; an unknown key gives the default variant."""
        found = {v.key: v for v in self.variants}
        return found.get(key) or found[self.default_variant]

    def variant_for_role(self, role: str) -> Variant | None:
        """The variant written for a join role; None when no variant lists it."""
        return next((v for v in self.variants if role in v.roles), None)

    def variant_of_item(self, item: str) -> str | None:
        """Which variant a statement belongs to (None for an unknown statement)."""
        return self._item_variant.get(item)

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
        """Where a scale answer sits (for the middle of a person's answers);
        None for ``prefer_not`` or unknown keys. Never shown to anyone."""
        return next((p.score for p in self.scale if p.key == key), None)


def _key(raw: Any, where: str) -> str:
    key = str(require(raw, "key", SOURCE))
    if not _KEY.fullmatch(key):
        raise InvalidContent(
            f"{SOURCE}: '{key}' in {where} is not a valid key. Use lower-case "
            "letters, digits and underscores, starting with a letter."
        )
    return key


def _list(raw: Any, name: str, at_least: int = 1, where: str = SOURCE) -> list[Any]:
    value = require(raw, name, where)
    if not isinstance(value, list) or len(value) < at_least:
        entries = "one entry" if at_least == 1 else f"{at_least} entries"
        raise InvalidContent(f"{where}: '{name}' needs at least {entries}.")
    return value


def _words(raw: Any, name: str, where: str) -> str:
    """A required text entry with its line breaks folded into spaces."""
    return " ".join(str(require(raw, name, where)).split())


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


def _domain(raw: Any, variant: str) -> Domain:
    key = _key(raw, f"variant '{variant}'")
    where = f"{SOURCE} domain '{key}' in variant '{variant}'"
    items = tuple(
        Item(
            key=_key(entry, f"domain '{key}'"),
            domain=key,
            text=_words(entry, "text", where),
            source=_words(entry, "source", where),
            variant=variant,
        )
        for entry in _list(raw, "items", where=where)
    )
    return Domain(
        key=key,
        title=_words(raw, "title", where),
        about=_words(raw, "about", where),
        notice=_words(raw, "notice", where),
        try_next=_words(raw, "try_next", where),
        items=items,
    )


def _roles(raw: Any, variant: str) -> tuple[str, ...]:
    roles = raw.get("roles") or []
    if not isinstance(roles, list):
        raise InvalidContent(
            f"{SOURCE}: the roles of variant '{variant}' should be a list, for "
            "example [family, community]."
        )
    for role in roles:
        if role not in ROLE_KEYS:
            raise InvalidContent(
                f"{SOURCE}: variant '{variant}' lists the role '{role}', which is "
                f"not a join role. Use some of: {', '.join(ROLE_KEYS)}."
            )
    return tuple(str(role) for role in roles)


def _variant(raw: Any) -> Variant:
    key = _key(raw, "variants")
    where = f"{SOURCE} variant '{key}'"
    domains = tuple(_domain(entry, key) for entry in _list(raw, "domains", where=where))
    _unique([d.key for d in domains], f"the domains of variant '{key}'")
    return Variant(
        key=key,
        label=_words(raw, "label", where),
        roles=_roles(raw, key),
        introduction=" ".join(str(raw.get("introduction", "")).split()),
        domains=domains,
    )


def _variants(raw: Any) -> tuple[Variant, ...]:
    """Every variant, checked for shared parts and for roles claimed once."""
    variants = tuple(_variant(entry) for entry in _list(raw, "variants"))
    _unique([v.key for v in variants], "'variants'")
    _unique([i.key for v in variants for i in v.items], "the statements")
    first = [d.key for d in variants[0].domains]
    for variant in variants[1:]:
        parts = [d.key for d in variant.domains]
        if parts != first:
            raise InvalidContent(
                f"{SOURCE}: variant '{variant.key}' has the parts "
                f"{', '.join(parts)}; every variant needs the same parts in the "
                f"same order as '{variants[0].key}' ({', '.join(first)})."
            )
    claimed = [role for v in variants for role in v.roles]
    twice = sorted({role for role in claimed if claimed.count(role) > 1})
    if twice:
        raise InvalidContent(
            f"{SOURCE}: the role '{twice[0]}' is listed by two variants. List each "
            "role under one variant."
        )
    return variants


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


def _default_variant(raw: Any, variants: tuple[Variant, ...]) -> str:
    key = str(raw.get("default_variant") or variants[0].key)
    if key not in {v.key for v in variants}:
        raise InvalidContent(
            f"{SOURCE}: 'default_variant' is '{key}', which is not a variant. Use "
            f"one of: {', '.join(v.key for v in variants)}."
        )
    return key


def load_self_assessment(folder: Path | None = None) -> SelfAssessment:
    """The whole activity's content, validated."""
    raw = load_yaml(SOURCE, __package__, folder)
    variants = _variants(raw)
    identities = require(raw, "identities", SOURCE)
    zones = require(raw, "zones", SOURCE)
    profile = raw.get("profile") or {}
    return SelfAssessment(
        title=str(require(raw, "title", SOURCE)),
        introduction=" ".join(str(raw.get("introduction", "")).split()),
        guidance=" ".join(str(raw.get("guidance", "")).split()),
        scale=_scale(raw),
        prefer_not_label=str(raw.get("prefer_not_label", "Prefer not to say")),
        profile_introduction=" ".join(str(profile.get("introduction", "")).split()),
        profile_closing=" ".join(str(profile.get("closing", "")).split()),
        variants=variants,
        default_variant=_default_variant(raw, variants),
        variant_prompt=str(
            raw.get("variant_prompt") or "Which statements fit you best?"
        ),
        identity_questions=_prompts(_list(identities, "questions"), "'identities'"),
        identities=_choices(identities, "'identities'"),
        identity_source=" ".join(str(identities.get("source", "")).split()),
        zone_prompt=str(require(zones, "prompt", SOURCE)),
        zone_source=" ".join(str(zones.get("source", "")).split()),
        zones=_zones(zones),
        reflections=_prompts(_list(raw, "reflections"), "'reflections'"),
    )
