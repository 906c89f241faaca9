"""``facilitate team new | list | delete`` and ``facilitate export-team``.

A team works across many meetings on one page, opened with the team link (which
carries the team key). Deleting a team works like deleting a session: it asks
for the code, says what it removed, and asking again removes nothing more; a
code that never was a team's is a typo, refused like a session's (exit 2).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from facilitate.cli.common import store_of
from facilitate.cli.keyed import delete_log, keyed_commands
from facilitate.core.config import DEFAULT_MIN_GROUP_SIZE
from facilitate.teams.codes import (
    TEAMS,
    TeamInfo,
    create_team,
    find_team,
    list_teams,
    team_link,
)

FORMATS = ["html", "pdf", "csv", "all"]


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    new = keyed_commands(
        commands,
        common,
        "team",
        new=cmd_team_new,
        listing=cmd_team_list,
        delete=cmd_team_delete,
    )
    new.add_argument(
        "--min-group-size",
        type=int,
        default=None,
        help="smallest group shown in the equity lens and exports (3 or more)",
    )
    export = commands.add_parser(
        "export-team",
        parents=[common],
        help="write a team's aggregates (HTML, PDF, CSV): no student, no owner",
    )
    export.add_argument("team", help="the team's code (T-…)")
    export.add_argument("--to", default="all", choices=FORMATS, help="format")
    export.add_argument("--out", default=".", help="folder for the files (default: .)")
    export.set_defaults(run=cmd_export_team)


def print_team_link(team: TeamInfo, base: str) -> None:
    print(f"Team:         {team.title} ({team.code})")
    print(f"Team page:    {team_link(base, team)}")
    print("              (share it with the team's members only: it carries the key)")


def cmd_team_new(args: argparse.Namespace) -> int:
    config, store = store_of(args)
    team = create_team(
        store,
        args.title,
        min_group_size=args.min_group_size
        or config.min_group_size
        or DEFAULT_MIN_GROUP_SIZE,
    )
    print_team_link(team, args.base_url)
    return 0


def cmd_team_list(args: argparse.Namespace) -> int:
    _, store = store_of(args)
    teams = list_teams(store)
    if not teams:
        print('No teams yet. Create one with: facilitate team new "Grade 4 team"')
        return 0
    for team in teams:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(team.created_at))
        print(f"{team.code}  {when}  {team.title}")
        print(f"          team page: {team_link(args.base_url, team)}")
    return 0


def cmd_team_delete(args: argparse.Namespace) -> int:
    """Delete a team's log, leaving its tombstone; again is not an error, a typo is."""
    _, store = store_of(args)
    return delete_log(store, TEAMS, args.code, args.yes)


def cmd_export_team(args: argparse.Namespace) -> int:
    from facilitate.export.run import chosen_formats
    from facilitate.export.team import export_team

    _, store = store_of(args)
    team = find_team(store, args.team)
    out_dir = Path(args.out).expanduser().resolve()
    print(f"Exporting team '{team.title}' ({team.code}) to {out_dir}", flush=True)
    result = export_team(
        store,
        team,
        out_dir,
        chosen_formats(args.to),
        progress=lambda line: print(line, flush=True),
    )
    for path in result.files:
        print(f"  {path}")
    for problem in result.problems:
        print(f"facilitate: {problem}", file=sys.stderr)
    return 0
