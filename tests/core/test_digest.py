"""Fingerprints and ids made without OpenSSL are what hashlib and secrets would make."""

from __future__ import annotations

import hashlib
import re

from anzen.digest import blake2b, sha256, token_hex


def test_sha256_is_the_standard_digest() -> None:
    data = "株式会社テスト\n".encode() * 1000
    ours = sha256()
    ours.update(data[:10])
    ours.update(data[10:])
    assert ours.hexdigest() == hashlib.sha256(data).hexdigest()
    assert sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_blake2b_is_the_standard_digest() -> None:
    data = "株式会社テスト\n".encode() * 1000
    ours = blake2b()
    ours.update(data[:10])
    ours.update(data[10:])
    assert ours.hexdigest() == hashlib.blake2b(data).hexdigest() != blake2b(data[:-1]).hexdigest()


def test_token_hex_is_random_hex_of_the_asked_length() -> None:
    tokens = {token_hex(6) for _ in range(50)}
    assert len(tokens) == 50
    assert all(re.fullmatch(r"[0-9a-f]{12}", t) for t in tokens)
