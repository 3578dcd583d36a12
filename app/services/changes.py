"""What an edit changed, so views refresh only what they show."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    entity: str  # action | role | participant | assignment | cue | prop | release | task | …
    ids: tuple[int, ...]
    kind: str  # created | updated | deleted | restored | reloaded
    action_id: int | None = None
    #: made by another organiser (live updates), not by an edit in this window; ``ids`` ()
    #: then means "any row of that entity"
    remote: bool = False

    def touches(self, entity: str) -> bool:
        return self.entity == entity or self.entity == "*"


EVERYTHING = Change("*", (), "reloaded", None)
