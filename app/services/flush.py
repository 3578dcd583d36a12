"""Flushing an edit: a lost update (another organiser's save) or a broken rule of the schema
becomes the user-facing error, never a raw StaleDataError or IntegrityError."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.domain.errors import ConflictError
from app.i18n import N_, _
from app.services.integrity import integrity_problem

SQLITE_BUSY_SNAPSHOT = 517  # another connection committed since this transaction read

# Translators: these names go inside sentences such as "another organiser deleted this {entity}".
ENTITY_LABELS = {
    "action": N_("action"),
    "contact": N_("key contact"),
    "role": N_("role"),
    "participant": N_("participant"),
    "assignment": N_("assignment"),
    "cue": N_("cue"),
    "prop": N_("prop"),
    "release": N_("press release"),
    "advisory": N_("media advisory"),
    "task": N_("task"),
    "media_contact": N_("media contact"),
    "incident": N_("incident"),
    # Translators: a piece of press coverage (an article, a broadcast) of the action
    "coverage": N_("press coverage"),
}


def entity_label(entity: str) -> str:
    """The entity's name in the UI language, to go inside a sentence."""
    return _(ENTITY_LABELS[entity])


def conflict(entity: str, row_id: int | None) -> ConflictError:
    return ConflictError(
        _("somebody else changed this {entity} since you opened it").format(
            entity=entity_label(entity)
        ),
        entity=entity,
        entity_id=row_id,
    )


def flush_or_conflict(session: Session, entity: str, row_id: int | None = None) -> None:
    try:
        session.flush()
    except StaleDataError as exc:
        session.rollback()
        raise conflict(entity, row_id) from exc
    except OperationalError as exc:
        if getattr(exc.orig, "sqlite_errorcode", None) != SQLITE_BUSY_SNAPSHOT:
            raise
        session.rollback()
        raise conflict(entity, row_id) from exc
    except IntegrityError as exc:
        session.rollback()
        raise integrity_problem(exc) from exc
