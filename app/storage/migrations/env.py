"""Alembic environment: always given a live connection by app.storage.engine (batch mode)."""

from __future__ import annotations

from alembic import context

from app.domain.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the app always passes one
    raise RuntimeError("Cortège migrations run through app.storage.engine.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
