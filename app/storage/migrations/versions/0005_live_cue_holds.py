"""Live mode: the holds of a cue (issue #19)

Revision ID: 0005_live
Revises: 0004_day

- ``cue.held_seconds``: how long the caller held the action (P in live mode) while this cue
  ran. The projection of later cues adds it; planned times are never changed.

Added in place (SQLite's ADD COLUMN): rebuilding ``cue`` would cascade into its links.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_live"
down_revision = "0004_day"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "cue", sa.Column("held_seconds", sa.Integer(), nullable=False, server_default="0")
    )


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+), not a batch rebuild that would cascade into links
    op.drop_column("cue", "held_seconds")
