"""workspace lifecycle: pending deletions after an uninstall; prompt views know their workspace

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 09:00:00.000000

Why: ``app_uninstalled`` / ``tokens_revoked`` must remove a workspace's data after a grace
period, which needs a durable record of the uninstall (a process restart must not forget it), and
prompt views carried no workspace, so they could not be purged with the rest of the workspace.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ``workspace_lifecycle`` and ``prompt_views.workspace_id``."""
    op.create_table(
        "workspace_lifecycle",
        sa.Column("workspace_id", sa.String(length=32), nullable=False),
        sa.Column("event", sa.String(length=32), nullable=False),
        sa.Column("uninstalled_at", sa.DateTime(), nullable=False),
        sa.Column("purge_after", sa.DateTime(), nullable=False),
        sa.Column("purged_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("workspace_id", name=op.f("pk_workspace_lifecycle")),
    )
    with op.batch_alter_table("workspace_lifecycle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workspace_lifecycle_purge_after"), ["purge_after"], unique=False)
    with op.batch_alter_table("prompt_views", schema=None) as batch_op:
        batch_op.add_column(sa.Column("workspace_id", sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f("ix_prompt_views_workspace_id"), ["workspace_id"], unique=False)


def downgrade() -> None:
    """Drop what :func:`upgrade` added."""
    with op.batch_alter_table("prompt_views", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prompt_views_workspace_id"))
        batch_op.drop_column("workspace_id")
    with op.batch_alter_table("workspace_lifecycle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workspace_lifecycle_purge_after"))
    op.drop_table("workspace_lifecycle")
