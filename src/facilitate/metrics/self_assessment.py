"""Group views of the self-assessment that never expose one person.

Only people who have *submitted* count towards the inventory and identity
aggregates: partial answers would let a neighbour watch the projected chart move as
someone clicks. A domain is drawn only when at least k people gave it a scale answer
("prefer not to say" is counted and shown, but does not make a group big enough),
and an identity is named only when at least k people chose it.
"""

from __future__ import annotations

import pandas as pd

from facilitate.frames import latest_per
from facilitate.metrics.privacy import is_shown, needs_more
from facilitate.self_assessment.content import PREFER_NOT, SelfAssessment


def finished_count(submitted: pd.DataFrame) -> int:
    """How many different people have submitted (a re-submission counts once)."""
    return int(submitted["participant"].nunique())


def submitted_answers(answers: pd.DataFrame, submitted: pd.DataFrame) -> pd.DataFrame:
    """Latest answer per person and statement, for people who submitted.

    Returns columns ``participant``, ``item``, ``answer``, sorted by both keys.
    """
    done = set(submitted["participant"])
    latest = latest_per(answers, ["participant", "item"])
    kept = latest.loc[
        latest["participant"].isin(done), ["participant", "item", "answer"]
    ]
    return kept.sort_values(["participant", "item"]).reset_index(drop=True)


def _with_domain(latest: pd.DataFrame, content: SelfAssessment) -> pd.DataFrame:
    domains = {item.key: item.domain for item in content.items}
    known = latest.loc[
        latest["item"].isin(domains) & latest["answer"].isin(content.answer_keys)
    ]
    return known.assign(domain=known["item"].map(domains))


def domain_people(latest: pd.DataFrame, content: SelfAssessment) -> pd.DataFrame:
    """People with at least one scale answer (not "prefer not") per domain.

    Returns columns ``domain``, ``title``, ``people`` in the content's domain order.
    """
    rated = _with_domain(latest, content)
    rated = rated.loc[rated["answer"] != PREFER_NOT]
    people = rated.groupby("domain")["participant"].nunique()
    return pd.DataFrame(
        {
            "domain": [d.key for d in content.domains],
            "title": [d.title for d in content.domains],
            "people": [int(people.get(d.key, 0)) for d in content.domains],
        }
    )


def domain_distribution(
    latest: pd.DataFrame, content: SelfAssessment, k: int
) -> pd.DataFrame:
    """How often each answer was given in each domain with at least k people.

    Returns columns ``domain``, ``title``, ``answer``, ``label``, ``count``, ``share``
    (of all answers in that domain, "prefer not" included), one row per domain and
    answer in content order; domains under k have no rows at all.
    """
    people = domain_people(latest, content).set_index("domain")["people"]
    rated = _with_domain(latest, content)
    counts = rated.groupby(["domain", "answer"]).size()
    rows = []
    for domain in content.domains:
        if not is_shown(int(people[domain.key]), k):
            continue
        given = [int(counts.get((domain.key, a), 0)) for a in content.answer_keys]
        for answer, count in zip(content.answer_keys, given, strict=True):
            rows.append(
                (domain.key, domain.title, answer, content.answer_label(answer),
                 count, count / sum(given))
            )  # fmt: skip
    columns = ["domain", "title", "answer", "label", "count", "share"]
    return pd.DataFrame(rows, columns=columns)


def domain_notes(people: pd.DataFrame, k: int) -> list[str]:
    """What to say in place of each domain under k (``domain_people`` output).

    One sentence when no domain can be drawn yet, else one per hidden domain.
    """
    counts = [int(n) for n in people["people"].tolist()]
    titles = [str(t) for t in people["title"].tolist()]
    if counts and not any(is_shown(n, k) for n in counts):
        return [f"Domain results: {needs_more(max(counts), k)}"]
    return [
        f"{title}: {needs_more(n, k)}"
        for title, n in zip(titles, counts, strict=True)
        if not is_shown(n, k)
    ]


def identity_notes(people: pd.DataFrame, k: int) -> list[str]:
    """What to say in place of each identity question under k (``identity_people``)."""
    counts = [int(n) for n in people["people"].tolist()]
    prompts = [str(p) for p in people["prompt"].tolist()]
    return [
        f"{prompt} {needs_more(n, k)}"
        for prompt, n in zip(prompts, counts, strict=True)
        if not is_shown(n, k)
    ]


def identity_people(
    reflections: pd.DataFrame, submitted: pd.DataFrame, content: SelfAssessment
) -> pd.DataFrame:
    """People who answered each identity question (an empty choice counts too).

    Returns columns ``question``, ``prompt``, ``people`` in content order.
    """
    latest = _latest_identities(reflections, submitted)
    people = latest.groupby("question")["participant"].nunique()
    return pd.DataFrame(
        {
            "question": [q.key for q in content.identity_questions],
            "prompt": [q.prompt for q in content.identity_questions],
            "people": [int(people.get(q.key, 0)) for q in content.identity_questions],
        }
    )


def _latest_identities(
    reflections: pd.DataFrame, submitted: pd.DataFrame
) -> pd.DataFrame:
    latest = latest_per(reflections, ["participant", "question"])
    return latest.loc[latest["participant"].isin(set(submitted["participant"]))]


def identity_counts(
    reflections: pd.DataFrame,
    submitted: pd.DataFrame,
    content: SelfAssessment,
    k: int,
) -> pd.DataFrame:
    """Anonymous counts of chosen identities, only those chosen by at least k people.

    Returns columns ``question``, ``identity``, ``label``, ``count`` in content order.
    """
    latest = _latest_identities(reflections, submitted)
    chosen = latest[["question", "identities"]].explode("identities").dropna()
    counts = chosen.groupby(["question", "identities"]).size()
    rows = [
        (
            question.key,
            choice.key,
            choice.label,
            int(counts[(question.key, choice.key)]),
        )
        for question in content.identity_questions
        for choice in content.identities
        if is_shown(int(counts.get((question.key, choice.key), 0)), k)
    ]
    return pd.DataFrame(rows, columns=["question", "identity", "label", "count"])


def zone_people(zones: pd.DataFrame) -> dict[str, int]:
    """How many people placed themselves at each moment (``start``, ``end``)."""
    latest = latest_per(zones, ["participant", "moment"])
    counts = latest.groupby("moment")["participant"].nunique()
    return {moment: int(counts.get(moment, 0)) for moment in ("start", "end")}


def zone_counts(zones: pd.DataFrame, content: SelfAssessment, k: int) -> pd.DataFrame:
    """Zone counts at the start and end, each moment only once k people answered.

    Returns columns ``moment``, ``zone``, ``label``, ``count``; a moment under k
    has no rows.
    """
    latest = latest_per(zones, ["participant", "moment"])
    counts = latest.groupby(["moment", "zone"]).size()
    people = zone_people(zones)
    rows = [
        (moment, zone.key, zone.label, int(counts.get((moment, zone.key), 0)))
        for moment in ("start", "end")
        if is_shown(people[moment], k)
        for zone in content.zones
    ]
    return pd.DataFrame(rows, columns=["moment", "zone", "label", "count"])
