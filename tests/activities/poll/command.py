"""``facilitate poll-question``: the poll's question and answers, as people see them.

A command of the poll's own, declared in its spec and added to ``facilitate``
from the agenda, so a facilitator can check the edited ``poll.yaml`` before the
session.
"""

from __future__ import annotations

import argparse
from typing import Any

from tests.activities.poll.content import load_poll


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add ``facilitate poll-question``."""
    question = commands.add_parser(
        "poll-question",
        parents=[common],
        help="print the quick poll's question and its answers",
    )
    question.set_defaults(run=print_question)


def print_question(args: argparse.Namespace) -> int:
    poll = load_poll()
    print(poll.prompt)
    for choice in poll.choices:
        print(f"  {choice.key}: {choice.label}")
    return 0
