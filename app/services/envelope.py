"""The encrypted-file envelope (``CORTEGE1``) for backups and bundles that leave the machine.

Layout (all integers big-endian; docs/encryption.md explains why)::

    0   8  magic        b"CORTEGE1"
    8   1  version      1
    9   1  kdf          1 = Argon2id, 2 = scrypt
    10  4  kdf param a  Argon2id: memory in KiB   scrypt: N
    14  4  kdf param b  Argon2id: time cost       scrypt: r
    18  4  kdf param c  Argon2id: parallelism     scrypt: p
    22 16  salt
    38 12  nonce
    50  …  AES-256-GCM ciphertext followed by its 16-byte tag

Bytes 0–49 (magic and header) are the GCM associated data, so changing any parameter, the salt
or the nonce makes decryption fail exactly like a wrong passphrase or an altered ciphertext.
The KDF parameters are bounded before any key is derived: a forged header cannot make the app
allocate gigabytes or spin for minutes.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass

from app.domain.errors import DomainError
from app.i18n import _

MAGIC = b"CORTEGE1"
VERSION = 1
KDF_ARGON2ID = 1
KDF_SCRYPT = 2
SALT_LEN = 16
NONCE_LEN = 12
TAG_LEN = 16
_HEADER = struct.Struct(">8sBBIII16s12s")
HEADER_LEN = _HEADER.size  # 50

# RFC 9106's second recommended Argon2id setting; FACTS.md measured it at ~0.1 s here.
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_TIME = 3
ARGON2_PARALLELISM = 4
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1

# What a file may ask for, checked before deriving anything: a small multiple of the defaults,
# so a forged header costs at most about four times a real one (256 MiB and well under a
# second here), never gigabytes and minutes.
KDF_HEADROOM = 4
_MAX_ARGON2_MEMORY_KIB = KDF_HEADROOM * ARGON2_MEMORY_KIB  # 256 MiB
_MAX_ARGON2_TIME = KDF_HEADROOM * ARGON2_TIME  # 12
_MAX_PARALLELISM = KDF_HEADROOM * ARGON2_PARALLELISM  # 16
_MAX_ARGON2_WORK = KDF_HEADROOM * ARGON2_MEMORY_KIB * ARGON2_TIME  # memory × passes
_MAX_SCRYPT_N = KDF_HEADROOM * SCRYPT_N  # 2**19
_MAX_SCRYPT_R = SCRYPT_R  # 8: memory is 128 · N · r
_MAX_SCRYPT_P = KDF_HEADROOM * SCRYPT_P  # 4
_MAX_SCRYPT_WORK = KDF_HEADROOM * SCRYPT_N * SCRYPT_R * SCRYPT_P


@dataclass(frozen=True)
class Header:
    kdf: int
    a: int
    b: int
    c: int
    salt: bytes
    nonce: bytes

    def pack(self) -> bytes:
        return _HEADER.pack(MAGIC, VERSION, self.kdf, self.a, self.b, self.c, self.salt, self.nonce)


def is_envelope(data: bytes) -> bool:
    return data.startswith(MAGIC)


def _damaged() -> DomainError:
    return DomainError(_("the encrypted file is damaged or is not a Cortège file"))


def _derive(header: Header, passphrase: str) -> bytes:
    secret = passphrase.encode("utf-8")
    if header.kdf == KDF_ARGON2ID:
        from argon2.low_level import Type, hash_secret_raw

        if not (8 <= header.a <= _MAX_ARGON2_MEMORY_KIB and 1 <= header.b <= _MAX_ARGON2_TIME):
            raise _damaged()
        if not 1 <= header.c <= _MAX_PARALLELISM or header.a < 8 * header.c:
            raise _damaged()
        if header.a * header.b > _MAX_ARGON2_WORK:
            raise _damaged()
        return hash_secret_raw(
            secret,
            header.salt,
            time_cost=header.b,
            memory_cost=header.a,
            parallelism=header.c,
            hash_len=32,
            type=Type.ID,
        )
    if header.kdf == KDF_SCRYPT:
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        n, r, p = header.a, header.b, header.c
        if n < 2 or n & (n - 1) or n > _MAX_SCRYPT_N or not 1 <= r <= _MAX_SCRYPT_R:
            raise _damaged()
        if not 1 <= p <= _MAX_SCRYPT_P or n * r * p > _MAX_SCRYPT_WORK:
            raise _damaged()
        return Scrypt(salt=header.salt, length=32, n=n, r=r, p=p).derive(secret)
    raise DomainError(
        _("the encrypted file uses a key derivation this Cortège does not know ({id})").format(
            id=header.kdf
        )
    )


def encrypt(data: bytes, passphrase: str, *, kdf: int = KDF_ARGON2ID) -> bytes:
    """Seal ``data`` with a key derived from ``passphrase`` (fresh salt and nonce each time)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not passphrase:
        raise DomainError(_("is required"), field="passphrase")
    if kdf == KDF_ARGON2ID:
        params = (ARGON2_MEMORY_KIB, ARGON2_TIME, ARGON2_PARALLELISM)
    elif kdf == KDF_SCRYPT:
        params = (SCRYPT_N, SCRYPT_R, SCRYPT_P)
    else:
        raise ValueError(f"unknown kdf {kdf}")
    header = Header(kdf, *params, salt=os.urandom(SALT_LEN), nonce=os.urandom(NONCE_LEN))
    head = header.pack()
    key = _derive(header, passphrase)
    return head + AESGCM(key).encrypt(header.nonce, data, head)


def read_header(blob: bytes) -> Header:
    if not is_envelope(blob) or len(blob) < HEADER_LEN + TAG_LEN:
        raise _damaged()
    _magic, version, kdf, a, b, c, salt, nonce = _HEADER.unpack_from(blob)
    if version != VERSION:
        raise DomainError(
            _(
                "the encrypted file has envelope version {found}; this Cortège reads version "
                "{known}. Update Cortège to open it."
            ).format(found=version, known=VERSION)
        )
    return Header(kdf, a, b, c, salt, nonce)


def decrypt(blob: bytes, passphrase: str) -> bytes:
    """The plaintext, or DomainError for a wrong passphrase, a damaged or an altered file."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = read_header(blob)
    key = _derive(header, passphrase)
    try:
        return AESGCM(key).decrypt(header.nonce, blob[HEADER_LEN:], blob[:HEADER_LEN])
    except InvalidTag as exc:
        raise DomainError(
            _("wrong passphrase, or the file has been altered or damaged (nothing was read)")
        ) from exc


FILE_PASSPHRASE_ENV = ("CORTEGE_FILE_PASSPHRASE", "CORTEGE_PASSPHRASE")


def decrypt_with_prompt(blob: bytes) -> bytes:
    """Decrypt with ``CORTEGE_FILE_PASSPHRASE``, else ``CORTEGE_PASSPHRASE``, else a prompt."""
    from app.storage.unlock import passphrase_from_env_or_prompt

    read_header(blob)  # a damaged file is reported before anyone types a passphrase
    passphrase = passphrase_from_env_or_prompt(
        _("Passphrase of the encrypted file: "), env=FILE_PASSPHRASE_ENV
    )
    return decrypt(blob, passphrase)


def encrypt_with_prompt(data: bytes) -> bytes:
    """Encrypt with the file passphrase from the environment, else one typed twice."""
    passphrase = new_passphrase(_("Passphrase for the encrypted file: "), env=FILE_PASSPHRASE_ENV)
    return encrypt(data, passphrase)


def new_passphrase(prompt: str, *, env: tuple[str, ...]) -> str:
    """A passphrase from the first set variable of ``env``, else typed twice at a terminal."""
    from app.domain.passphrase import passphrase_problem
    from app.storage.unlock import passphrase_from_env_or_prompt

    value = passphrase_from_env_or_prompt(prompt, env=env, again=_("Type it again: "))
    problem = passphrase_problem(value)
    if problem:
        raise DomainError(problem, field=env[0])
    return value
