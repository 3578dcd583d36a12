"""media advisories, photo-opportunity cues, notes to editors on releases

Revision ID: 0003_docs_press
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_docs_press"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cue", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("photo_opportunity", sa.Boolean(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("press_release", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("notes_to_editors", sa.Text(), nullable=False, server_default="")
        )
    op.create_table(
        "media_advisory",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("headline", sa.String(length=500), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("when_text", sa.Text(), nullable=False),
        sa.Column("where_text", sa.Text(), nullable=False),
        sa.Column("who", sa.Text(), nullable=False),
        sa.Column("photo", sa.Text(), nullable=False),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["action.id"],
            name=op.f("fk_media_advisory_action_id_action"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_media_advisory")),
        sa.UniqueConstraint("action_id", "language", name=op.f("uq_media_advisory_lang")),
    )
    with op.batch_alter_table("media_advisory", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_media_advisory_action_id"), ["action_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("media_advisory", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_media_advisory_action_id"))
    op.drop_table("media_advisory")
    with op.batch_alter_table("press_release", schema=None) as batch_op:
        batch_op.drop_column("notes_to_editors")
    with op.batch_alter_table("cue", schema=None) as batch_op:
        batch_op.drop_column("photo_opportunity")
