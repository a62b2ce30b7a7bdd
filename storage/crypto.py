"""Encryption at rest (Fernet, with rotation through MultiFernet) and keyed author pseudonyms.

Keys come from configuration; the embedded default creates key files with owner-only permissions
on first start, so a copied database file alone reveals nothing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class KeyConfigError(ValueError):
    """A configured key is malformed; start-up stops with this message."""


class Cipher:
    """Encrypts with the newest key and decrypts with any of them (key rotation)."""

    def __init__(self, keys: list[bytes]) -> None:
        if not keys:
            raise KeyConfigError("ENCRYPTION_KEYS: at least one key is needed")
        fernets = []
        for index, key in enumerate(keys, start=1):
            try:
                fernets.append(Fernet(key))
            except (ValueError, binascii.Error):
                raise KeyConfigError(
                    f"ENCRYPTION_KEYS: key #{index} is not a valid Fernet key "
                    "(32 url-safe base64-encoded bytes; make one with `supervision-bot key new`)"
                ) from None
        self._fernet = MultiFernet(fernets)

    def encrypt(self, plaintext: str) -> bytes:
        """Encrypt text for storage."""
        return self._fernet.encrypt(plaintext.encode("utf-8"))

    def decrypt(self, token: bytes) -> str:
        """Decrypt stored text; raises ValueError when no configured key fits."""
        try:
            return self._fernet.decrypt(token).decode("utf-8")
        except InvalidToken:
            raise ValueError("stored text cannot be decrypted with the configured keys") from None

    def rotate(self, token: bytes) -> bytes:
        """Re-encrypt under the newest key (used by the key-rotation job)."""
        return self._fernet.rotate(token)


class Pseudonymizer:
    """HMAC-SHA256 of (workspace, user): stable for the user, meaningless without the key."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise KeyConfigError("PSEUDONYM_KEY: must be at least 16 bytes")
        self._key = key

    def author(self, workspace_id: str, user_id: str) -> str:
        """The pseudonym stored in place of a user id."""
        message = f"{workspace_id}\x1f{user_id}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()


def parse_fernet_keys(configured: str) -> list[bytes]:
    """Split ``ENCRYPTION_KEYS`` (comma-separated, newest first)."""
    return [part.strip().encode() for part in configured.split(",") if part.strip()]


def load_or_create_key_file(path: Path, *, make: bool = True) -> bytes:
    """Read a key file, creating it (mode 0600) with a fresh key on first start."""
    if path.exists():
        return path.read_bytes().strip()
    if not make:
        raise KeyConfigError(f"key file {path} does not exist")
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key + b"\n")
    return key


def build_cipher(*, configured: str | None, data_dir: Path) -> Cipher:
    """The cipher from configuration, or from the embedded key file."""
    if configured:
        return Cipher(parse_fernet_keys(configured))
    return Cipher([_read_or_race(data_dir / "encryption.key")])


def build_pseudonymizer(*, configured: str | None, data_dir: Path) -> Pseudonymizer:
    """The pseudonymizer from configuration, or from the embedded key file."""
    if configured:
        return Pseudonymizer(configured.encode())
    key = _read_or_race(data_dir / "pseudonym.key")
    return Pseudonymizer(base64.urlsafe_b64decode(key))


def _read_or_race(path: Path) -> bytes:
    """Create-or-read that tolerates two processes starting at the same moment."""
    try:
        return load_or_create_key_file(path)
    except FileExistsError:
        return path.read_bytes().strip()


def new_key() -> str:
    """A fresh key in the format ``ENCRYPTION_KEYS`` expects."""
    return Fernet.generate_key().decode()


def random_token(nbytes: int = 16) -> str:
    """A random URL-safe token (private-metadata nonces)."""
    return secrets.token_urlsafe(nbytes)
