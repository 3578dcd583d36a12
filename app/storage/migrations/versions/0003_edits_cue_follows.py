"""A chained cue follows one named predecessor (cue.follows_id)

Revision ID: 0003_edits
Revises: 0003_team
Create Date: 2026-12-02 03:00:00

Before, ``cue.chained`` meant "starts when the cue before it by start time ends", so adding a
parallel cue moved every chained cue after it. Now a chained cue names the cue it follows. The
upgrade gives every chained cue the cue before it by start time (what it followed until now).
The column is added in place (SQLite's ADD COLUMN, no table rebuild): rebuilding ``cue`` with
foreign keys on would cascade into its role, participant and prop links. ``chained`` stays as a
legacy column the app no longer reads (dropping it needs that rebuild); the downgrade fills it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_edits"
down_revision = "0003_team"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # ADD COLUMN with its REFERENCES clause: no rebuild (alembic would rebuild for the FK)
        op.execute(
            "ALTER TABLE cue ADD COLUMN follows_id INTEGER "
            "CONSTRAINT fk_cue_follows_id_cue REFERENCES cue (id) ON DELETE SET NULL"
        )
    else:
        op.add_column("cue", sa.Column("follows_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_cue_follows_id_cue", "cue", "cue", ["follows_id"], ["id"], ondelete="SET NULL"
        )
    op.create_index("ix_cue_follows_id", "cue", ["follows_id"], unique=False)
    conn = op.get_bind()
    cue = sa.table(
        "cue",
        sa.column("id", sa.Integer),
        sa.column("action_id", sa.Integer),
        sa.column("starts_at", sa.DateTime),
        sa.column("chained", sa.Boolean),
        sa.column("follows_id", sa.Integer),
    )
    rows = conn.execute(
        sa.select(cue.c.id, cue.c.action_id, cue.c.chained).order_by(
            cue.c.action_id, cue.c.starts_at, cue.c.id
        )
    ).all()
    previous: dict[int, int] = {}
    for row in rows:
        before = previous.get(row.action_id)
        if row.chained and before is not None:
            conn.execute(sa.update(cue).where(cue.c.id == row.id).values(follows_id=before))
        previous[row.action_id] = row.id


def downgrade() -> None:
    conn = op.get_bind()
    cue = sa.table("cue", sa.column("chained", sa.Boolean), sa.column("follows_id", sa.Integer))
    conn.execute(sa.update(cue).values(chained=cue.c.follows_id.isnot(None)))
    op.drop_index("ix_cue_follows_id", table_name="cue")
    with op.batch_alter_table("cue", schema=None) as batch_op:
        batch_op.drop_column("follows_id")
