"""What leaves the machine, or stays behind: no socket, no values in logs, no passphrase on disk."""

from __future__ import annotations

import json
import logging
import socket
from pathlib import Path

import pytest

SLUG = "funeral-for-privacy"
PASSPHRASE = "unique-passphrase-7f3k"
VALUES = [b"Camille Martin", b"crow@example.org", b"+33 6 00 00 10 00", b"Zo\xc3\xa9 Secretname"]


@pytest.fixture
def cortege_log(_isolated_data_dir):
    """The app's log file, set up as main.py does, at DEBUG so SQL logging is on too."""
    from app.logs import log_file, setup_logging

    root = logging.getLogger()
    old = [h for h in root.handlers if getattr(h, "_cortege", False)]
    for h in old:
        root.removeHandler(h)
    level = root.level
    setup_logging(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # statements and parameters
    yield log_file()
    for h in [h for h in root.handlers if getattr(h, "_cortege", False)]:
        root.removeHandler(h)
        h.close()
    for h in old:
        root.addHandler(h)
    root.setLevel(level)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)


def _bundle(path: Path, *, valid: bool) -> Path:
    bundle = {
        "format": "cortege.bundle",
        "version": 1,
        "action": {
            "title": "Vigil",
            "timezone": "Europe/Paris",
            # 02:30 on 27 October is ambiguous in Paris: the import is refused
            "starts_at": "2024-10-27T05:30" if valid else "2024-10-27T02:30",
            "ends_at": "2024-10-27T06:00",
        },
        "participants": [
            {
                "key": "z",
                "alias": "Zephyr",
                "full_name": "Zoé Secretname",
                "email": "zephyr@example.net" if valid else "not-an-email",
            }
        ],
    }
    path.write_text(json.dumps(bundle), encoding="utf-8")
    return path


def _every_file(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]


def test_logs_hold_no_participant_values(cli, cortege_log, demo_db, tmp_path):
    assert cli("--db", demo_db, "list").code == 0
    assert cli("--db", demo_db, "check", SLUG).code == 3
    r = cli("--db", demo_db, "import", _bundle(tmp_path / "bad.json", valid=False))
    assert r.code == 2
    r = cli("--db", demo_db, "import", _bundle(tmp_path / "good.json", valid=True))
    assert r.code == 0, r.err
    assert cli("--db", demo_db, "purge", SLUG, "--yes").code == 0
    for handler in logging.getLogger().handlers:
        handler.flush()
    log = cortege_log.read_bytes()
    assert b"SELECT" in log  # the log did record the session
    for value in VALUES:
        assert value not in log, value


def test_an_unexpected_error_logs_no_values(cli, cortege_log, demo_db, monkeypatch):
    import app.services.readiness as readiness

    def broken(session, action_id, **kwargs):
        from app.storage.rows import load_action

        action = load_action(session, action_id)
        people = [a.participant for a in action.assignments]
        return people[0].full_name + 1  # a TypeError deep in a service

    monkeypatch.setattr(readiness, "check", broken)
    r = cli("--db", demo_db, "check", SLUG)
    assert r.code == 1 and "internal error: TypeError" in r.err
    log = cortege_log.read_bytes()
    assert b"TypeError" in log
    for value in VALUES:
        assert value not in log, value


def test_the_passphrase_is_written_nowhere(cli, tmp_path, monkeypatch, _isolated_data_dir):
    db = tmp_path / "enc.sqlite3"
    monkeypatch.setenv("CORTEGE_PASSPHRASE", PASSPHRASE)
    assert cli("--db", db, "init", "--encrypted").code == 0
    assert cli("--db", db, "demo", "--on", "2024-05-28").code == 0
    assert cli("--db", db, "backup", "-o", tmp_path / "b.sqlite3").code == 0
    assert cli("--db", db, "backup", "-o", tmp_path / "b.cortege", "--encrypt").code == 0
    monkeypatch.setenv("CORTEGE_PASSPHRASE", "wrong " + PASSPHRASE)
    r = cli("--db", db, "list")
    assert r.code == 2 and PASSPHRASE not in r.err
    files = _every_file(tmp_path, _isolated_data_dir)
    assert len(files) >= 3
    for path in files:
        assert PASSPHRASE.encode() not in path.read_bytes(), path


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(name):
        def _refuse(*args, **kwargs):
            attempts.append(name)
            raise OSError(f"network access attempted: {name}")

        return _refuse

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def test_privacy_commands_open_no_socket(cli, tmp_path, monkeypatch, no_network):
    db = tmp_path / "enc.sqlite3"
    monkeypatch.setenv("CORTEGE_PASSPHRASE", PASSPHRASE)
    steps = [
        ("init", "--encrypted"),
        ("demo", "--on", "2024-05-28"),
        ("backup", "-o", tmp_path / "b.cortege", "--encrypt"),
        ("export", "bundle", SLUG, "-o", tmp_path / "p.cortege", "--encrypt"),
        ("declaration", SLUG, "-o", tmp_path / "d.pdf", "--organiser", "A. Name|1 rue X, Paris"),
        ("purge", SLUG, "--yes"),
        ("restore", tmp_path / "b.cortege", "--yes"),
    ]
    for step in steps:
        r = cli("--db", db, *step)
        assert r.code == 0, (step, r.err)
    assert no_network == []
