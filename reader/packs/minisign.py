"""minisign's key and signature files, read and written with Ed25519 from `cryptography`.

Formats (as documented by minisign): a public key is "Ed" + an 8-byte key id + the 32-byte key,
base64 on the line after an untrusted comment. A signature file holds "Ed" (the data signed as
it is) or "ED" (its BLAKE2b-512 hash signed, minisign's default since 0.8) + key id + the
signature, then a trusted comment and a global signature over the signature and that comment.
A secret key file holds "Ed", a KDF tag ("Sc" for scrypt, or zeros when unprotected), "B2",
the scrypt salt and limits, then (key id + 64-byte secret key + a BLAKE2b-256 checksum) XORed
with the scrypt output when protected.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

UNTRUSTED = "untrusted comment: "
TRUSTED = "trusted comment: "
ALG_PURE = b"Ed"
ALG_HASHED = b"ED"
KDF_SCRYPT = b"Sc"
KDF_NONE = b"\0\0"
CHECKSUM_ALG = b"B2"
MAX_COMMENT = 1024
# minisign's defaults (libsodium's "sensitive" scrypt limits: 1 GiB of memory, a few seconds)
DEFAULT_OPSLIMIT = 1 << 25
DEFAULT_MEMLIMIT = 1 << 30
_SECRET_PART = 8 + 64 + 32  # key id, secret key (seed + public key), checksum


class MinisignError(ValueError):
    """A key or signature file that is malformed, or a signature that does not verify."""


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes  # 8 bytes
    key: bytes  # 32 bytes

    @property
    def id_hex(self) -> str:
        """The key id as minisign prints it (the 8 bytes read as a little-endian number)."""
        return self.key_id[::-1].hex().upper()

    def line(self) -> str:
        return base64.b64encode(ALG_PURE + self.key_id + self.key).decode("ascii")

    def file_text(self) -> str:
        return f"{UNTRUSTED}minisign public key {self.id_hex}\n{self.line()}\n"

    def verify(self, data: bytes, sig: Signature) -> None:
        """Raise MinisignError unless `sig` is this key's valid signature of `data`."""
        if sig.key_id != self.key_id:
            raise MinisignError(f"signed with key {sig.id_hex}, not with key {self.id_hex}")
        message = hashlib.blake2b(data, digest_size=64).digest() if sig.algorithm == ALG_HASHED else data
        key = Ed25519PublicKey.from_public_bytes(self.key)
        try:
            key.verify(sig.signature, message)
        except InvalidSignature:
            raise MinisignError("signature does not match the signed file") from None
        try:
            key.verify(sig.global_signature, sig.signature + sig.trusted_comment.encode("utf-8"))
        except InvalidSignature:
            raise MinisignError("signature of the trusted comment does not match") from None


@dataclass(frozen=True)
class Signature:
    algorithm: bytes  # ALG_PURE or ALG_HASHED
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes
    untrusted_comment: str = "signature"

    @property
    def id_hex(self) -> str:
        return self.key_id[::-1].hex().upper()

    def file_text(self) -> str:
        head = base64.b64encode(self.algorithm + self.key_id + self.signature).decode("ascii")
        tail = base64.b64encode(self.global_signature).decode("ascii")
        return f"{UNTRUSTED}{self.untrusted_comment}\n{head}\n{TRUSTED}{self.trusted_comment}\n{tail}\n"


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    private: Ed25519PrivateKey

    @property
    def public(self) -> PublicKey:
        raw = self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return PublicKey(self.key_id, raw)

    def sign(self, data: bytes, trusted_comment: str) -> Signature:
        """A prehashed ("ED") signature, as minisign 0.11 writes by default."""
        _check_comment(trusted_comment)
        signature = self.private.sign(hashlib.blake2b(data, digest_size=64).digest())
        global_signature = self.private.sign(signature + trusted_comment.encode("utf-8"))
        return Signature(ALG_HASHED, self.key_id, signature, trusted_comment, global_signature)


def generate() -> SecretKey:
    return SecretKey(os.urandom(8), Ed25519PrivateKey.generate())


def _check_comment(text: str) -> None:
    if "\n" in text or "\r" in text or len(text) > MAX_COMMENT:
        raise MinisignError("a comment must be one line of at most 1024 characters")


def _b64(line: str, what: str) -> bytes:
    try:
        return base64.b64decode(line.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise MinisignError(f"{what}: not valid base64") from None


def _lines(text: str, what: str, count: int) -> list[str]:
    lines = text.splitlines()
    if len(lines) < count:
        raise MinisignError(f"{what}: expected {count} lines, found {len(lines)}")
    if not lines[0].startswith(UNTRUSTED):
        raise MinisignError(f"{what}: line 1 does not start with '{UNTRUSTED.strip()}'")
    return lines


def parse_public_key(text: str) -> PublicKey:
    """A public key from a .pub file's text, or from its base64 line alone."""
    stripped = text.strip()
    line = _lines(stripped, "public key", 2)[1] if stripped.startswith(UNTRUSTED) else stripped
    raw = _b64(line, "public key")
    if len(raw) != 42 or raw[:2] != ALG_PURE:
        raise MinisignError("public key: not a minisign Ed25519 public key")
    return PublicKey(raw[2:10], raw[10:])


def parse_signature(text: str) -> Signature:
    lines = _lines(text, "signature", 4)
    head = _b64(lines[1], "signature line 2")
    if len(head) != 74 or head[:2] not in (ALG_PURE, ALG_HASHED):
        raise MinisignError("signature line 2: not a minisign Ed25519 signature")
    if not lines[2].startswith(TRUSTED):
        raise MinisignError(f"signature line 3: does not start with '{TRUSTED.strip()}'")
    tail = _b64(lines[3], "signature line 4")
    if len(tail) != 64:
        raise MinisignError("signature line 4: the global signature has the wrong length")
    return Signature(
        head[:2], head[2:10], head[10:], lines[2][len(TRUSTED) :], tail, lines[0][len(UNTRUSTED) :]
    )


def scrypt_parameters(opslimit: int, memlimit: int) -> tuple[int, int, int]:
    """libsodium's choice of scrypt's (log2 N, r, p) for its opslimit and memlimit, as minisign uses."""
    opslimit = max(opslimit, 32768)
    r = 8
    if opslimit < memlimit // 32:
        p, max_n = 1, opslimit // (r * 4)
        n_log2 = _n_log2(max_n)
    else:
        max_n = memlimit // (r * 128)
        n_log2 = _n_log2(max_n)
        max_rp = min((opslimit // 4) // (1 << n_log2), 0x3FFFFFFF)
        p = max_rp // r
    return n_log2, r, p


def _n_log2(max_n: int) -> int:
    n_log2 = 1
    while n_log2 < 63 and (1 << n_log2) <= max_n // 2:
        n_log2 += 1
    return n_log2


def _stream(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    n_log2, r, p = scrypt_parameters(opslimit, memlimit)
    if n_log2 > 24 or p > 16:
        raise MinisignError("secret key: its scrypt limits are out of range")
    need = 128 * r * ((1 << n_log2) + p + 2) + 1024 * 1024
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=1 << n_log2, r=r, p=p, maxmem=need, dklen=_SECRET_PART
    )


def _checksum(key_id: bytes, secret: bytes) -> bytes:
    return hashlib.blake2b(ALG_PURE + key_id + secret, digest_size=32).digest()


def secret_key_text(
    key: SecretKey,
    passphrase: str | None,
    opslimit: int = DEFAULT_OPSLIMIT,
    memlimit: int = DEFAULT_MEMLIMIT,
) -> str:
    """The secret key file; protected by scrypt when a passphrase is given, else stored in clear."""
    seed = key.private.private_bytes_raw()
    secret = seed + key.public.key
    plain = key.key_id + secret + _checksum(key.key_id, secret)
    salt = os.urandom(32)
    if passphrase:
        kdf = KDF_SCRYPT
        body = bytes(a ^ b for a, b in zip(plain, _stream(passphrase, salt, opslimit, memlimit), strict=True))
        comment = "minisign encrypted secret key"
    else:
        kdf, body, comment = KDF_NONE, plain, "minisign secret key (NOT protected by a passphrase)"
        opslimit = memlimit = 0
    raw = ALG_PURE + kdf + CHECKSUM_ALG + salt + struct.pack("<QQ", opslimit, memlimit) + body
    return f"{UNTRUSTED}{comment}\n{base64.b64encode(raw).decode('ascii')}\n"


def secret_key_is_protected(text: str) -> bool:
    raw = _b64(_lines(text, "secret key", 2)[1], "secret key")
    return raw[2:4] == KDF_SCRYPT


def parse_secret_key(text: str, passphrase: str | None) -> SecretKey:
    """Read a secret key file (minisign's or ours); a protected key needs its passphrase."""
    raw = _b64(_lines(text, "secret key", 2)[1], "secret key")
    if len(raw) != 2 + 2 + 2 + 32 + 16 + _SECRET_PART or raw[:2] != ALG_PURE or raw[4:6] != CHECKSUM_ALG:
        raise MinisignError("secret key: not a minisign Ed25519 secret key")
    kdf, salt = raw[2:4], raw[6:38]
    opslimit, memlimit = struct.unpack("<QQ", raw[38:54])
    body = raw[54:]
    if kdf == KDF_SCRYPT:
        if not passphrase:
            raise MinisignError("secret key: it is protected by a passphrase; none was given")
        body = bytes(a ^ b for a, b in zip(body, _stream(passphrase, salt, opslimit, memlimit), strict=True))
    elif kdf != KDF_NONE:
        raise MinisignError("secret key: unknown key derivation")
    key_id, secret, checksum = body[:8], body[8:72], body[72:]
    # minisign 0.11 leaves the checksum of an unprotected key empty: the public half is checked below
    unchecked = kdf == KDF_NONE and checksum == bytes(32)
    if not unchecked and not hmac.compare_digest(checksum, _checksum(key_id, secret)):
        wrong = "wrong passphrase" if kdf == KDF_SCRYPT else "damaged (checksum mismatch)"
        raise MinisignError(f"secret key: {wrong}")
    key = SecretKey(key_id, Ed25519PrivateKey.from_private_bytes(secret[:32]))
    if key.public.key != secret[32:]:
        raise MinisignError("secret key: damaged (its public half does not match)")
    return key
