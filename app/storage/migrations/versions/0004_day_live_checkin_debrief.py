"""The day itself: live mode, check-in and the debrief (issue #19)

Revision ID: 0004_day
Revises: 0003_pack

- ``cue.actual_start`` / ``cue.actual_end``: what the caller recorded in live mode;
- ``action.live_cue_id`` / ``action.live_paused_at``: the live position (others on a shared
  server see it) and a hold in progress; ``action.lessons``: the debrief's lessons;
- ``assignment.attended_at``: when the steward checked the person in;
- ``prop.condition``: how a prop came back ("", intact, damaged, lost);
- tables ``incident`` (the day's log) and ``press_coverage``.

Every column is added in place (SQLite's ADD COLUMN): rebuilding ``cue`` or ``prop`` with foreign
keys on would cascade into their links.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_day"
down_revision = "0003_pack"
branch_labels = None
depends_on = None

_CONDITION = "condition IN ('', 'intact', 'damaged', 'lost')"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column("cue", sa.Column("actual_start", sa.DateTime(), nullable=True))
    op.add_column("cue", sa.Column("actual_end", sa.DateTime(), nullable=True))
    op.add_column("action", sa.Column("live_cue_id", sa.Integer(), nullable=True))
    op.add_column("action", sa.Column("live_paused_at", sa.DateTime(), nullable=True))
    op.add_column(
        "action", sa.Column("lessons", sa.Text(), nullable=False, server_default="")
    )
    op.add_column("assignment", sa.Column("attended_at", sa.DateTime(), nullable=True))
    if sqlite:
        # ADD COLUMN with its CHECK clause: no rebuild of prop (its links would cascade away)
        op.execute(
            "ALTER TABLE prop ADD COLUMN condition VARCHAR(16) DEFAULT '' NOT NULL "
            f"CONSTRAINT ck_prop_condition CHECK ({_CONDITION})"
        )
    else:
        op.add_column(
            "prop",
            sa.Column("condition", sa.String(16), nullable=False, server_default=""),
        )
        op.create_check_constraint("condition", "prop", _CONDITION)
    op.create_table(
        "incident",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "action_id",
            sa.Integer(),
            sa.ForeignKey("action.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("cue_id", sa.Integer(), sa.ForeignKey("cue.id", ondelete="SET NULL")),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_incident_action_id", "incident", ["action_id"])
    op.create_table(
        "press_coverage",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "action_id",
            sa.Integer(),
            sa.ForeignKey("action.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("outlet", sa.String(200), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_press_coverage_action_id", "press_coverage", ["action_id"])


def downgrade() -> None:
    op.drop_index("ix_press_coverage_action_id", "press_coverage")
    op.drop_table("press_coverage")
    op.drop_index("ix_incident_action_id", "incident")
    op.drop_table("incident")
    for table, column in (
        ("prop", "condition"),
        ("assignment", "attended_at"),
        ("action", "lessons"),
        ("action", "live_paused_at"),
        ("action", "live_cue_id"),
        ("cue", "actual_end"),
        ("cue", "actual_start"),
    ):
        # SQLite's own DROP COLUMN (3.35+), not a batch rebuild that would cascade into links
        op.drop_column(table, column)
