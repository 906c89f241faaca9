"""Loading the editable content files in ``data/`` with clear errors.

Facilitators edit these YAML files by hand, so every problem is reported with the
file name and what to fix, never as a parser traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from facilitate.core.errors import InvalidContent
from facilitate.core.paths import content_dir

#: libyaml's parser when PyYAML was built with it: the self-assessment file alone
#: took half a second to parse in pure Python, on every display and page opened.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(name: str, folder: Path | None = None) -> Any:
    path = (folder or content_dir()) / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidContent(
            f"Cannot read {path} ({error.strerror}). Restore it from the project."
        ) from None
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise InvalidContent(
            f"{path.name} is not valid YAML{where}. Check indentation and quotes."
        ) from None


def require(mapping: Any, key: str, source: str) -> Any:
    """``mapping[key]``, or an error naming the file and the missing key."""
    if not isinstance(mapping, dict) or key not in mapping:
        raise InvalidContent(f"{source} needs a '{key}' entry.")
    return mapping[key]


@dataclass(frozen=True)
class Choice:
    key: str
    label: str


def require_list(mapping: Any, key: str, source: str) -> list[Any]:
    """``mapping[key]`` when it is a list with at least one entry, else an error."""
    value = require(mapping, key, source)
    if not isinstance(value, list) or not value:
        raise InvalidContent(f"{source}: '{key}' needs at least one entry.")
    return value
