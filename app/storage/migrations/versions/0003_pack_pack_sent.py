"""assignments remember whether the volunteer pack was sent to that person

Revision ID: 0003_pack
Revises: 0003_edits
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_pack"
# Chained after the head this branch started from, so the branch upgrades to one head; the
# merge re-chains 0003 revisions.
down_revision = "0003_edits"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assignment") as batch:
        batch.add_column(
            sa.Column("pack_sent", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("assignment") as batch:
        batch.drop_column("pack_sent")
