"""Every command and button the README names exists.

A facilitator follows the README word for word: a command that is not there,
an option it does not take, or a button with another name on the page, and the
first five minutes are lost. So every ``facilitate …`` line in the README and
in ``docs/`` is checked against the command's own parser, every ``make`` target
and variable against the Makefile, and every button the README tells you to
press (``press *Name*`` or ``the *Name* button``) against the labels in the code.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from facilitate.cli import build_parser

PROJECT = Path(__file__).resolve().parents[2]
SOURCE = PROJECT / "src" / "facilitate"
DOCUMENTS = [
    PROJECT / "README.md",
    *sorted(p for p in (PROJECT / "docs").glob("*.md") if p.name != "CREDENTIAL.md"),
]
#: ``facilitate …`` in inline code, or on an indented line of a code block.
INLINE = re.compile(r"`(?:\S*/)?facilitate ([^`]+)`")
BLOCK = re.compile(r"^ {4,}(?:\S*/)?facilitate (.+)$", re.M)
MAKE = re.compile(r"`make ([a-z]+)((?: [A-Z_]+=[^\s`]*)*)`|^ +make ([a-z]+)(.*)$", re.M)
#: "Press *Show results*", "tap *Leave*", "the *Export summary* button".
BUTTON = re.compile(
    r"(?:[Pp]ress|[Tt]ap|[Cc]lick)\s+\*([^*\n]+)\*|\*([^*\n]+)\*\s+button", re.M
)
#: Options of ``facilitate`` itself, each followed by its value.
GLOBAL_OPTIONS = ("--data-dir", "--store")


def text_of(document: Path) -> str:
    """The document with continued lines (ending in a backslash) joined."""
    return re.sub(r"\\\n\s*", " ", document.read_text(encoding="utf-8"))


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def options(parser: argparse.ArgumentParser) -> set[str]:
    return {flag for action in parser._actions for flag in action.option_strings}


def command_lines() -> list[tuple[str, str]]:
    found = []
    for document in DOCUMENTS:
        text = text_of(document)
        for pattern in (INLINE, BLOCK):
            found += [
                (document.name, m.group(1).strip()) for m in pattern.finditer(text)
            ]
    # "facilitate …" stands for any command.
    return [(document, words) for document, words in found if words != "…"]


def check_command(words: list[str]) -> list[str]:
    """What in ``facilitate WORDS`` the CLI does not know (empty: all of it)."""
    parser = build_parser()
    known = options(parser)
    while words and words[0] in GLOBAL_OPTIONS:
        words = words[2:]
    chosen = []
    while commands := subcommands(parser):
        word = words[len(chosen)] if len(chosen) < len(words) else ""
        if word not in commands:
            return [f"no command '{' '.join([*chosen, word]).strip()}'"]
        chosen.append(word)
        parser = commands[word]
        known |= options(parser)
    flags = re.findall(r"(?<![\w-])--[a-z][a-z-]*", " ".join(words))
    return [f"no option {flag}" for flag in flags if flag not in known]


def test_the_documents_name_commands_at_all():
    named = {words.split()[0] for _, words in command_lines() if words}
    assert {"serve", "demo", "session", "export"} <= named


@pytest.mark.parametrize(("document", "words"), command_lines())
def test_each_command_and_option_exists(document, words):
    assert check_command(words.split()) == [], f"{document}: facilitate {words}"


def test_make_targets_and_variables_exist():
    makefile = text_of(PROJECT / "Makefile")
    targets = set(re.findall(r"^([a-z]+):", makefile, re.M))
    variables = set(re.findall(r"^([A-Z_]+) \?=", makefile, re.M))
    for document in DOCUMENTS:
        for match in MAKE.finditer(text_of(document)):
            target = match.group(1) or match.group(3)
            rest = match.group(2) if match.group(1) else match.group(4)
            assert target in targets, f"{document.name}: make {target}"
            for variable in re.findall(r"([A-Z_]+)=", rest or ""):
                assert variable in variables, f"{document.name}: {variable}="


def source_text() -> str:
    return "\n".join(
        path.read_text(encoding="utf-8") for path in sorted(SOURCE.rglob("*.py"))
    ) + "\n".join(
        path.read_text(encoding="utf-8") for path in sorted(SOURCE.rglob("*.yaml"))
    )


def test_every_button_the_readme_names_is_on_a_page():
    code = source_text()
    named = []
    for document in DOCUMENTS:
        for match in BUTTON.finditer(text_of(document)):
            named.append(match.group(1) or match.group(2))
    assert named, "the README names no button"
    missing = [label for label in named if label.rstrip(".…") not in code]
    assert missing == []


def test_a_wrong_command_or_option_would_be_caught():
    assert check_command(["serve", "--host", "0.0.0.0"]) == []
    assert check_command(["session", "new", "Title"]) == []
    assert check_command(["serve", "--hots", "0.0.0.0"]) == ["no option --hots"]
    assert check_command(["sesion", "new"]) == ["no command 'sesion'"]
    assert check_command(["session"]) == ["no command 'session'"]
    assert check_command(["--data-dir", "/srv", "session", "list"]) == []
