"""Upper bounds of whole numbers, checked wherever values enter (bundle, CSV, ICS, window).

Without them a bundle could import ``minutes: 99999999999`` and every later export, ``check``
and the window would fail with OverflowError.
"""

from __future__ import annotations

MAX_COUNT = 100_000  # people needed for a role, a prop's quantity
MAX_CUE_MINUTES = 7 * 24 * 60  # a cue lasts at most a week
MAX_POSITION = 10_000
MAX_WHOLE = 1_000_000  # any other whole number
MAX_ID = 2**63 - 1  # SQLite's and PostgreSQL's largest integer
