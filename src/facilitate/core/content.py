"""Loading an activity's editable content file with clear errors.

Each YAML file ships inside the package that reads it (an activity's folder,
``evidence/``, ``ui/``) and is found through ``importlib.resources``, so a plain
``pip install`` finds it. A facilitator's own edited copy replaces it: one named
by a loader's ``folder`` argument, or a file of the same name in
``$FACILITATE_HOME/data``. Facilitators edit these files by hand, so every
problem is reported with the file name and what to fix, never as a parser
traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from facilitate.core.errors import InvalidContent
from facilitate.core.paths import content_override_dir
from facilitate.core.translations import in_spoken_language

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

#: libyaml's parser when PyYAML was built with it: the self-assessment file alone
#: took half a second to parse in pure Python, on every display and page opened.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def content_file(name: str, package: str, folder: Path | None = None) -> Traversable:
    """Where ``name`` is read from: ``folder`` when given, else the facilitator's
    copy in ``$FACILITATE_HOME/data`` when there is one, else ``package``'s own."""
    if folder is not None:
        return folder / name
    override = content_override_dir()
    if override is not None and (override / name).is_file():
        return override / name
    return files(package) / name


def load_yaml(name: str, package: str, folder: Path | None = None) -> Any:
    """The content file ``name`` shipped in ``package`` (see ``content_file``), in
    the page's language (see ``facilitate.core.translations``)."""
    path = content_file(name, package, folder)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidContent(
            f"Cannot read {path} ({error.strerror}). Restore it from the project."
        ) from None
    try:
        raw = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise InvalidContent(
            f"{path.name} is not valid YAML{where}. Check indentation and quotes."
        ) from None
    return in_spoken_language(raw, name, package, folder)


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
