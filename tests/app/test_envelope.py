"""The CORTEGE1 envelope: AES-256-GCM with a passphrase-derived key and an authenticated header."""

from __future__ import annotations

import json

import pytest

from app.domain.errors import DomainError
from app.services import envelope
from app.services.envelope import (
    HEADER_LEN,
    KDF_ARGON2ID,
    KDF_SCRYPT,
    MAGIC,
    decrypt,
    encrypt,
)

SECRET = b'{"participants": [{"alias": "Crow", "full_name": "Camille Martin"}]}'


@pytest.fixture(scope="module")
def sealed() -> bytes:
    return encrypt(SECRET, "correct horse battery staple")


def test_round_trip_with_argon2id_and_nothing_in_clear(sealed):
    assert sealed.startswith(MAGIC)
    assert sealed[9] == KDF_ARGON2ID
    assert b"Crow" not in sealed and b"Camille" not in sealed
    assert decrypt(sealed, "correct horse battery staple") == SECRET


def test_round_trip_with_scrypt():
    blob = encrypt(SECRET, "pässphrase", kdf=KDF_SCRYPT)
    assert blob[9] == KDF_SCRYPT
    assert decrypt(blob, "pässphrase") == SECRET


def test_each_encryption_uses_a_fresh_salt_and_nonce():
    a, b = encrypt(b"same", "pw"), encrypt(b"same", "pw")
    assert a[22:50] != b[22:50]
    assert a[HEADER_LEN:] != b[HEADER_LEN:]


def test_wrong_passphrase_is_a_clear_error(sealed):
    with pytest.raises(DomainError, match="wrong passphrase"):
        decrypt(sealed, "correct horse battery stapler")


@pytest.mark.parametrize(
    "offset",
    [
        pytest.param(13, id="kdf parameter"),
        pytest.param(30, id="salt"),
        pytest.param(45, id="nonce"),
        pytest.param(HEADER_LEN + 3, id="ciphertext"),
        pytest.param(-1, id="tag"),
    ],
)
def test_any_altered_byte_is_refused(sealed, offset):
    tampered = bytearray(sealed)
    tampered[offset] ^= 0x01
    with pytest.raises(DomainError, match="altered or damaged"):
        decrypt(bytes(tampered), "correct horse battery staple")


def test_a_forged_header_asking_for_huge_memory_is_refused_before_deriving(sealed):
    forged = bytearray(sealed)
    forged[10:14] = (2**31).to_bytes(4, "big")  # 2 TiB of Argon2 memory
    with pytest.raises(DomainError, match="damaged"):
        decrypt(bytes(forged), "correct horse battery staple")


def test_truncated_and_unknown_versions_are_explained(sealed):
    with pytest.raises(DomainError, match="damaged"):
        decrypt(sealed[:40], "x")
    newer = bytearray(sealed)
    newer[8] = 2
    with pytest.raises(DomainError, match="envelope version 2.*reads version 1"):
        decrypt(bytes(newer), "x")
    unknown_kdf = bytearray(sealed)
    unknown_kdf[9] = 9
    with pytest.raises(DomainError, match=r"key derivation .* \(9\)"):
        decrypt(bytes(unknown_kdf), "x")


def test_decrypt_with_prompt_prefers_the_file_passphrase(monkeypatch, sealed):
    monkeypatch.setenv("CORTEGE_PASSPHRASE", "the database one")
    monkeypatch.setenv("CORTEGE_FILE_PASSPHRASE", "correct horse battery staple")
    assert envelope.decrypt_with_prompt(sealed) == SECRET
    monkeypatch.delenv("CORTEGE_FILE_PASSPHRASE")
    monkeypatch.setenv("CORTEGE_PASSPHRASE", "correct horse battery staple")
    assert envelope.decrypt_with_prompt(sealed) == SECRET


def test_encrypted_bundle_round_trip_through_the_cli(cli, demo_db, tmp_path, monkeypatch):
    out = tmp_path / "plan.cortege"
    monkeypatch.setenv("CORTEGE_FILE_PASSPHRASE", "bundle pass")
    r = cli(
        "--db",
        demo_db,
        "export",
        "bundle",
        "funeral-for-privacy",
        "-o",
        out,
        "--include-personal-data",
        "--encrypt",
    )
    assert r.code == 0, r.err
    raw = out.read_bytes()
    assert raw.startswith(MAGIC)
    assert b"Camille" not in raw and b"Crow" not in raw
    plain = json.loads(decrypt(raw, "bundle pass"))
    assert plain["participants"][0]["alias"]

    other = tmp_path / "other.sqlite3"
    r = cli("--db", other, "import", out)
    assert (r.code, r.out.strip()) == (0, "funeral-for-privacy"), r.err


def test_import_refuses_a_wrong_passphrase_and_a_tampered_bundle(
    cli, demo_db, tmp_path, monkeypatch
):
    out = tmp_path / "plan.cortege"
    monkeypatch.setenv("CORTEGE_FILE_PASSPHRASE", "bundle pass")
    assert (
        cli("--db", demo_db, "export", "bundle", "funeral-for-privacy", "-o", out, "--encrypt").code
        == 0
    )
    other = tmp_path / "other.sqlite3"
    monkeypatch.setenv("CORTEGE_FILE_PASSPHRASE", "not it")
    r = cli("--db", other, "import", out)
    assert r.code == 2 and "wrong passphrase" in r.err and "Traceback" not in r.err

    monkeypatch.setenv("CORTEGE_FILE_PASSPHRASE", "bundle pass")
    raw = bytearray(out.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    out.write_bytes(bytes(raw))
    r = cli("--db", other, "import", out)
    assert r.code == 2 and "altered or damaged" in r.err
    assert cli("--db", other, "list").out == ""


def test_without_a_passphrase_or_a_terminal_export_stops_cleanly(cli, demo_db, tmp_path):
    out = tmp_path / "plan.cortege"
    r = cli("--db", demo_db, "export", "bundle", "funeral-for-privacy", "-o", out, "--encrypt")
    assert r.code == 2
    assert "CORTEGE_FILE_PASSPHRASE" in r.err
    assert not out.exists()


@pytest.mark.parametrize(
    ("kdf", "a", "b", "c"),
    [
        pytest.param(KDF_SCRYPT, 2**20, 32, 16, id="scrypt N=2^20 r=32 p=16"),
        pytest.param(KDF_SCRYPT, 2**17, 8, 16, id="scrypt p=16"),
        pytest.param(KDF_SCRYPT, 2**17, 32, 1, id="scrypt r=32"),
        pytest.param(KDF_ARGON2ID, 1024 * 1024, 3, 4, id="argon2 1 GiB"),
        pytest.param(KDF_ARGON2ID, 64 * 1024, 20, 4, id="argon2 t=20"),
        pytest.param(KDF_ARGON2ID, 256 * 1024, 12, 4, id="argon2 4x memory and 4x passes"),
    ],
)
def test_kdf_parameters_above_a_small_multiple_of_the_defaults_are_refused_unspent(
    monkeypatch, sealed, kdf, a, b, c
):
    """A forged header must not make the app spend gigabytes and minutes before saying no."""
    import argon2.low_level
    from cryptography.hazmat.primitives.kdf import scrypt

    def spent(*_args, **_kwargs):
        raise AssertionError("a key was derived")

    monkeypatch.setattr(argon2.low_level, "hash_secret_raw", spent)
    monkeypatch.setattr(scrypt, "Scrypt", spent)
    header = envelope.Header(kdf, a, b, c, salt=b"s" * 16, nonce=b"n" * 12).pack()
    with pytest.raises(DomainError, match="damaged"):
        decrypt(header + sealed[HEADER_LEN:], "correct horse battery staple")


def test_the_defaults_are_within_the_limits():
    for kdf in (KDF_ARGON2ID, KDF_SCRYPT):
        blob = encrypt(SECRET, "correct horse battery staple", kdf=kdf)
        assert decrypt(blob, "correct horse battery staple") == SECRET
