"""Which group a user belongs to, for filing their content under the right group."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Group, GroupMember


def member_group(session: Session, *, workspace_id: str, user_id: str) -> Group | None:
    """The (oldest) group in which the user is a member, or None."""
    query = (
        select(Group)
        .join(GroupMember, GroupMember.group_id == Group.id)
        .where(Group.workspace_id == workspace_id, GroupMember.user_id == user_id)
        .where(GroupMember.role == "member")
        .order_by(Group.id)
        .limit(1)
    )
    return session.scalars(query).first()
