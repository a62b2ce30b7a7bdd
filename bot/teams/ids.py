"""Teams ids -> the short ids the rest of the bot stores, and back.

The tables were sized for Slack's ids (``String(32)``): a Teams tenant id or Entra object id is a
36-character GUID, and channel conversation ids are longer still, so they would not fit on
PostgreSQL. A GUID is 16 bytes, which base32 writes in 26 upper-case letters and digits, so:

* a tenant becomes ``"M" + base32`` (27 characters; Slack team ids start with T or E and are
  short, so :func:`is_teams_workspace` can tell the platforms apart without a lookup);
* a person becomes ``"U" + base32`` of their Entra object id: reversible, so the people picker's
  ids and a stored member id are the same value, and it matches the bare-id pattern ``/supervision``
  already understands;
* a person without an Entra id (an emulator) becomes ``"W" + base32`` of a hash of the channel id;
* a channel becomes ``"C" + base32`` of a hash of its conversation id; the full reference lives in
  the ``teams_conversations`` table under that key.

No SDK import here, so the scheduler can route deliveries without the Teams extra installed.
"""

from __future__ import annotations

import base64
import hashlib
import uuid

WORKSPACE_PREFIX = "M"
USER_PREFIX = "U"
HASHED_USER_PREFIX = "W"
CHANNEL_PREFIX = "C"
_ENCODED_LENGTH = 26


def _b32(raw: bytes) -> str:
    return base64.b32encode(raw).decode("ascii").rstrip("=")


def _unb32(text: str) -> bytes | None:
    if len(text) != _ENCODED_LENGTH:
        return None
    try:
        return base64.b32decode(text + "=" * 6)
    except (ValueError, TypeError):
        return None


def _guid_bytes(value: str) -> bytes | None:
    try:
        return uuid.UUID(value.strip()).bytes
    except (ValueError, AttributeError):
        return None


def _hashed(prefix: str, value: str) -> str:
    return prefix + _b32(hashlib.sha256(value.encode("utf-8")).digest()[:16])


def workspace_id(tenant_id: str) -> str:
    """The bot's workspace id for a Teams tenant (a GUID; anything else is hashed)."""
    raw = _guid_bytes(tenant_id)
    return WORKSPACE_PREFIX + _b32(raw) if raw else _hashed(WORKSPACE_PREFIX, tenant_id)


def tenant_of(workspace: str) -> str | None:
    """The tenant GUID back from :func:`workspace_id`, or None when it was hashed or is Slack's."""
    if not workspace.startswith(WORKSPACE_PREFIX):
        return None
    raw = _unb32(workspace[1:])
    return str(uuid.UUID(bytes=raw)) if raw else None


def is_teams_workspace(workspace: str) -> bool:
    """Whether a stored workspace id is a Teams tenant (Slack's never have this shape)."""
    return (
        len(workspace) == _ENCODED_LENGTH + 1
        and workspace.startswith(WORKSPACE_PREFIX)
        and _unb32(workspace[1:]) is not None
    )


def user_id(aad_object_id: str | None, channel_user_id: str | None = None) -> str:
    """The bot's user id for a Teams person: their Entra object id, encoded (see module doc)."""
    raw = _guid_bytes(aad_object_id or "")
    if raw:
        return USER_PREFIX + _b32(raw)
    if not channel_user_id:
        raise ValueError("a Teams user needs an Entra object id or a channel id")
    return _hashed(HASHED_USER_PREFIX, channel_user_id)


def aad_object_id(user: str) -> str | None:
    """The Entra object id back from :func:`user_id` (None for hashed or foreign ids)."""
    if not user.startswith(USER_PREFIX):
        return None
    raw = _unb32(user[1:])
    return str(uuid.UUID(bytes=raw)) if raw else None


def channel_key(conversation_id: str) -> str:
    """A short, stable key for a channel or group chat (thread suffixes are ignored)."""
    return _hashed(CHANNEL_PREFIX, base_conversation_id(conversation_id))


def base_conversation_id(conversation_id: str) -> str:
    """A channel's conversation id without the ``;messageid=...`` of the thread it came from."""
    return conversation_id.split(";", 1)[0]
