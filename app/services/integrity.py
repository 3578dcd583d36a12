"""A rule of the database refused a write: say which one in the user's words.

The services check their rules before writing, but two organisers saving at the same moment
both pass those checks; the database's own constraint then refuses the second. That is the same
mistake the check would have named ("this person already has this role"), not raw SQL text.
PostgreSQL names the constraint; SQLite names the table and columns.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from app.domain.errors import DomainError
from app.i18n import N_, _

# constraint name (PostgreSQL) or "table.column, …" (SQLite) -> (field, message)
_RULES: dict[str, tuple[str, str]] = {
    "uq_assignment_person_role": ("role_id", N_("this person already has this role")),
    "assignment.participant_id, assignment.role_id": (
        "role_id",
        N_("this person already has this role"),
    ),
    "uq_participant_alias_key": ("alias", N_("this alias is already somebody's alias")),
    "participant.alias_key": ("alias", N_("this alias is already somebody's alias")),
    "uq_action_slug": ("slug", N_("this slug is already used by another action")),
    "action.slug": ("slug", N_("this slug is already used by another action")),
}
for _table in ("role", "cue", "prop", "press_release"):
    _RULES[f"uq_{_table}_action_key"] = ("key", N_("this key is already used in this action"))
    _RULES[f"{_table}.action_id, {_table}.key"] = (
        "key",
        N_("this key is already used in this action"),
    )
_FOREIGN_KEY = N_("another organiser deleted something this change refers to; reload and retry")


def integrity_problem(exc: IntegrityError) -> DomainError:
    """The DomainError to raise for a constraint violation (never the server's own text)."""
    orig = exc.orig
    diag = getattr(orig, "diag", None)
    name = getattr(diag, "constraint_name", None) or ""
    if name in _RULES:
        field, message = _RULES[name]
        return DomainError(_(message), field=field)
    text = str(orig).splitlines()[0] if orig is not None else ""
    for key, (field, message) in _RULES.items():
        if text.endswith(key):
            return DomainError(_(message), field=field)
    if name.startswith("fk_") or "FOREIGN KEY" in text or "foreign key" in text:
        return DomainError(_(_FOREIGN_KEY))
    return DomainError(_("the change breaks a rule of the plan ({rule})").format(rule=name or text))
