"""The registry of readiness rules: one small function per kind of problem.

A rule reads a ``Plan`` and returns an ``Outcome``: the problems it found, and how many things of
its kind the plan needs (``needs``) and lacks (``unmet``). The readiness score is computed from
those counts — seats to fill, cues to place, props to bring, people to confirm — not from how
many kinds of check exist. Rules of one ``need`` group judge the same thing (the declaration is
missing, late or early): the group counts once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.services.readiness_plan import Plan, ReadinessProblem


@dataclass
class Outcome:
    needs: int = 0
    problems: list[ReadinessProblem] = field(default_factory=list)
    unmet: int | None = None  # None: one unmet need per problem

    @property
    def missing(self) -> int:
        unmet = len(self.problems) if self.unmet is None else self.unmet
        return min(unmet, self.needs)


@dataclass(frozen=True)
class Rule:
    kind: str
    check: Callable[[Plan], Outcome]
    #: False: the rule also holds for done and cancelled actions (the purge reminder)
    live_only: bool = True
    need: str = ""

    @property
    def group(self) -> str:
        return self.need or self.kind


RULES: dict[str, Rule] = {}


def rule(
    kind: str, *, live_only: bool = True, need: str = ""
) -> Callable[[Callable[[Plan], Outcome]], Callable[[Plan], Outcome]]:
    """Register ``function`` as the check for ``kind``."""

    def register(function: Callable[[Plan], Outcome]) -> Callable[[Plan], Outcome]:
        if kind in RULES:
            raise ValueError(f"two readiness rules for {kind!r}")
        RULES[kind] = Rule(kind, function, live_only, need)
        return function

    return register


def problem(kind: str, message: str, entity: str, entity_id: int) -> ReadinessProblem:
    return ReadinessProblem(kind, message, entity, entity_id)
