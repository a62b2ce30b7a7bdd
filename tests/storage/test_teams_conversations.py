"""Stored Teams conversation references: one row per target, never downgraded, zones refreshed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storage.db import Database
from storage.teams import KIND_CHANNEL, KIND_CONTACT, KIND_PERSONAL, TeamsConversationRepository

CHANNEL_REF = {"conversation": {"id": "19:general@thread.tacv2"}, "serviceUrl": "https://smba.example/"}
PERSONAL_REF = {"conversation": {"id": "a:1on1"}, "serviceUrl": "https://smba.example/"}


@pytest.fixture
def repo(database_url: str) -> Iterator[TeamsConversationRepository]:
    db = Database(database_url)
    db.upgrade()
    yield TeamsConversationRepository(db=db)
    db.dispose()


def test_first_contact_is_stored_and_read_back(repo: TeamsConversationRepository) -> None:
    assert repo.get("M1", "U1") is None
    assert repo.remember(workspace_id="M1", target_id="U1", kind=KIND_PERSONAL, reference=PERSONAL_REF)
    ref = repo.get("M1", "U1")
    assert ref is not None and ref.kind == KIND_PERSONAL and ref.reference == PERSONAL_REF
    assert repo.get("M2", "U1") is None, "another tenant never sees it"


def test_unchanged_contacts_write_nothing(repo: TeamsConversationRepository) -> None:
    repo.remember(workspace_id="M1", target_id="U1", kind=KIND_PERSONAL, reference=PERSONAL_REF)
    assert not repo.remember(workspace_id="M1", target_id="U1", kind=KIND_PERSONAL, reference=PERSONAL_REF)


def test_a_channel_contact_never_replaces_the_personal_chat(repo: TeamsConversationRepository) -> None:
    repo.remember(workspace_id="M1", target_id="U1", kind=KIND_PERSONAL, reference=PERSONAL_REF)
    changed = repo.remember(
        workspace_id="M1", target_id="U1", kind=KIND_CONTACT, reference=CHANNEL_REF, timezone="Europe/Oslo"
    )
    ref = repo.get("M1", "U1")
    assert changed and ref is not None
    assert ref.kind == KIND_PERSONAL and ref.reference == PERSONAL_REF
    assert ref.timezone == "Europe/Oslo", "the zone is still refreshed"


def test_a_contact_is_upgraded_to_personal_and_forgotten(repo: TeamsConversationRepository) -> None:
    repo.remember(workspace_id="M1", target_id="U1", kind=KIND_CONTACT, reference=CHANNEL_REF)
    repo.remember(workspace_id="M1", target_id="U1", kind=KIND_PERSONAL, reference=PERSONAL_REF)
    ref = repo.get("M1", "U1")
    assert ref is not None and ref.kind == KIND_PERSONAL
    repo.remember(workspace_id="M1", target_id="C1", kind=KIND_CHANNEL, reference=CHANNEL_REF)
    assert repo.forget("M1", "C1") and repo.get("M1", "C1") is None
    assert not repo.forget("M1", "C1")


def test_unknown_kinds_are_refused(repo: TeamsConversationRepository) -> None:
    with pytest.raises(ValueError):
        repo.remember(workspace_id="M1", target_id="U1", kind="group", reference={})
