"""Which group a user belongs to, for filing their content under the right group."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from sqlalchemy import func, select
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


LOOKUP_CHUNK = 500
"""Ids per ``IN (...)`` list: well under SQLite's and PostgreSQL's bound-parameter limits."""


def member_groups(
    session: Session, *, workspace_id: str, user_ids: Collection[str]
) -> Iterator[tuple[str, int]]:
    """``(user_id, group_id)`` for each of the users who is a member somewhere: their oldest group.

    The batched form of :func:`member_group` (same choice of group), for writers that file many
    people's counts at once.
    """
    ordered = sorted(user_ids)
    for start in range(0, len(ordered), LOOKUP_CHUNK):
        chunk = ordered[start : start + LOOKUP_CHUNK]
        query = (
            select(GroupMember.user_id, func.min(Group.id))
            .join(Group, GroupMember.group_id == Group.id)
            .where(Group.workspace_id == workspace_id, GroupMember.user_id.in_(chunk))
            .where(GroupMember.role == "member")
            .group_by(GroupMember.user_id)
        )
        for user_id, group_id in session.execute(query):
            yield str(user_id), int(group_id)
