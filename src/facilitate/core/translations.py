"""Content files in other languages, laid over the English by stable ids.

A content file's translation sits beside it, in its package's ``translations/``
folder: ``checkin.yaml`` has ``translations/checkin.es.yaml``. The translation
mirrors the English file's shape, with every list of keyed entries written as a
mapping by ``key``, and holds only words::

    prompt: "¿Cómo llega hoy?"
    choices:
      energised: {label: "Con energía"}

Keys, scores and roles never change, so an answer given in Spanish is the same
event as one given in English and both count together everywhere; only what a
person reads changes. A missing word falls back to the English, and
``missing()`` names each one, so a half-done translation still works and shows
what is left.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from facilitate.core.language import SOURCE, joined, spoken

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

#: Fields that are ids or settings, never words a person reads, and words only
#: the facilitator reads (a contested practice's ``readings``, for the guide),
#: which stay in the leader's language.
NOT_WORDS = frozenset({"key", "roles", "leans", "score", "default_variant", "readings"})
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def translation_file(
    name: str, package: str, code: str, folder: Path | None = None
) -> Traversable:
    """Where ``name``'s ``code`` translation lives (beside the English)."""
    stem = name.rsplit(".", 1)[0]
    base: Traversable = folder if folder is not None else files(package)
    return base / "translations" / f"{stem}.{code}.yaml"


def words(raw: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every (path, English text) a person reads in a content structure."""
    if isinstance(raw, dict):
        for field, value in raw.items():
            if str(field) not in NOT_WORDS:
                yield from words(value, f"{path}.{field}" if path else str(field))
    elif isinstance(raw, list):
        for number, entry in enumerate(raw):
            step = entry.get("key") if isinstance(entry, dict) else None
            yield from words(entry, f"{path}.{step if step else number}")
    elif isinstance(raw, str) and raw.strip():
        yield path, raw


def flat(raw: Any, path: str = "") -> dict[str, str]:
    """A translation file's words by path (its keyed lists are mappings)."""
    found: dict[str, str] = {}
    if isinstance(raw, dict):
        for field, value in raw.items():
            found.update(flat(value, f"{path}.{field}" if path else str(field)))
    elif isinstance(raw, list):
        for number, value in enumerate(raw):
            found.update(flat(value, f"{path}.{number}"))
    elif isinstance(raw, str) and raw.strip():
        found[path] = raw
    return found


@lru_cache(maxsize=32)
def read_translation(
    name: str, package: str, code: str, folder: Path | None = None
) -> dict[str, str]:
    """``name``'s words in ``code`` by path; empty when there is no file.

    Read once per kernel (one page): every view of a phase loads its content
    again, and the self-assessment's translation alone is 300 entries."""
    path = translation_file(name, package, code, folder)
    if code == SOURCE or not path.is_file():
        return {}
    try:
        return flat(yaml.load(path.read_text("utf-8"), Loader=_LOADER))  # noqa: S506
    except yaml.YAMLError:
        return {}


def overlay(raw: Any, by_path: list[dict[str, str]], path: str = "") -> Any:
    """``raw`` with each word replaced by its translations (joined when two)."""
    if isinstance(raw, dict):
        return {
            field: value
            if str(field) in NOT_WORDS
            else overlay(value, by_path, f"{path}.{field}" if path else str(field))
            for field, value in raw.items()
        }
    if isinstance(raw, list):
        return [
            overlay(entry, by_path, f"{path}.{_step(entry, number)}")
            for number, entry in enumerate(raw)
        ]
    if isinstance(raw, str) and raw.strip():
        return joined([words.get(path, raw) for words in by_path])
    return raw


def _step(entry: Any, number: int) -> str:
    step = entry.get("key") if isinstance(entry, dict) else None
    return str(step) if step else str(number)


def in_spoken_language(
    raw: Any, name: str, package: str, folder: Path | None = None
) -> Any:
    """The content ``raw`` (read from ``name``) in the page's language(s)."""
    languages = spoken()
    if languages == (SOURCE,):
        return raw
    by_path = [read_translation(name, package, code, folder) for code in languages]
    return overlay(raw, by_path)


def missing(raw: Any, name: str, package: str, code: str) -> list[str]:
    """The paths of ``raw``'s words that ``code``'s translation lacks."""
    have = read_translation(name, package, code)
    return [path for path, _ in words(raw) if path not in have]
