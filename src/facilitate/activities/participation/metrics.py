"""Who talked, how much, and who followed whom: derived from the tracker's taps.

A tap records only "this person starts now" (or "silence starts now"). A turn is
the time from one kept tap to the next, so every turn's end is itself a recorded
tap: if the tracker loses its connection, only the turn still open is affected,
and it closes at the ``now`` the caller passes in. An undo never deletes; it is a
``tap_undone`` event naming the tap it cancels, and cancelled taps are skipped.

Everything here is pure: record lists or frames in, frames or small frozen results
out. Shares are fractions (0..1) of the room's total; the room is everyone who
joined on a device plus everyone the observer added by seat label, so people who
never spoke count as zeros in the Gini, evenness and equal-share line.

Before anyone has talked (or written) there is nothing to share out, and a zero
would read as "below a fair share": shares and ratios are then missing (NaN), the
Gini and evenness None and the Lorenz curve empty, so every view says "not yet".
Group figures are rounded to ``DIGITS`` decimals, well below anything shown, so
a Gini of exactly 0.2 is 0.2 and not 0.19999999999999996 on the wrong side of a
line, and no figure prints as "-0.00".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from facilitate.activities.participation.events import (
    SpeakerAdded,
    TapUndone,
    TurnStarted,
)
from facilitate.core.agenda import current_agenda
from facilitate.core.events import ParticipantJoined, Recorded
from facilitate.core.frames import kind_frame

TURN_COLUMNS = ["turn", "speaker", "start", "end", "seconds"]
PERSON_COLUMNS = [
    "speaker",
    "name",
    "role",
    "talk_seconds",
    "turns",
    "talk_share",
    "contributions",
    "contribution_share",
]
_SILENCE = "\x00silence"
DIGITS = 12


# --- from records -------------------------------------------------------------------


def kept_taps(records: Iterable[Recorded]) -> list[Recorded]:
    """Tap records that no ``tap_undone`` cancels, in log order."""
    records = list(records)
    undone = {r.event.target for r in records if isinstance(r.event, TapUndone)}
    return [
        r for r in records if isinstance(r.event, TurnStarted) and r.id not in undone
    ]


def people_frame(records: Iterable[Recorded]) -> pd.DataFrame:
    """Everyone who could speak: columns ``speaker``, ``name``, ``role``.

    Device participants are keyed by participant id (latest name wins); people
    added on the tracker by their generated speaker id, named by seat label.
    """
    records = list(records)
    joined = kind_frame(records, ParticipantJoined.kind)
    joined = joined.drop_duplicates("participant", keep="last").rename(
        columns={"participant": "speaker"}
    )
    seats = kind_frame(records, SpeakerAdded.kind).drop_duplicates(
        "speaker", keep="last"
    )
    seats = seats.rename(columns={"label": "name"})
    columns = ["speaker", "name", "role"]
    frames = [f[columns] for f in (joined, seats) if not f.empty]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    return pd.concat(frames, ignore_index=True)


def contribution_frame(records: Iterable[Recorded]) -> pd.DataFrame:
    """One row per written contribution a person made: column ``participant``.

    What counts is each activity's to say (its spec's ``contributions``: text
    written for the group). A contribution edited later is still one, so each
    kind counts once per person; only the totals leave here.
    """
    kinds = set(current_agenda().contribution_kinds)
    seen = {
        (str(getattr(r.event, "participant", "")), r.kind)
        for r in records
        if r.kind in kinds
    }
    rows = sorted(participant for participant, _ in seen)
    return pd.DataFrame({"participant": pd.Series(rows, dtype=object)})


# --- turns --------------------------------------------------------------------------


def turns_from_taps(
    taps: pd.DataFrame, undos: pd.DataFrame, now: float
) -> pd.DataFrame:
    """Speaking turns: columns ``turn``, ``speaker``, ``start``, ``end``, ``seconds``.

    ``taps`` has ``id``, ``at``, ``speaker`` (None = silence); ``undos`` has
    ``target``. Each kept tap runs until the next kept tap; the last one until
    ``now``. Back-to-back taps on the same person are one turn; silences are gaps.
    """
    kept = taps.loc[~taps["id"].isin(undos["target"])].sort_values("id")
    if kept.empty:
        return _empty_turns()
    starts = kept["at"].astype(float).tolist()
    ends = [*starts[1:], max(float(now), starts[-1])]
    who = [_SILENCE if s is None or pd.isna(s) else str(s) for s in kept["speaker"]]
    segments = pd.DataFrame({"speaker": who, "start": starts, "end": ends})
    block = (segments["speaker"] != segments["speaker"].shift()).cumsum()
    merged = segments.groupby(block, sort=True).agg(
        speaker=("speaker", "first"), start=("start", "min"), end=("end", "max")
    )
    spoken = merged.loc[merged["speaker"] != _SILENCE].reset_index(drop=True)
    if spoken.empty:
        return _empty_turns()
    spoken["seconds"] = spoken["end"] - spoken["start"]
    spoken.insert(0, "turn", range(1, len(spoken) + 1))
    return spoken[TURN_COLUMNS]


def _empty_turns() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "turn": pd.Series(dtype="int64"),
            "speaker": pd.Series(dtype=object),
            "start": pd.Series(dtype=float),
            "end": pd.Series(dtype=float),
            "seconds": pd.Series(dtype=float),
        }
    )


def turns_from_records(records: Sequence[Recorded], now: float) -> pd.DataFrame:
    """``turns_from_taps`` straight from the log."""
    return turns_from_taps(
        kind_frame(records, TurnStarted.kind),
        kind_frame(records, TapUndone.kind),
        now,
    )


# --- per person ---------------------------------------------------------------------


def talk_by_person(
    people: pd.DataFrame, turns: pd.DataFrame, contributions: pd.DataFrame
) -> pd.DataFrame:
    """Each person's talk and digital contributions, most talk first.

    Columns: ``speaker``, ``name``, ``role``, ``talk_seconds``, ``turns``,
    ``talk_share``, ``contributions``, ``contribution_share``. Someone tapped but
    not in ``people`` still appears (empty name and role), so no talk is lost.
    """
    talk = turns.groupby("speaker")["seconds"].agg(["sum", "count"])
    given = contributions["participant"].value_counts()
    room = people[["speaker", "name", "role"]].drop_duplicates("speaker", keep="last")
    strangers = [s for s in talk.index if s not in set(room["speaker"])]
    if strangers:
        extra = pd.DataFrame({"speaker": strangers, "name": "", "role": ""})
        room = pd.concat([room, extra], ignore_index=True)
    frame = room.reset_index(drop=True).copy()
    frame["talk_seconds"] = [float(talk["sum"].get(s, 0.0)) for s in frame["speaker"]]
    frame["turns"] = [int(talk["count"].get(s, 0)) for s in frame["speaker"]]
    frame["talk_share"] = _shares(frame["talk_seconds"])
    frame["contributions"] = [int(given.get(s, 0)) for s in frame["speaker"]]
    frame["contribution_share"] = _shares(frame["contributions"])
    frame = frame.sort_values(
        ["talk_seconds", "turns", "name", "speaker"],
        ascending=[False, False, True, True],
        kind="stable",
    )
    return frame[PERSON_COLUMNS].reset_index(drop=True)


def _shares(values: pd.Series) -> list[float]:
    """Each value's fraction of the total; NaN for all while the total is 0."""
    total = float(values.sum())
    return [float(v) / total if total > 0 else math.nan for v in values]


def _tidy(value: float) -> float:
    """Rounded to DIGITS decimals, never below 0 (so never -0.0)."""
    return max(0.0, round(value, DIGITS)) + 0.0


# --- the group ----------------------------------------------------------------------


def gini(values: Iterable[float]) -> float | None:
    """Gini coefficient (0 = all equal, 1 = one person has everything).

    Mean absolute difference over all pairs divided by twice the mean; None when
    nobody has anything yet, since "equal" would be misleading.
    """
    ordered = sorted(float(v) for v in values)
    n, total = len(ordered), sum(ordered)
    if n == 0 or total <= 0:
        return None
    ranked = sum(rank * value for rank, value in enumerate(ordered, start=1))
    return _tidy(2 * ranked / (n * total) - (n + 1) / n)


def lorenz_curve(values: Iterable[float]) -> pd.DataFrame:
    """Cumulative share of talk held by the quietest share of people.

    Columns ``people_share`` and ``talk_share``, from (0, 0) to (1, 1); the
    diagonal is perfect equality and the area between them is half the Gini.
    No rows until someone has talked: a curve along the bottom edge would read
    as one person holding all the talk.
    """
    ordered = sorted(float(v) for v in values)
    n, total = len(ordered), sum(ordered)
    if n == 0 or total <= 0:
        return pd.DataFrame(
            {
                "people_share": pd.Series(dtype=float),
                "talk_share": pd.Series(dtype=float),
            }
        )
    running, talk = 0.0, [0.0]
    for value in ordered:
        running += value
        talk.append(running / total)
    return pd.DataFrame(
        {"people_share": [i / n for i in range(n + 1)], "talk_share": talk}
    )


def evenness(values: Iterable[float]) -> float | None:
    """Shannon entropy of talk shares over ln(people): 1 when all talk equally."""
    amounts = [float(v) for v in values]
    total = sum(amounts)
    if len(amounts) < 2 or total <= 0:
        return None
    entropy = -sum(v / total * math.log(v / total) for v in amounts if v > 0)
    return _tidy(entropy / math.log(len(amounts)))


@dataclass(frozen=True)
class TalkSummary:
    """The room in a few numbers, for a sentence under the charts."""

    people: int
    spoken: int
    not_spoken: int
    turns: int
    talk_seconds: float
    gini: float | None
    evenness: float | None
    longest_turn_seconds: float
    longest_turn_speaker: str | None


def talk_summary(per_person: pd.DataFrame, turns: pd.DataFrame) -> TalkSummary:
    """Group figures from ``talk_by_person`` and ``turns_from_taps`` output."""
    talk = per_person["talk_seconds"].tolist()
    spoken = int((per_person["turns"] > 0).sum())
    longest = turns.sort_values(["seconds", "turn"], ascending=[False, True]).head(1)
    return TalkSummary(
        people=len(per_person),
        spoken=spoken,
        not_spoken=len(per_person) - spoken,
        turns=len(turns),
        talk_seconds=float(sum(talk)),
        gini=gini(talk),
        evenness=evenness(talk),
        longest_turn_seconds=float(longest["seconds"].sum()),
        longest_turn_speaker=str(longest["speaker"].iloc[0]) if len(longest) else None,
    )


def transitions(turns: pd.DataFrame) -> pd.DataFrame:
    """Who spoke right after whom: columns ``from_speaker``, ``to_speaker``, ``count``.

    Silences between two turns do not break the chain: the next voice still
    answers the last one. Most frequent pairs first.
    """
    ordered = turns.sort_values("turn")
    pairs = pd.DataFrame(
        {
            "from_speaker": ordered["speaker"].iloc[:-1].tolist(),
            "to_speaker": ordered["speaker"].iloc[1:].tolist(),
        }
    )
    pairs = pairs.loc[pairs["from_speaker"] != pairs["to_speaker"]]
    counted = (
        pairs.groupby(["from_speaker", "to_speaker"]).size().reset_index(name="count")
    )
    counted["count"] = counted["count"].astype("int64")
    return counted.sort_values(
        ["count", "from_speaker", "to_speaker"], ascending=[False, True, True]
    ).reset_index(drop=True)
