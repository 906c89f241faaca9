"""The poll's question, from ``poll.yaml`` beside it, as real activities load theirs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from facilitate.core.content import Choice, load_yaml, require, require_list


@dataclass(frozen=True)
class PollContent:
    prompt: str
    choices: tuple[Choice, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(choice.key for choice in self.choices)


@lru_cache(maxsize=1)
def load_poll() -> PollContent:
    """The question, read once through ``importlib.resources`` from this folder."""
    source = "poll.yaml"
    raw = load_yaml(source, __package__)
    choices = tuple(
        Choice(str(require(c, "key", source)), str(require(c, "label", source)))
        for c in require_list(raw, "choices", source)
    )
    return PollContent(str(require(raw, "prompt", source)), choices)
