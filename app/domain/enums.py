"""Enumerations of the domain, as the bundle and the database spell them."""

from __future__ import annotations

from enum import StrEnum


class ActionStatus(StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    DONE = "done"
    CANCELLED = "cancelled"


class PropStatus(StrEnum):
    NEEDED = "needed"
    SOURCED = "sourced"
    READY = "ready"
    RETURNED = "returned"


class PropCondition(StrEnum):
    """How a prop came back from the action (the debrief); empty while nothing is known."""

    UNKNOWN = ""
    INTACT = "intact"
    DAMAGED = "damaged"
    LOST = "lost"


class ReleaseStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    SENT = "sent"


def values(enum: type[StrEnum]) -> list[str]:
    return [member.value for member in enum]
