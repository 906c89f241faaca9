"""``facilitate languages``: what each language still lacks, and its catalogue kept up.

A language is one catalogue (``locale/<code>/LC_MESSAGES/facilitate.po``) and one
translation beside each activity's content file (``translations/<name>.<code>.yaml``).
This command lists, per language, every word a participant can meet that has no
translation yet; ``--update`` collects the words again from the code (Babel's
extraction, over the modules a participant's page loads and the projected join
screen, plus each phase's title and invitation) into ``locale/facilitate.pot``
and merges them into every catalogue, keeping what translators wrote.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import json
import subprocess
import sys
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

from facilitate.core import language
from facilitate.core.agenda import ActivitySpec, current_agenda
from facilitate.core.content import load_yaml
from facilitate.core.translations import missing as missing_content

#: Calls whose arguments are English words for the catalogue: gettext's own, and
#: the page builders that show their words in the page's language.
KEYWORDS: dict[str, Any] = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "phrased": None,
    "counted": (1, 2),
    "N_": None,
    "say": (2,),
    "heading": (1,),
    "field_label": (1,),
    "button": (1,),
    "named": (2,),
}
#: Keyword arguments by which a display panel hands ScreenFrame its words.
SCREEN_KEYWORDS = ("invite", "detail", "next_step", "headline", "prompt")
#: Missing words listed per language unless --all is given.
SHOWN = 12
#: Pages a participant does not open but whose words the room reads.
ALSO_READ = (
    "facilitate.ui.join_screen",
    "facilitate.ui.display_page",
    "facilitate.ui.display_states",
)
_LIST_MODULES = """
import json, sys
from facilitate.core.agenda import current_agenda
import facilitate.ui.participant_page
agenda = current_agenda()
for part in ("participant", "join_question", "closing", "display"):
    agenda.loaded(part)
print(json.dumps(sorted(m for m in sys.modules if m.startswith("facilitate."))))
"""


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    command = commands.add_parser(
        "languages",
        parents=[common],
        help="list what each language lacks; --update collects new words",
        description=(
            "List, for each language, the words a participant can meet that have "
            "no translation yet. --update first collects the words from the code "
            "into every catalogue, keeping what was translated."
        ),
    )
    command.add_argument(
        "--all", action="store_true", help="list every missing word, not the first few"
    )
    command.add_argument(
        "--update",
        action="store_true",
        help="collect the words from the code into every catalogue first",
    )
    command.set_defaults(run=cmd_languages)


def cmd_languages(args: argparse.Namespace) -> int:
    if args.update:
        update_catalogues()
    complete = True
    for item in language.available()[1:]:
        gaps = missing(item.code)
        complete = complete and not gaps
        state = f"{len(gaps)} missing" if gaps else "complete"
        print(f"{item.code} ({item.name}): {state}")
        shown = gaps if args.all else gaps[:SHOWN]
        for gap in shown:
            print(f"  {gap}")
        if len(shown) < len(gaps):
            print(f"  ... and {len(gaps) - len(shown)} more (--all lists them)")
    return 0 if complete else 1


def participant_modules() -> list[str]:
    """Every module a participant's page loads (asked of a fresh interpreter)."""
    found = subprocess.run(
        [sys.executable, "-c", _LIST_MODULES],
        capture_output=True,
        text=True,
        check=True,
    )
    return sorted({*json.loads(found.stdout), *ALSO_READ})


def template() -> Catalog:
    """Every word a participant or the room reads, as Babel extracts it."""
    catalog = Catalog(project="facilitate", domain=language.DOMAIN)
    for module in participant_modules():
        spec_file = _source_of(module)
        if spec_file is None:
            continue
        with contextlib.redirect_stderr(io.StringIO()):  # say(status, "") clears
            found = extract_from_file(
                "python",
                str(spec_file),
                keywords=KEYWORDS,
                comment_tags=("Translators:",),
            )
        for line, message, comments, _context in found:
            catalog.add(
                message, None, [(_relative(spec_file), line)], auto_comments=comments
            )
    for module, line, words in screen_words():
        catalog.add(words, None, [(module, line)], auto_comments=["On the display"])
    for phase in current_agenda().phases:
        for words in (phase.title, phase.invitation):
            catalog.add(
                words, None, [("agenda", 0)], auto_comments=["A phase of the session"]
            )
    return catalog


def screen_words() -> list[tuple[str, int, str]]:
    """(module, line, words) of each display's fixed headings and prompts.

    Display panels pass their words to ``ScreenFrame`` (which shows them in the
    screen's language) as keyword arguments, which Babel's extraction does not
    read, so they are found here: string constants given as ``invite=``,
    ``detail=``, ``next_step=``, ``headline=`` or ``prompt=``, and the titles
    given to ``ScreenFrame`` and ``set_title``.
    """
    found = []
    for spec in current_agenda().activities:
        module = spec.display.target.partition(":")[0] if spec.display else ""
        path = _source_of(module) if module else None
        if path is None:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [
            (_relative(path), node.lineno, words)
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            for words in _screen_constants(node)
        ]
    return found


def _screen_constants(call: ast.Call) -> list[str]:
    values = [kw.value for kw in call.keywords if kw.arg in SCREEN_KEYWORDS]
    name = getattr(call.func, "attr", getattr(call.func, "id", ""))
    if name in ("ScreenFrame", "set_title"):
        values += call.args
    return [
        value.value
        for value in values
        if isinstance(value, ast.Constant)
        and isinstance(value.value, str)
        and value.value.strip()
        and not value.value.startswith("fc-")
    ]


def _package_of(spec: ActivitySpec) -> str | None:
    """The package an activity's spec points into: its folder, found through
    the agenda's references rather than spelled from the activity's key."""
    for reference in (spec.participant, spec.display, spec.controls, spec.report):
        if reference is not None:
            return reference.target.partition(":")[0].rpartition(".")[0]
    return None


def _source_of(module: str) -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec(module)
    origin = spec.origin if spec else None
    return Path(origin) if origin and origin.endswith(".py") else None


def _relative(path: Path) -> str:
    text = path.as_posix()
    return text[text.rfind("facilitate/") :]


def locale_dir() -> Path:
    with as_file(files("facilitate") / "locale") as path:
        return Path(path)


def update_catalogues() -> None:
    """Write the template and merge it into every language's catalogue."""
    fresh = template()
    folder = locale_dir()
    with (folder / f"{language.DOMAIN}.pot").open("wb") as handle:
        write_po(handle, fresh, width=88, omit_header=False)
    for item in language.available()[1:]:
        path = folder / item.code / "LC_MESSAGES" / f"{language.DOMAIN}.po"
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=item.code)
        catalog.update(fresh, no_fuzzy_matching=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=88, ignore_obsolete=True)
    language.catalogue.cache_clear()


def content_files() -> list[tuple[str, str]]:
    """(file, package) of every activity's content file: what participants read."""
    found = []
    for spec in current_agenda().activities:
        package = _package_of(spec)
        if package is None:
            continue
        folder = files(package)
        found += [
            (entry.name, package)
            for entry in folder.iterdir()
            if entry.name.endswith(".yaml")
        ]
    return sorted(found)


def missing(code: str) -> list[str]:
    """Everything a participant may read that ``code`` has no words for yet."""
    have = language.catalogue(code).messages
    wanted = template()
    gaps = [
        f"catalogue: {message.id!r}"
        for message in wanted
        if message.id
        and (message.id[0] if isinstance(message.id, tuple) else message.id) not in have
    ]
    previous = language.current()
    language.use(language.SOURCE)
    try:
        for name, package in content_files():
            raw = load_yaml(name, package)
            gaps += [
                f"{name}: {path}" for path in missing_content(raw, name, package, code)
            ]
    finally:
        language.use(previous)
    return gaps
