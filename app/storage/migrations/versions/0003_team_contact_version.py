"""key contacts get a version counter, so team mode refuses lost updates on them too

Revision ID: 0003_team
Revises: 0003_docs_press
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_team"
down_revision = "0003_docs_press"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("key_contact") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("key_contact") as batch:
        batch.drop_column("version")
