"""Group views of the self-assessment that never expose one person.

Everything here passes the release gate (``facilitate.core.release``):

- Only people who have *submitted* count, and only as of the latest release:
  the shared figures move in batches of at least k people, never one click at a
  time, and an answer changed after submitting waits for the next batch.
- Only comparable answers are counted together: each variant of the inventory
  (educators, support staff, families and community members, students) has its
  own statements, so its domains are reported on their own, with their own
  batched release. A person counts under the variant of their latest answer when
  they submitted; a variant's figures move only when at least k more of *its*
  people have submitted, so the room never sees one person's difference there.
- The room sees people, not answers: for each domain, each released person is
  counted once, under their *typical answer* (the middle of their answers in that
  domain, or "prefer not to say" when they gave no other). That makes every cell a
  number of people, so k means k people.
- Identities (the same questions for everyone) are counted per identity as a
  split of all released people into "chose it" and "did not": an identity chosen
  by all but one is withheld too.
- Zones at the start count submitted people; zones at the end are their own
  batches (a person's first end-of-session choice is their submission).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from facilitate.activities.self_assessment.content import (
    PREFER_NOT,
    SelfAssessment,
    Variant,
)
from facilitate.activities.self_assessment.events import (
    IdentityReflected,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
    ZoneChecked,
)
from facilitate.core.coarsen import group_label
from facilitate.core.events import Recorded
from facilitate.core.frames import kind_frame, latest_per
from facilitate.core.language import N_
from facilitate.core.release import (
    ReleaseState,
    batched_release,
    coarsen_frame,
    release_partition,
)
from facilitate.core.release_words import shown_once

ACTIVITY = "self_assessment"
MOMENTS = (("start", "At the start"), ("end", "At the end"))


def submitted_by(record: Recorded) -> str | None:
    """Who submitted the inventory in ``record`` (else None)."""
    event = record.event
    return event.participant if isinstance(event, SelfAssessmentSubmitted) else None


def end_zone_by(record: Recorded) -> str | None:
    """Who placed themselves at the end of the session in ``record`` (else None)."""
    event = record.event
    if isinstance(event, ZoneChecked) and event.moment == "end":
        return event.participant
    return None


def person_of(record: Recorded) -> str | None:
    return getattr(record.event, "participant", None)


def submission_variants(
    records: Sequence[Recorded], content: SelfAssessment
) -> dict[int, str]:
    """The id of every submission -> the variant of its submitter's latest answer.

    Read as of the submission, so a later change of statements counts only from
    the next submission on; a submission with no known answer belongs nowhere.
    """
    latest: dict[str, str] = {}
    variants: dict[int, str] = {}
    for record in records:
        event = record.event
        if isinstance(event, SelfAssessmentAnswered):
            variant = content.variant_of_item(event.item)
            if variant is not None:
                latest[event.participant] = variant
        elif isinstance(event, SelfAssessmentSubmitted) and event.participant in latest:
            variants[record.id] = latest[event.participant]
    return variants


def submitted_in(
    variants: dict[int, str], variant: str
) -> Callable[[Recorded], str | None]:
    """Who submitted in ``record``, when that submission was in ``variant``."""

    def submitter(record: Recorded) -> str | None:
        if variants.get(record.id) != variant:
            return None
        return submitted_by(record)

    return submitter


# --- one person's typical answer ------------------------------------------------


def typical_answer(answers: Sequence[str], content: SelfAssessment) -> str:
    """The middle of a person's scale answers (lower middle on a tie).

    "Prefer not to say" answers are left out; with nothing else, it is the answer.
    """
    scored = sorted(
        (score, key) for key in answers if (score := content.score_of(key)) is not None
    )
    if not scored:
        return PREFER_NOT
    return scored[(len(scored) - 1) // 2][1]


def typical_answers(
    latest: pd.DataFrame, variant: Variant, content: SelfAssessment
) -> pd.DataFrame:
    """Per person and domain of ``variant``: ``participant``, ``domain``, ``typical``.

    ``latest`` holds one answer per person and statement (``participant``,
    ``item``, ``answer``); statements of other variants, unknown statements and
    unknown answers are ignored. Same rule as ``typical_answer``, for a whole
    room at once (a display of 250 people recomputes it as batches arrive).
    """
    domains = {item.key: item.domain for item in variant.items}
    scores = {point.key: point.score for point in content.scale}
    known = latest.loc[
        latest["item"].isin(domains) & latest["answer"].isin(content.answer_keys)
    ]
    known = known.assign(
        domain=known["item"].map(domains), score=known["answer"].map(scores)
    )
    keys = ["participant", "domain"]
    people = known[keys].drop_duplicates()
    scored = known.dropna(subset=["score"]).sort_values([*keys, "score", "answer"])
    groups = scored.groupby(keys, sort=False)
    position = groups.cumcount()
    size = groups["score"].transform("size")
    middle = scored.loc[position == (size - 1) // 2, [*keys, "answer"]]
    typical = people.merge(middle, how="left", on=keys)
    typical["answer"] = typical["answer"].fillna(PREFER_NOT)
    typical = typical.rename(columns={"answer": "typical"}).sort_values(keys)
    return typical.reset_index(drop=True)[["participant", "domain", "typical"]]


def domain_counts(
    typical: pd.DataFrame, variant: Variant, content: SelfAssessment
) -> pd.DataFrame:
    """People per domain of ``variant`` and typical answer, zeros included, in
    content order.

    Columns ``variant``, ``domain``, ``title``, ``answer``, ``label``, ``count``,
    ``share`` (of the people counted in that domain).
    """
    counts = typical.groupby(["domain", "typical"]).size()
    people_in = typical.groupby("domain").size()
    rows = []
    for domain in variant.domains:
        people = int(people_in.get(domain.key, 0))
        for answer in content.answer_keys:
            count = int(counts.get((domain.key, answer), 0))
            rows.append(
                (variant.key, domain.key, domain.title, answer,
                 content.answer_label(answer), count,
                 count / people if people else 0.0)
            )  # fmt: skip
    columns = ["variant", "domain", "title", "answer", "label", "count", "share"]
    return pd.DataFrame(rows, columns=columns)


def released_domains(counts: pd.DataFrame, k: int) -> pd.DataFrame:
    """``domain_counts`` through the gate: per domain, adjacent answers merge
    until each group holds k people ("Never or sometimes"), "prefer not to say"
    standing apart. One row per group (see ``coarsen_frame``), with ``share`` of
    the people counted in that domain (None when hidden)."""
    groups = coarsen_frame(
        counts, "count", k, key="answer", label="label",
        by=["variant", "domain", "title"], outside=[PREFER_NOT],
    )  # fmt: skip
    people = counts.groupby("domain")["count"].sum()
    groups["share"] = [
        None if n is None or not people[d] else int(n) / int(people[d])
        for n, d in zip(groups["count"], groups["domain"], strict=True)
    ]
    return groups


# --- identities and zones -------------------------------------------------------


#: The group that merges identities too few (or too many) people chose to name.
ANOTHER_IDENTITY = N_("another identity")
OTHER_IDENTITIES = "_merged"


def identity_counts(
    reflections: pd.DataFrame, people: frozenset[str], content: SelfAssessment, k: int
) -> pd.DataFrame:
    """How many of ``people`` chose each identity, withheld where the gate says.

    Per question, an identity is named when at least k chose it and k did not.
    The others merge into one group ("Class or another identity": the people
    who chose any of them), shown when it too holds k and leaves k out; so a
    room of 6 where 3 named class or religion still sees that. Columns
    ``question``, ``identity`` (``OTHER_IDENTITIES`` for the merged group),
    ``label``, ``count`` (None when withheld), ``hidden``, ``merged``.
    """
    latest = latest_per(reflections, ["participant", "question"])
    latest = latest.loc[latest["participant"].isin(people)]
    chosen = latest[["participant", "question", "identities"]].explode("identities")
    chosen = chosen.dropna()
    counts = chosen.groupby(["question", "identities"]).size()
    rows: list[tuple[object, ...]] = []
    for question in content.identity_questions:
        rest = []
        for choice in content.identities:
            count = int(counts.get((question.key, choice.key), 0))
            split = release_partition({"chose": count, "not": len(people) - count}, k)
            shown = split["chose"]
            rows.append((question.key, choice.key, choice.label, shown, shown is None))
            if shown is None:
                rest.append((count, choice))
        rows += _other_identities(chosen, question.key, rest, len(people), k)
    frame = pd.DataFrame(
        rows, columns=["question", "identity", "label", "count", "hidden"]
    )
    frame["merged"] = frame["identity"] == OTHER_IDENTITIES
    return frame


def _other_identities(
    chosen: pd.DataFrame,
    question: str,
    rest: list[tuple[int, Any]],
    people: int,
    k: int,
) -> list[tuple[object, ...]]:
    """The merged row of one question's unnamed identities, when it may be shown."""
    keys = {choice.key for _, choice in rest}
    if len(keys) < 2:
        return []
    mine = chosen.loc[
        (chosen["question"] == question) & chosen["identities"].isin(keys)
    ]
    union = int(mine["participant"].nunique())
    split = release_partition({"chose": union, "not": people - union}, k)
    if split["chose"] is None:
        return []
    ranked = [choice.label for _, choice in sorted(rest, key=lambda r: -r[0])]
    label = group_label(ranked, ANOTHER_IDENTITY)
    return [(question, OTHER_IDENTITIES, label, union, False)]


def identities_note(identities: pd.DataFrame, k: int) -> str:
    """Say that some identities are not named, and why, without saying which."""
    if not identities["hidden"].any():
        return ""
    return (
        f"Identities chosen by fewer than {k} people, or by all but a few, "
        "are not named."
    )


def variant_waits(label: str, k: int) -> str:
    """What a shared screen says for a variant not released yet (whoever used it)."""
    text = shown_once(k, "people using these statements have finished")
    return f"{label}: {text[0].lower()}{text[1:]}"


def zone_counts(
    zones: pd.DataFrame, moment: str, people: frozenset[str], content: SelfAssessment
) -> pd.DataFrame:
    """People of ``people`` in each zone at ``moment``: ``moment``, ``zone``,
    ``label``, ``count`` (zeros included, before the gate)."""
    latest = latest_per(zones, ["participant", "moment"])
    latest = latest.loc[
        (latest["moment"] == moment) & latest["participant"].isin(people)
    ]
    counts = latest["zone"].value_counts()
    return pd.DataFrame(
        {
            "moment": moment,
            "zone": [z.key for z in content.zones],
            "label": [z.label for z in content.zones],
            "count": [int(counts.get(z.key, 0)) for z in content.zones],
        }
    )


# --- what the room may see ------------------------------------------------------


@dataclass(frozen=True)
class VariantResults:
    """One variant's domains as of its own latest release (None before the first)."""

    variant: Variant
    release: ReleaseState
    domains: pd.DataFrame | None


@dataclass(frozen=True)
class RoomResults:
    """The released figures; a frame is None until its first release."""

    inventory: ReleaseState
    end: ReleaseState
    variants: tuple[VariantResults, ...]
    identities: pd.DataFrame | None
    zones: pd.DataFrame | None

    @property
    def key(self) -> tuple[int, ...]:
        """Changes exactly when something the room sees may change."""
        batches = (_batch(v.release) for v in self.variants)
        return (_batch(self.inventory), _batch(self.end), *batches, self.inventory.k)

    def domains(self, variant: str) -> pd.DataFrame | None:
        """The released domains of ``variant`` (None before its first release)."""
        return next(
            (v.domains for v in self.variants if v.variant.key == variant), None
        )


def _batch(state: ReleaseState) -> int:
    return state.latest.batch if state.latest else 0


def variant_results(
    records: Sequence[Recorded], content: SelfAssessment
) -> tuple[VariantResults, ...]:
    """Each variant's domains through its own batched release and the gate."""
    variants = submission_variants(records, content)
    every_answer = kind_frame(records, SelfAssessmentAnswered.kind)
    results = []
    for variant in content.variants:
        release = batched_release(
            records, submitted_in(variants, variant.key), reveal=ACTIVITY
        )
        domains = None
        if release.latest is not None:
            latest = release.latest
            seen = every_answer.loc[  # what ``latest.visible`` keeps, as a frame
                (every_answer["id"] <= latest.cutoff)
                & every_answer["participant"].isin(latest.people)
            ]
            answers = latest_per(seen, ["participant", "item"])
            counts = domain_counts(
                typical_answers(answers, variant, content), variant, content
            )
            domains = released_domains(counts, release.k)
        results.append(VariantResults(variant, release, domains))
    return tuple(results)


def room_results(records: Sequence[Recorded], content: SelfAssessment) -> RoomResults:
    """Domains per variant, identities and zones as of their latest releases."""
    inventory = batched_release(records, submitted_by, reveal=ACTIVITY)
    end = batched_release(records, end_zone_by, reveal=ACTIVITY)
    k = inventory.k
    identities = None
    zone_frames = []
    if inventory.latest is not None:
        seen = inventory.latest.visible(records, person_of)
        reflections = kind_frame(seen, IdentityReflected.kind)
        identities = identity_counts(reflections, inventory.latest.people, content, k)
        zone_frames.append(
            zone_counts(
                kind_frame(seen, ZoneChecked.kind),
                "start",
                inventory.latest.people,
                content,
            )
        )
    if end.latest is not None:
        seen = end.latest.visible(records, person_of)
        zone_frames.append(
            zone_counts(
                kind_frame(seen, ZoneChecked.kind), "end", end.latest.people, content
            )
        )
    zones = None
    if zone_frames:
        every = pd.concat(zone_frames, ignore_index=True)
        zones = coarsen_frame(
            every, "count", k, key="zone", label="label", by=["moment"]
        )
    variants = variant_results(records, content)
    return RoomResults(inventory, end, variants, identities, zones)
