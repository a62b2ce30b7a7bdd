"""Teams ids fit the 32-character columns, round-trip, and never look like Slack's."""

from __future__ import annotations

import re

from bot.teams import ids

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
AAD = "00000000-0000-4000-8000-00000000000a"


def test_tenants_and_people_round_trip_within_32_characters() -> None:
    workspace = ids.workspace_id(TENANT)
    user = ids.user_id(AAD, "29:abc")
    assert len(workspace) <= 32 and len(user) <= 32
    assert ids.tenant_of(workspace) == TENANT and ids.aad_object_id(user) == AAD
    assert ids.is_teams_workspace(workspace)
    assert not ids.is_teams_workspace("T0123ABCD") and not ids.is_teams_workspace("E0123ABCD")


def test_user_ids_match_the_bare_id_pattern_supervision_understands() -> None:
    assert re.fullmatch(r"[UW][A-Z0-9]{2,}", ids.user_id(AAD))
    hashed = ids.user_id(None, "29:emulator-user")
    assert hashed.startswith("W") and ids.aad_object_id(hashed) is None
    assert ids.user_id(None, "29:emulator-user") == hashed, "stable"


def test_channel_keys_ignore_the_thread_and_fit() -> None:
    base = "19:0123456789abcdef0123456789abcdef@thread.tacv2"
    key = ids.channel_key(base + ";messageid=1700000000000")
    assert key == ids.channel_key(base) and key.startswith("C") and len(key) <= 32
