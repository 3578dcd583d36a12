"""Double-booking by a sorted sweep: the pairs of cues that overlap, and who is in both.

Cues are sorted by start once; a sweep keeps the cues still running, so each cue is compared only
with the cues it overlaps (not with every other cue, and never once per person). Intervals are
half-open: a cue ending at 10:00 does not overlap one starting at 10:00. The people of a cue are
its direct participants plus everybody assigned to one of its roles; cues with the same roles and
people share one set, and each clashing pair is reported once with everybody in both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


class Span(Protocol):
    id: int
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True, slots=True)
class CuePair:
    first: int  # cue ids, ``first`` starts first (or at the same time with the lower id)
    second: int
    people: frozenset[int]


def overlapping(spans: Iterable[Span]) -> Iterator[tuple[Span, Span]]:
    """Every pair of spans that overlap, each once, the earlier first."""
    active: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.starts_at, s.id)):
        start = span.starts_at
        active = [a for a in active if a.ends_at > start]
        for earlier in active:
            yield earlier, span
        if span.ends_at > start:
            active.append(span)


def clashing_pairs(
    spans: Iterable[Span],
    *,
    roles_of: dict[int, Iterable[int]],
    direct_of: dict[int, Iterable[int]],
    people_of_role: dict[int, set[int]],
) -> list[CuePair]:
    """Pairs of overlapping cues that share at least one person, in time order."""
    shared: dict[tuple[tuple[int, ...], tuple[int, ...]], frozenset[int]] = {}
    people: dict[int, frozenset[int]] = {}
    spans = list(spans)
    for span in spans:
        key = (tuple(sorted(roles_of.get(span.id, ()))), tuple(sorted(direct_of.get(span.id, ()))))
        who = shared.get(key)
        if who is None:
            members: set[int] = set(key[1])
            for rid in key[0]:
                members |= people_of_role.get(rid, set())
            who = shared[key] = frozenset(members)
        people[span.id] = who
    out = []
    for first, second in overlapping(spans):
        both = people[first.id] & people[second.id]
        if both:
            out.append(CuePair(first.id, second.id, both))
    return out
