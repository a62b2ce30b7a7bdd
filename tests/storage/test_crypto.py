"""Keys: created owner-only on first start, rotation works, a malformed key stops start-up."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from storage.crypto import Cipher, KeyConfigError, Pseudonymizer, build_cipher, build_pseudonymizer, new_key


def test_embedded_key_files_are_created_owner_only(tmp_path: Path) -> None:
    cipher = build_cipher(configured=None, data_dir=tmp_path)
    build_pseudonymizer(configured=None, data_dir=tmp_path)
    for name in ("encryption.key", "pseudonym.key"):
        mode = stat.S_IMODE((tmp_path / name).stat().st_mode)
        assert mode == 0o600, (name, oct(mode))
    again = build_cipher(configured=None, data_dir=tmp_path)
    assert again.decrypt(cipher.encrypt("same key on restart")) == "same key on restart"


def test_rotation_decrypts_old_and_encrypts_with_new() -> None:
    old, new = new_key(), new_key()
    token = Cipher([old.encode()]).encrypt("written under the old key")
    rotated = Cipher([new.encode(), old.encode()])
    assert rotated.decrypt(token) == "written under the old key"
    fresh = rotated.rotate(token)
    assert Cipher([new.encode()]).decrypt(fresh) == "written under the old key"


@pytest.mark.parametrize("bad", ["not-a-key", "c2hvcnQ=", new_key()[:-4]])
def test_malformed_key_is_a_clear_error(bad: str) -> None:
    with pytest.raises(KeyConfigError, match="ENCRYPTION_KEYS"):
        build_cipher(configured=bad, data_dir=Path("/nonexistent"))


def test_pseudonyms_are_stable_keyed_and_not_the_user_id() -> None:
    first = Pseudonymizer(b"k" * 32)
    assert first.author("T1", "U1") == first.author("T1", "U1")
    assert first.author("T1", "U1") != first.author("T2", "U1")
    assert first.author("T1", "U1") != Pseudonymizer(b"j" * 32).author("T1", "U1")
    assert "U1" not in first.author("T1", "U1")
