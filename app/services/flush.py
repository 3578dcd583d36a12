"""Flushing an edit: a lost update (another organiser's save) or a broken rule of the schema
becomes the user-facing error, never a raw StaleDataError or IntegrityError."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.domain.errors import ConflictError, DomainError
from app.i18n import _

SQLITE_BUSY_SNAPSHOT = 517  # another connection committed since this transaction read

ENTITY_LABELS = {
    "action": "action",
    "contact": "key contact",
    "role": "role",
    "participant": "participant",
    "assignment": "assignment",
    "cue": "cue",
    "prop": "prop",
    "release": "press release",
    "task": "task",
    "media_contact": "media contact",
}


def conflict(entity: str, row_id: int | None) -> ConflictError:
    return ConflictError(
        _("somebody else changed this {entity} since you opened it").format(
            entity=ENTITY_LABELS[entity]
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
        raise DomainError(
            _("the change breaks a rule of the plan: {reason}").format(
                reason=str(exc.orig).splitlines()[0]
            )
        ) from exc
