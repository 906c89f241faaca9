"""The protocol's fixed words: the four categories of cause and the limits.

The categories are those an equity audit asks about: the **policies**,
**practices**, **attitudes and beliefs** and **cultural messages** that make a
student's outcome predictable from who they are. Each carries a one-line hint
so a participant can place a cause without a lecture. Pure Python: participant
kernels load it.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitate.core.language import N_


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    hint: str


CATEGORIES = (
    Category("policies", N_("Policies"), N_("Written rules, codes and procedures")),
    Category("practices", N_("Practices"), N_("What adults do, day to day")),
    Category(
        "beliefs",
        N_("Attitudes and beliefs"),
        N_("What people assume or expect about students"),
    ),
    Category(
        "messages",
        N_("Cultural messages"),
        N_("What the school's culture tells students about who belongs"),
    ),
)
CATEGORY_KEYS = tuple(category.key for category in CATEGORIES)
LABELS = {category.key: category.label for category in CATEGORIES}
#: A cause and its "why?" follow-ups form a chain at most this deep (five whys).
MAX_DEPTH = 5
VOTES_EACH = 3
CAUSE_LIMIT = 200
CAUSE_PROMPT = N_("What might cause this difference?")
WHY_PROMPT = N_("Why does that happen?")
NO_FINDING = N_(
    "No finding has been shared yet. When the leader shares one from the "
    "district's data, you can name what might cause it here."
)
