"""teams conversations: stored conversation references for proactive Teams messages

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 09:00:00.000000

Why: Teams lets a bot message a person or channel proactively only through a conversation
reference learned on an earlier contact, so check-ins, reminders and digests sent to Teams need
a durable record of those references (a restart or a second replica must not forget them).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ``teams_conversations``, unique on (workspace, target)."""
    op.create_table(
        "teams_conversations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.String(length=32), nullable=False),
        sa.Column("target_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reference", sa.String(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams_conversations")),
        sa.UniqueConstraint(
            "workspace_id", "target_id", name=op.f("uq_teams_conversations_workspace_id")
        ),
    )


def downgrade() -> None:
    """Drop what :func:`upgrade` added."""
    op.drop_table("teams_conversations")
