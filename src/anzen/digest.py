"""SHA-256 and BLAKE2b fingerprints and random ids without loading OpenSSL.

hashlib, and secrets through hmac, load OpenSSL's libcrypto and set up its providers: ~0.6 MiB of
resident memory in the app (benchmarks/RESULTS.md, goal 7) for fingerprints of a few files and short
ids. CPython has its own SHA-256, the one hashlib falls back on; the digest is the same. The standard
library's `random` takes its SHA-512 the same way, "hashlib is pretty heavy to load"."""

from __future__ import annotations

import os

try:
    from _sha256 import sha256  # CPython 3.11
except ImportError:  # pragma: no cover - other versions and builds
    try:
        from _sha2 import sha256  # type: ignore[import-not-found,no-redef]  # CPython 3.12+
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment]  # a build without its own hashes

try:
    from _blake2 import blake2b  # CPython's own, as hashlib's; ~3× as fast as its SHA-256 here
except ImportError:  # pragma: no cover - a build without it
    from hashlib import blake2b  # type: ignore[assignment]

__all__ = ["blake2b", "sha256", "token_hex"]


def token_hex(nbytes: int) -> str:
    """`nbytes` random bytes from the operating system, as hex (what secrets.token_hex does)."""
    return os.urandom(nbytes).hex()
