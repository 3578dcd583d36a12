"""Facts about the database file every storage module shares: kept apart from ``engine`` so that
``cipher`` and ``diagnose`` read them without importing the engine that imports them (no import
cycle, tests/app/test_architecture.py)."""

from __future__ import annotations

from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
# How long a writer waits for another one (write transactions queue, BEGIN IMMEDIATE): long
# enough for a queue of imports on a slow laptop, after which the user reads why.
BUSY_TIMEOUT_MS = 15000
